package dev.paperdex.indexer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one indexing run did: files and records read, papers added, updated or unchanged, and skips by reason.
 *
 * @param files     source files read
 * @param records   records read (every paper record, including several versions of one paper)
 * @param added     papers new to the index
 * @param updated   papers whose indexed record changed
 * @param unchanged records that changed nothing: the same record again, or an older version than the indexed one
 * @param skipped   files and records skipped, by reason
 * @param unknownCategories category codes not in arXiv's taxonomy, with how many papers carry each (kept, not dropped)
 * @param papers    papers in the index after the run
 * @param committed whether the run's changes were committed (a strict run with skips commits nothing)
 * @param took      how long the run took
 */
public record IndexReport(long files, long records, long added, long updated, long unchanged,
                          Map<SkipReason, Long> skipped, Map<String, Long> unknownCategories, long papers,
                          boolean committed, Duration took) {

  /** How many unknown category codes the summary names before it says "and N more". */
  private static final int UNKNOWN_CODES_SHOWN = 5;

  /** Makes the counts immutable. */
  public IndexReport {
    skipped = skipped.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(skipped));
    unknownCategories = Map.copyOf(unknownCategories);
  }

  /** All skips, whatever the reason. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for the user, such as {@code 2 files, 30 records: 29 added, 1 updated, 0 unchanged, 0 skipped}. */
  public String summary() {
    String skips = skipped.isEmpty() ? "" : skipped.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue() + " " + e.getKey().description())
        .collect(Collectors.joining(", ", " (", ")"));
    return String.format("%d %s, %d %s: %d added, %d updated, %d unchanged, %d skipped%s; %s%d papers in the index"
            + " (%.1f s)",
        files, files == 1 ? "file" : "files", records, records == 1 ? "record" : "records", added, updated, unchanged,
        skippedTotal(), skips, committed ? "" : "nothing committed (strict), ", papers, took.toMillis() / 1000.0)
        + unknownCategoriesNote();
  }

  /** Names the most frequent unknown category codes, such as {@code ; unknown categories kept: cs.XX (3)}. */
  private String unknownCategoriesNote() {
    if (unknownCategories.isEmpty()) {
      return "";
    }
    String shown = unknownCategories.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(UNKNOWN_CODES_SHOWN)
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
    int more = unknownCategories.size() - UNKNOWN_CODES_SHOWN;
    return "; categories not in arXiv's taxonomy, kept: " + shown + (more > 0 ? " and " + more + " more" : "");
  }
}
