package dev.paperdex.searcher.internal;

import java.util.List;

/**
 * A parsed query, before it becomes a Lucene query: what the user asked, with the field each part is aimed at
 * ({@code null} for all fields) and where in the text it was, for error messages and hints.
 */
public sealed interface QueryNode {

  /** Where the node starts in the query text (0-based). */
  int start();

  /** How a word is matched. */
  enum WordKind {
    /** As written (analysed like the field's text). */
    PLAIN,
    /** With {@code *} or {@code ?} inside or at the end. */
    WILDCARD,
    /** With {@code ~}: words within {@link Word#edits()} edits match too. */
    FUZZY
  }

  /**
   * One word.
   *
   * @param field the user's field name, or {@code null} for all fields
   * @param text  the word without its fuzzy mark
   * @param kind  how to match it
   * @param edits the edit distance of a fuzzy word
   * @param start where it starts in the query text
   * @param end   where it ends in the query text
   */
  record Word(String field, String text, WordKind kind, int edits, int start, int end) implements QueryNode {}

  /**
   * A quoted phrase.
   *
   * @param field the user's field name, or {@code null} for all fields
   * @param text  the words between the quotes
   * @param slop  how many positions the words may move ({@code "…"~3}), 0 for exact
   * @param start where the opening quote is
   * @param end   where the phrase ends
   */
  record Phrase(String field, String text, int slop, int start, int end) implements QueryNode {}

  /**
   * A range, {@code [from TO to]} (inclusive) or {@code {from TO to}} (exclusive); {@code *} is open.
   *
   * @param field         the user's field name
   * @param from          the lower bound as written, or {@code *}
   * @param to            the upper bound as written, or {@code *}
   * @param includesFrom  whether the lower bound is included
   * @param includesTo    whether the upper bound is included
   * @param start         where the range starts (its field name)
   */
  record Range(String field, String from, String to, boolean includesFrom, boolean includesTo, int start)
      implements QueryNode {}

  /** Every part must match. */
  record And(List<QueryNode> parts, boolean implicit, int start) implements QueryNode {
    /** Makes the part list immutable. */
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part must match. */
  record Or(List<QueryNode> parts, int start) implements QueryNode {
    /** Makes the part list immutable. */
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** The part must not match. */
  record Not(QueryNode part, int start) implements QueryNode {}
}
