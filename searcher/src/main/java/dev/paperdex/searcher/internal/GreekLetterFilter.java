package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Spells Greek letters out, so that {@code λ}, {@code lambda} and {@code $\lambda$} (TeX the indexer turned into
 * {@code λ}) are the same word. A token mixing Greek and Latin, such as {@code ΔE} (from {@code $\Delta E$}), becomes
 * one word per Greek letter and one per Latin run ({@code delta}, {@code E}), each with the offsets of its own
 * characters so that highlighting marks exactly them.
 */
final class GreekLetterFilter extends TokenFilter {

  private static final Map<Character, String> NAMES = names();
  /** The lowest character {@link #NAMES} holds ({@code µ}): most tokens are all below it, and need no look-up. */
  private static final char LOWEST = NAMES.keySet().stream().min(Character::compare).orElseThrow();

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute positions = addAttribute(PositionIncrementAttribute.class);
  private final Deque<Part> pending = new ArrayDeque<>();
  private State original;

  private record Part(String text, int start, int end) {}

  GreekLetterFilter(TokenStream input) {
    super(input);
  }

  private static Map<Character, String> names() {
    String[] names = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
        "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
    Map<Character, String> map = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put((char) ('α' + i), names[i]);
      map.put((char) ('Α' + i), names[i]); // U+03A2 (no capital final sigma) is unassigned and never occurs
    }
    map.put('ϵ', "epsilon");
    map.put('ϑ', "theta");
    map.put('ϕ', "phi");
    map.put('ϖ', "pi");
    map.put('ϱ', "rho");
    map.put('ϰ', "kappa");
    map.put('µ', "mu");
    return Map.copyOf(map);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(original);
      emit(pending.removeFirst(), 1);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!hasGreek()) {
      return true;
    }
    split();
    original = captureState();
    emit(pending.removeFirst(), positions.getPositionIncrement());
    return true;
  }

  private boolean hasGreek() {
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (buffer[i] >= LOWEST && NAMES.containsKey(buffer[i])) {
        return true;
      }
    }
    return false;
  }

  /** Cuts the current token into Greek letters and Latin runs; offsets follow characters when the token is unchanged. */
  private void split() {
    String text = term.toString();
    int start = offsets.startOffset();
    boolean exact = offsets.endOffset() - start == text.length();
    int runStart = -1;
    for (int i = 0; i <= text.length(); i++) {
      String name = i < text.length() ? NAMES.get(text.charAt(i)) : null;
      boolean endsRun = i == text.length() || name != null;
      if (endsRun && runStart >= 0) {
        pending.add(part(text.substring(runStart, i), start, runStart, i, exact));
        runStart = -1;
      }
      if (name != null) {
        pending.add(part(name, start, i, i + 1, exact));
      } else if (i < text.length() && runStart < 0) {
        runStart = i;
      }
    }
  }

  private Part part(String text, int tokenStart, int from, int to, boolean exact) {
    return exact ? new Part(text, tokenStart + from, tokenStart + to)
        : new Part(text, offsets.startOffset(), offsets.endOffset());
  }

  private void emit(Part part, int positionIncrement) {
    term.setEmpty().append(part.text());
    offsets.setOffset(part.start(), part.end());
    positions.setPositionIncrement(positionIncrement);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    original = null;
  }
}
