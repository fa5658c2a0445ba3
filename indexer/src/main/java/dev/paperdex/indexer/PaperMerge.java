package dev.paperdex.indexer;

import dev.paperdex.searcher.Paper;
import java.time.Instant;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Makes one paper of two records of it: two versions, or the same version from two sources (an API feed and the
 * Kaggle snapshot, say). Merging a record into a paper that already holds it gives the same paper, so indexing the
 * same sources again changes nothing.
 */
final class PaperMerge {

  private PaperMerge() {}

  /** Whether {@code a} describes a later state of the paper than {@code b}: a higher version, or the same updated later. */
  static boolean isNewer(Paper a, Paper b) {
    if (a.version() != b.version()) {
      return a.version() > b.version();
    }
    return a.updated() != null && (b.updated() == null || a.updated().isAfter(b.updated()));
  }

  /**
   * The paper that {@code indexed} and {@code incoming} both describe: the newer record's values, the other's where the
   * newer has none; the highest version, the latest update and the earliest first-version date. On a tie the indexed
   * record wins, so a record read again changes nothing.
   */
  static Paper merge(Paper indexed, Paper incoming) {
    Paper primary = isNewer(incoming, indexed) ? incoming : indexed;
    Paper secondary = primary == incoming ? indexed : incoming;
    return Paper.builder()
        .withId(primary.id())
        .withVersion(Math.max(primary.version(), secondary.version()))
        .withTitle(either(primary, secondary, Paper::title))
        .withAbstract(either(primary, secondary, Paper::abstractText))
        .withAuthors(primary.authors().isEmpty() ? secondary.authors() : primary.authors())
        .withCategories(primary.categories().isEmpty() ? secondary.categories() : primary.categories())
        .withPublished(pick(primary.published(), secondary.published(), PaperMerge::earlier))
        .withUpdated(pick(primary.updated(), secondary.updated(), PaperMerge::later))
        .withDoi(either(primary, secondary, Paper::doi))
        .withJournalRef(either(primary, secondary, Paper::journalRef))
        .withComments(either(primary, secondary, Paper::comments))
        .withReportNumber(either(primary, secondary, Paper::reportNumber))
        .withMscClass(either(primary, secondary, Paper::mscClass))
        .withAcmClass(either(primary, secondary, Paper::acmClass))
        .withLicense(either(primary, secondary, Paper::license))
        .withWithdrawn(primary.withdrawn())
        .withSource(either(primary, secondary, Paper::source))
        .build();
  }

  private static String either(Paper primary, Paper secondary, Function<Paper, String> field) {
    String value = field.apply(primary);
    return value == null || value.isEmpty() ? field.apply(secondary) : value;
  }

  private static Instant pick(Instant a, Instant b, BinaryOperator<Instant> which) {
    return a == null ? b : b == null ? a : which.apply(a, b);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
