package dev.paperdex.searcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the query language with Jazzer: whatever the text, a search either runs or fails with a
 * {@link QuerySyntaxException} that gives a column inside the query and a one-line hint. Nothing else may be thrown,
 * and every search finishes.
 *
 * <p>A plain {@code mvn test} replays the saved inputs in
 * {@code src/test/resources/dev/paperdex/searcher/QueryFuzzTestInputs/anyQuery/}, one test invocation per file plus
 * one for the empty input: hand-written seeds, and every input the fuzzer broke the parser with ({@code crash-…}).
 * To fuzz, for {@code maxDuration} or {@code -Djazzer.max_duration=10m}:
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -B test -pl searcher -Dtest=QueryFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 * An input that fails is written into that directory as {@code crash-…}: fix the bug and keep the file. The inputs
 * the fuzzer found interesting go to {@code searcher/.cifuzz-corpus/}, which git ignores.
 */
class QueryFuzzTest {

  /** How long one search may take: real queries take milliseconds, the slowest fuzzed ones about a second. */
  private static final Duration PER_QUERY = Duration.ofSeconds(10);

  @TempDir
  static Path index;

  private static PaperSearcher searcher;

  @BeforeAll
  static void writeIndex() throws IOException {
    TestIndexes.write(index, TestIndexes.QUERY_LANGUAGE_PAPERS);
    searcher = PaperSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  /**
   * Searches for the input as query text, with facets and highlighting so that every part of a search sees it.
   *
   * <p>Each search must finish within {@link #PER_QUERY}. That is checked here rather than with JUnit's
   * {@code @Timeout}: Jazzer would pass that on to libFuzzer as its per-input {@code -timeout}, but JUnit applies it
   * to the whole fuzzing run too, which is a single invocation of this method and so fails after that long.
   */
  @DictionaryEntries({"ti:", "au:", "abs:", "co:", "jr:", "cat:", "primary:", "id:", "doi:", "rn:", "all:", "date:",
      "submittedDate:", "lastUpdatedDate:", "AND", "OR", "NOT", "ANDNOT", "&&", "||", " TO ", "[", "]", "{", "}", "*",
      "~", "\"", "(", ")", "_", ", ", "arXiv:", "v2", "cs.*", "2026-03", "202603240000"})
  @FuzzTest(maxDuration = "3m")
  void anyQuery(FuzzedDataProvider data) {
    String query = data.consumeRemainingAsString();
    SearchRequest request = SearchRequest.builder().withQuery(query).withFacets(true).build();
    SearchResults results;
    try {
      results = assertTimeoutPreemptively(PER_QUERY, () -> searcher.search(request),
          () -> "the search for " + shown(query) + " did not finish within " + PER_QUERY.toSeconds() + " s");
    } catch (QuerySyntaxException e) {
      assertOneLineAt(e, query);
      return;
    } catch (Exception e) {
      // A category filter's problem is an IllegalArgumentException that names the filter (this request has none).
      if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("category filter '")) {
        return;
      }
      // The build trims stack traces to the test's own frames, so say where it happened.
      throw new AssertionError("the search for " + shown(query) + " threw " + e + thrownAt(e), e);
    }
    assertThat(results.hits()).hasSizeLessThanOrEqualTo(SearchRequest.DEFAULT_LIMIT);
  }

  private static void assertOneLineAt(QuerySyntaxException e, String query) {
    if (e.column() < 1 || e.column() > query.length() + 1) {
      fail("column " + e.column() + " is outside the query (length " + query.length() + "): " + e.getMessage(), e);
    }
    if (!e.query().equals(query)) {
      fail("the exception holds another query than the one searched: " + e.getMessage(), e);
    }
    String message = e.getMessage();
    String problem = message == null ? "" : message.replaceFirst("^column \\d+: ", "");
    if (problem.isBlank()) {
      fail("the message gives no hint: '" + message + "'", e);
    }
    if (message.chars().anyMatch(QueryFuzzTest::breaksLines)) {
      fail("the message spans more than one line: " + shown(message), e);
    }
  }

  /** Text as Java would write it, shortened: the whole input is in the corpus file or the crash file. */
  private static String shown(String text) {
    StringBuilder shown = new StringBuilder("\"");
    text.codePoints().limit(200).forEach(c -> {
      if (c == '"' || c == '\\') {
        shown.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7f || breaksLines(c) || Character.getType(c) == Character.UNASSIGNED
          || Character.getType(c) == Character.SURROGATE) {
        shown.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.append(text.codePointCount(0, text.length()) > 200 ? "\"…" : "\"").toString();
  }

  /** Where in paperdex's code {@code e} was thrown. */
  private static String thrownAt(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.paperdex.") && !frame.getClassName().startsWith(
          QueryFuzzTest.class.getName())) {
        return " at " + frame;
      }
    }
    return e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "";
  }

  /** Characters that start a new line on a terminal or in a log. */
  private static boolean breaksLines(int c) {
    return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
