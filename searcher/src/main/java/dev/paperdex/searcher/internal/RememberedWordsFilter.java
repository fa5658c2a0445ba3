package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
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
  private final Memory remembered = new Memory();
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
    int slot = remembered.slot(buffer, length);
    char[] known = remembered.entry(slot);
    if (known == null) {
      filter(buffer, length);
      known = remembered.put(slot, buffer, length, filtered.buffer(), filtered.length());
    }
    term.copyBuffer(known, length + 1, known.length - length - 1);
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

  /**
   * What the filters made of each word: an open-addressing table whose slots each hold one array, the word's length,
   * the word and what it became, so that a look-up reads the table and that one array. Lucene's {@code CharArrayMap}
   * read a key array and a value array apart, each one more cache miss, and its look-ups took 8% of indexing's CPU.
   */
  private static final class Memory {
    /** At most half full, so that a look-up seldom reads more than one slot. */
    private static final int MAX_SLOTS = 2 * MAX_REMEMBERED;

    /** {@code [length, word..., result...]} per slot, or null; grows from a small table, as a query needs few. */
    private char[][] entries = new char[64][];
    private int size;

    /** The slot that holds the word, or the empty one where it would go. */
    int slot(char[] word, int length) {
      return slot(entries, word, 0, length);
    }

    private static int slot(char[][] entries, char[] word, int offset, int length) {
      int hash = 0;
      for (int i = offset; i < offset + length; i++) {
        hash = 31 * hash + word[i];
      }
      int mask = entries.length - 1;
      int slot = (hash ^ (hash >>> 15)) & mask;
      for (char[] entry = entries[slot]; entry != null; entry = entries[slot]) {
        if (entry[0] == length && Arrays.equals(entry, 1, length + 1, word, offset, offset + length)) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** The entry in the slot: {@code [length, word..., result...]}, or null when the slot is empty. */
    char[] entry(int slot) {
      return entries[slot];
    }

    /** Remembers the word's result in the empty slot {@link #slot} gave for it, and returns the new entry. */
    char[] put(int slot, char[] word, int length, char[] result, int resultLength) {
      char[] entry = new char[1 + length + resultLength];
      entry[0] = (char) length;
      System.arraycopy(word, 0, entry, 1, length);
      System.arraycopy(result, 0, entry, 1 + length, resultLength);
      if (size == MAX_REMEMBERED) {
        Arrays.fill(entries, null);
        size = 0;
        slot = slot(word, length);
      } else if (2 * (size + 1) > entries.length) {
        grow();
        slot = slot(word, length);
      }
      entries[slot] = entry;
      size++;
      return entry;
    }

    private void grow() {
      char[][] larger = new char[Math.min(2 * entries.length, MAX_SLOTS)][];
      for (char[] entry : entries) {
        if (entry != null) {
          larger[slot(larger, entry, 1, entry[0])] = entry;
        }
      }
      entries = larger;
    }
  }
}
