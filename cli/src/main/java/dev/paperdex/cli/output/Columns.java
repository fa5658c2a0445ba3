package dev.paperdex.cli.output;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Papers as a table for CSV and TSV: one header row, then one row per paper with every field; lists in one cell
 * (authors separated by {@code "; "}, categories by spaces), absent values empty. Search results add rank and score.
 */
final class Columns {

  private static final List<String> PAPER_COLUMNS = List.of("id", "version", "title", "authors", "categories",
      "published", "updated", "doi", "journal_ref", "comments", "report_number", "msc_class", "acm_class", "license",
      "withdrawn", "abstract");
  private static final List<String> HIT_COLUMNS = List.of("rank", "score");

  private Columns() {}

  /** The header and one row per hit. */
  static List<List<String>> of(SearchResults results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(Stream.concat(HIT_COLUMNS.stream(), PAPER_COLUMNS.stream()).toList());
    for (Hit hit : results.hits()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(hit.rank()), Float.toString(hit.score())));
      row.addAll(cells(hit.paper()));
      rows.add(row);
    }
    return rows;
  }

  /** The header and the paper's row. */
  static List<List<String>> of(Paper paper) {
    return List.of(PAPER_COLUMNS, cells(paper));
  }

  private static List<String> cells(Paper paper) {
    return Stream.of(paper.id(), Integer.toString(paper.version()), paper.title(), String.join("; ", paper.authors()),
            String.join(" ", paper.categories()), time(paper.published()), time(paper.updated()), paper.doi(),
            paper.journalRef(), paper.comments(), paper.reportNumber(), paper.mscClass(), paper.acmClass(),
            paper.license(), Boolean.toString(paper.withdrawn()), paper.abstractText())
        .map(value -> Objects.toString(value, ""))
        .toList();
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
