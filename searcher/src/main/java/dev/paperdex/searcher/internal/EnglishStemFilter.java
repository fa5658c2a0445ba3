package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * British spellings made American ({@link AmericanSpellingFilter}), then light stemming ({@link KStemFilter}), with
 * the result remembered for each word: both depend on the word alone, and most words of titles and abstracts come
 * again and again, so most tokens cost one look-up rather than the two filters' work (which was a tenth of indexing).
 */
final class EnglishStemFilter extends TokenFilter {

  /** Words remembered at most; the memory is emptied when full, and the words that come often soon fill it again. */
  private static final int MAX_REMEMBERED = 1 << 16;
  /** Longer words are stemmed each time: they are rare, and would fill the memory with one-offs. */
  private static final int MAX_REMEMBERED_LENGTH = 24;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
  private final OneWord word = new OneWord();
  private final TokenStream stemmer = new KStemFilter(new AmericanSpellingFilter(word));
  private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

  EnglishStemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keyword.isKeyword()) {
      return true; // neither filter changes a keyword
    }
    char[] buffer = term.buffer();
    int length = term.length();
    if (length > MAX_REMEMBERED_LENGTH) {
      stem(buffer, length);
      term.copyBuffer(stemmed.buffer(), 0, stemmed.length());
      return true;
    }
    char[] known = stems.get(buffer, 0, length);
    if (known == null) {
      stem(buffer, length);
      known = new char[stemmed.length()];
      System.arraycopy(stemmed.buffer(), 0, known, 0, known.length);
      if (stems.size() >= MAX_REMEMBERED) {
        stems.clear();
      }
      stems.put(Arrays.copyOf(buffer, length), known);
    }
    term.copyBuffer(known, 0, known.length);
    return true;
  }

  private void stem(char[] buffer, int length) throws IOException {
    word.set(buffer, length);
    stemmer.incrementToken();
  }

  /** A token stream of the one word it was last given, which the two filters read. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private boolean given;

    void set(char[] buffer, int length) {
      term.copyBuffer(buffer, 0, length);
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
