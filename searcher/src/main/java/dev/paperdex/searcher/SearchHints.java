package dev.paperdex.searcher;

import java.util.List;
import java.util.Objects;

/**
 * Help for a search that found few papers or none: other spellings of the query, and fields where a word aimed at
 * one field does occur.
 *
 * @param spellings whole corrected queries ("quantum error correction" for "quantom error correction"), best first,
 *                  at most three; each is the original query text with only the misspelt words replaced, and each
 *                  would find more papers than the original
 * @param elsewhere for words the query aimed at one field ({@code title:hailo}) that match few papers or none there,
 *                  the other fields where they occur, in query word order and most papers first within a word
 */
public record SearchHints(List<String> spellings, List<WordLocation> elsewhere) {

  private static final SearchHints NONE = new SearchHints(List.of(), List.of());

  /** Makes the lists immutable. */
  public SearchHints {
    spellings = List.copyOf(spellings);
    elsewhere = List.copyOf(elsewhere);
  }

  /** No hints. */
  public static SearchHints none() {
    return NONE;
  }

  /** Whether there is no hint at all. */
  public boolean isEmpty() {
    return spellings.isEmpty() && elsewhere.isEmpty();
  }

  /**
   * A word of the query and a field where it occurs: "the word {@code hailo} occurs in {@code abstract} in 3 papers".
   *
   * @param word   the word as the user wrote it
   * @param field  the index field where it occurs, one of {@code title}, {@code abstract}, {@code authors},
   *               {@code comments}, {@code journal_ref}
   * @param papers how many papers have the word in that field (matched as the query would match it there)
   */
  public record WordLocation(String word, String field, long papers) {

    /** Checks that word and field are given. */
    public WordLocation {
      Objects.requireNonNull(word, "word");
      Objects.requireNonNull(field, "field");
    }
  }
}
