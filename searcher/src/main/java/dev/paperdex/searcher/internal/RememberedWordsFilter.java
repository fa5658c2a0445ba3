package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs filters that change each word on its own (lower case, accents, spelling, stemming) and remembers what they
 * made of each word: most words of titles and abstracts come again and again, so most tokens cost one look-up rather
 * than the filters' work, which was a fifth of indexing.
 *
 * <p>The filters must turn each token into exactly one token whose text depends on the token's text alone (and on
 * whether it is a keyword: keywords are passed through them each time, not remembered). Only the token's text is
 * taken from them; its offsets, position and type stay as they came.
 */
final class RememberedWordsFilter extends TokenFilter {

  /** Words remembered at most; the memory is emptied when full, and the words that come often soon fill it again. */
  private static final int MAX_REMEMBERED = 1 << 16;
  /** Longer words go through the filters each time: they are rare, and would fill the memory with one-offs. */
  private static final int MAX_REMEMBERED_LENGTH = 24;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final CharArrayMap<char[]> remembered = new CharArrayMap<>(1024, false);
  private final OneWord word = new OneWord();
  private final TokenStream filters;
  private final CharTermAttribute filtered;

  /**
   * @param filters the filters, applied to a stream of one word at a time: {@code word -> new KStemFilter(word)}
   */
  RememberedWordsFilter(TokenStream input, UnaryOperator<TokenStream> filters) {
    super(input);
    this.filters = filters.apply(word);
    this.filtered = this.filters.getAttribute(CharTermAttribute.class);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    if (keyword.isKeyword() || length > MAX_REMEMBERED_LENGTH) {
      filter(buffer, length);
      term.copyBuffer(filtered.buffer(), 0, filtered.length());
      return true;
    }
    char[] known = remembered.get(buffer, 0, length);
    if (known == null) {
      filter(buffer, length);
      known = Arrays.copyOf(filtered.buffer(), filtered.length());
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(Arrays.copyOf(buffer, length), known);
    }
    term.copyBuffer(known, 0, known.length);
    return true;
  }

  private void filter(char[] buffer, int length) throws IOException {
    word.set(buffer, length, keyword.isKeyword());
    if (!filters.incrementToken()) {
      throw new IllegalStateException("the filters dropped the word " + new String(buffer, 0, length));
    }
  }

  /** A token stream of the one word it was last given, which the filters read. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private boolean given;

    void set(char[] buffer, int length, boolean isKeyword) {
      term.copyBuffer(buffer, 0, length);
      keyword.setKeyword(isKeyword);
      given = true;
    }

    @Override
    public boolean incrementToken() {
      boolean next = given;
      given = false;
      return next;
    }
  }
}
