package dev.paperdex.indexer;

/**
 * One file or record that was not indexed.
 *
 * @param file     the file
 * @param position where in the file (such as {@code entry 3} or {@code line 120}), or {@code null} for the whole file
 * @param reason   why, as a counted category
 * @param detail   what exactly, for the user
 */
public record Skip(String file, String position, SkipReason reason, String detail) {

  /** The one line shown to the user: {@code file, position: reason: detail}. */
  @Override
  public String toString() {
    return file + (position == null ? "" : ", " + position) + ": " + reason.description()
        + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }
}
