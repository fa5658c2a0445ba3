package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every line of the README's query table, run against the bundled data: the table says what users will get. */
class ReadmeQueryTableTest {

  private static final Pattern ROW = Pattern.compile("^\\| `(.+)` \\| (.+?)( \\(some of the words\\))? \\|$");
  private static final String PARTIAL_MARK = "(some of the words)";

  @TempDir
  static Path temp;

  private static PaperSearcher searcher;

  /**
   * One row of the table.
   *
   * @param query   the query
   * @param ids     the papers it returns, best first
   * @param partial whether the row says only some of the words match
   */
  record Row(String query, List<String> ids, boolean partial) {
    @Override
    public String toString() {
      return query;
    }
  }

  @BeforeAll
  static void indexTheBundledData() throws Exception {
    searcher = PaperSearcher.open(Path.of(Cli.indexBundledData(temp.resolve("index"))));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  static Stream<Row> rows() throws Exception {
    List<String> lines = Files.readAllLines(Cli.HOME.resolve("README.md"));
    int start = lines.indexOf("<!-- query-table:start -->");
    int end = lines.indexOf("<!-- query-table:end -->");
    assertThat(start).as("the README's query table").isPositive().isLessThan(end);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(start + 1, end)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.add(new Row(row.group(1), List.of(row.group(2).split(", ")), line.contains(PARTIAL_MARK)));
      }
    }
    assertThat(rows).as("rows of the README's query table").hasSizeGreaterThan(15);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void returnsWhatTheReadmeSays(Row row) throws Exception {
    SearchResults results = searcher.search(SearchRequest.builder().withQuery(row.query()).withLimit(50).build());

    assertThat(results.hits()).extracting((Hit hit) -> hit.paper().id()).containsExactlyElementsOf(row.ids());
    assertThat(results.partial()).isEqualTo(row.partial());
  }
}
