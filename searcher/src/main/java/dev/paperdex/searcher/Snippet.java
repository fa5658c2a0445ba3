package dev.paperdex.searcher;

import java.util.List;

/**
 * A passage of a field's text with the query's matches marked.
 *
 * @param text        the passage
 * @param fieldOffset where the passage starts in the field's whole text
 * @param clippedEnd  whether the field's text goes on after the passage
 * @param matches     the matched ranges, as offsets into {@code text}, in order and not overlapping
 */
public record Snippet(String text, int fieldOffset, boolean clippedEnd, List<Span> matches) {

  /** Makes the match list immutable. */
  public Snippet {
    matches = List.copyOf(matches);
  }

  /** Whether the field's text starts before the passage. */
  public boolean clippedStart() {
    return fieldOffset > 0;
  }

  /** A snippet of the whole text with nothing marked. */
  public static Snippet plain(String text) {
    return new Snippet(text, 0, false, List.of());
  }

  /**
   * A matched range of a snippet's text.
   *
   * @param start the first matched character's offset
   * @param end   the offset after the last matched character
   */
  public record Span(int start, int end) {}
}
