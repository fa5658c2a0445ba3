package dev.paperdex.cli;

import dev.paperdex.searcher.Snippet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Marks the words of an author list that the query asked for. The searcher gives match offsets for titles and
 * abstracts but not for authors, so this reads the query simply: the words of {@code au:}/{@code author:}/{@code all:}
 * terms and of bare terms (which search authors too), not those under other fields, negated or with wildcards; a name
 * word matches when it is the same word once both are folded as the index folds names: ignoring case and accents
 * ({@code au:ostlin} marks {@code Östlin}, {@code au:jorgensen} marks {@code Jørgensen}).
 */
final class AuthorMatches {

  private static final Pattern TERM = Pattern.compile("([+-])?(?:([A-Za-z_]+):)?(\"[^\"]*\"?|\\([^)]*\\)?|[^\\s()]+)");
  private static final Set<String> AUTHOR_FIELDS = Set.of("au", "author", "authors", "all");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "ANDNOT");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int SHORTEST_WORD = 2;
  /** The most ASCII characters that {@link ASCIIFoldingFilter} writes for one character ({@code ⑽} is {@code (10)}). */
  private static final int MOST_ASCII_PER_CHAR = 4;

  private final Set<String> words;

  private AuthorMatches(Set<String> words) {
    this.words = words;
  }

  /** The author words of {@code query}. */
  static AuthorMatches of(String query) {
    Set<String> words = new HashSet<>();
    Matcher term = TERM.matcher(query);
    boolean afterNot = false;
    while (term.find()) {
      String field = term.group(2);
      String value = term.group(3);
      boolean negated = "-".equals(term.group(1)) || afterNot;
      afterNot = value.equals("NOT") || value.equals("ANDNOT");
      if (field != null && !AUTHOR_FIELDS.contains(field.toLowerCase(Locale.ROOT)) || negated
          || OPERATORS.contains(value) || value.contains("*") || value.contains("?")) {
        continue;
      }
      Matcher word = WORD.matcher(value.replaceAll("~\\d*(\\.\\d+)?$", ""));
      while (word.find()) {
        String folded = fold(word.group());
        if (folded.length() >= SHORTEST_WORD && !OPERATORS.contains(word.group())) {
          words.add(folded);
        }
      }
    }
    return new AuthorMatches(words);
  }

  /** {@code authors} as a snippet with the query's author words marked. */
  Snippet mark(String authors) {
    List<Snippet.Span> spans = new ArrayList<>();
    if (!words.isEmpty()) {
      Matcher word = WORD.matcher(authors);
      while (word.find()) {
        if (words.contains(fold(word.group()))) {
          spans.add(new Snippet.Span(word.start(), word.end()));
        }
      }
    }
    return new Snippet(authors, 0, false, spans);
  }

  /** {@code word} as the index's name analysis writes it: lower case, then folded to ASCII ({@code Ø} is {@code o}). */
  private static String fold(String word) {
    char[] letters = word.toLowerCase(Locale.ROOT).toCharArray();
    char[] folded = new char[MOST_ASCII_PER_CHAR * letters.length];
    int length = ASCIIFoldingFilter.foldToASCII(letters, 0, folded, 0, letters.length);
    return new String(folded, 0, length);
  }
}
