package dev.paperdex.indexer;

import dev.paperdex.searcher.Paper;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks every paper passes before it is indexed, whatever format it came from: what no real paper looks like
 * (a field of a hundred thousand characters, text that was not valid UTF-8) is skipped rather than indexed.
 */
final class RecordCheck {

  /** Longer than any real title, abstract or author list (the longest abstracts are a few thousand characters). */
  static final int MAX_FIELD_CHARS = 100_000;
  /** More than any real author list (the largest collaborations list a few thousand people). */
  static final int MAX_AUTHORS = 20_000;

  /** Undecodable bytes become this character when XML or text is read leniently. */
  private static final char REPLACEMENT = '\uFFFD';

  /**
   * What is wrong with a paper.
   *
   * @param reason the counted category
   * @param detail what exactly
   */
  record Problem(SkipReason reason, String detail) {}

  private RecordCheck() {}

  /** Why {@code paper} cannot be indexed, or empty when it can. */
  static Optional<Problem> problem(Paper paper) {
    if (paper.authors().size() > MAX_AUTHORS) {
      return Optional.of(new Problem(SkipReason.FIELD_TOO_LONG, paper.id() + ": " + paper.authors().size()
          + " authors (the limit is " + MAX_AUTHORS + ")"));
    }
    String[][] fields = {
        {"title", paper.title()}, {"abstract", paper.abstractText()}, {"comments", paper.comments()},
        {"journal reference", paper.journalRef()}, {"DOI", paper.doi()}, {"report number", paper.reportNumber()},
        {"MSC class", paper.mscClass()}, {"ACM class", paper.acmClass()}, {"licence", paper.license()},
        {"authors", String.join(", ", paper.authors())}, {"categories", String.join(" ", paper.categories())}};
    for (String[] field : fields) {
      String value = field[1];
      if (value == null) {
        continue;
      }
      if (value.length() > MAX_FIELD_CHARS) {
        return Optional.of(new Problem(SkipReason.FIELD_TOO_LONG, paper.id() + ": the " + field[0] + " is "
            + String.format(Locale.ROOT, "%,d characters long (the limit is %,d)", value.length(), MAX_FIELD_CHARS)));
      }
      if (value.indexOf(REPLACEMENT) >= 0) {
        return Optional.of(new Problem(SkipReason.MALFORMED, paper.id() + ": the " + field[0]
            + " holds bytes that are not valid UTF-8"));
      }
    }
    return Optional.empty();
  }
}
