package dev.paperdex.searcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the query language (SPEC §4), on a small index written for it. */
class QueryLanguageTest {

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

  private static List<String> ids(SearchRequest.Builder request) throws IOException {
    return searcher.search(request.withLimit(50).build()).hits().stream().map(hit -> hit.paper().id()).sorted()
        .toList();
  }

  private static List<String> ids(String query) throws IOException {
    return ids(SearchRequest.builder().withQuery(query));
  }

  private static QuerySyntaxException syntaxError(String query) {
    return (QuerySyntaxException) org.assertj.core.api.Assertions.catchThrowable(() -> ids(query));
  }

  @Test
  void fieldPrefixesShortAndLong() throws Exception {
    assertThat(ids("ti:checkerboard")).containsExactly("1001.00001");
    assertThat(ids("title:checkerboard")).containsExactly("1001.00001");
    assertThat(ids("abs:pyrochlore")).containsExactly("1001.00002");
    assertThat(ids("ti:pyrochlore abs:frustration")).containsExactly("1001.00002");
    assertThat(ids("all:pyrochlore")).containsExactly("1001.00002");
    assertThat(ids("id:1001.00003")).containsExactly("1001.00003");
    assertThat(ids("id:1001.00003v2")).containsExactly("1001.00003");
    assertThat(ids("ti:(pyrochlore OR helium)")).containsExactly("1001.00002", "1001.00003");
  }

  @Test
  void booleanOperatorsWithAndAsTheDefault() throws Exception {
    assertThat(ids("quantum lattice")).containsExactly("1001.00001");
    assertThat(ids("pyrochlore OR helium")).containsExactly("1001.00002", "1001.00003");
    assertThat(ids("lattice NOT checkerboard")).containsExactly("1001.00002");
    assertThat(ids("lattice -checkerboard")).containsExactly("1001.00002");
    assertThat(ids("+lattice +checkerboard")).containsExactly("1001.00001");
    assertThat(ids("-checkerboard")).hasSize(7);
    assertThat(ids("(pyrochlore OR helium) AND superfluid")).containsExactly("1001.00003");
    assertThat(ids("lattice AND NOT NOT checkerboard")).containsExactly("1001.00001");
  }

  @Test
  void arxivApiQueriesWorkAsWritten() throws Exception {
    assertThat(ids("au:del_maestro AND ti:checkerboard")).containsExactly("1001.00001");
    assertThat(ids("au:del_maestro ANDNOT (ti:checkerboard OR ti:Pyrochlore)")).containsExactly("1001.00003");
    assertThat(ids("au:del_maestro AND ti:\"quantum criticality\"")).containsExactly("1001.00001");
    assertThat(ids("cat:q-fin.*")).containsExactly("2301.00004");
    assertThat(ids("submittedDate:[202601010000 TO 202602282359]")).containsExactly("2601.00005", "2602.00006");
  }

  @Test
  void phrasesWithSlopWildcardsAndFuzzyWords() throws Exception {
    assertThat(ids("\"checkerboard quantum\"")).isEmpty();
    assertThat(ids("\"criticality checkerboard\"~3")).containsExactly("1001.00001");
    assertThat(ids("transform*")).containsExactly("2301.00004", "2603.00007");
    assertThat(ids("p?rochlore")).containsExactly("1001.00002");
    assertThat(ids("pyroclore~")).containsExactly("1001.00002");
    assertThat(ids("pyroclore~1")).containsExactly("1001.00002");
  }

  @Test
  void datesFromFlagsAndInTheQuery() throws Exception {
    assertThat(ids("date:[2026-01 TO 2026-03]")).containsExactly("2601.00005", "2602.00006", "2603.00007");
    assertThat(ids("date:[2026-02 TO *]")).containsExactly("2602.00006", "2603.00007", "2604.00008");
    assertThat(ids("date:{2026-01 TO 2026-03}")).containsExactly("2602.00006");
    assertThat(ids("updated:[2010 TO 2011]")).containsExactly("1001.00001", "1001.00002", "1001.00003");
    assertThat(ids(SearchRequest.builder().withQuery("non-invasive").withSince(LocalDate.of(2026, 2, 1))))
        .containsExactly("2602.00006", "2603.00007");
    assertThat(ids(SearchRequest.builder().withSince(LocalDate.of(2026, 3, 31)).withUntil(LocalDate.of(2026, 3, 31))))
        .containsExactly("2603.00007");
  }

  @Test
  void categoriesByCodeArchiveNameAndPrimaryOnly() throws Exception {
    assertThat(ids("cat:cs.DC")).containsExactly("2601.00005", "2602.00006", "2603.00007");
    assertThat(ids("cat:cs")).containsExactly("2301.00004", "2601.00005", "2602.00006", "2603.00007");
    assertThat(ids("cat:cs.*")).containsExactly("2301.00004", "2601.00005", "2602.00006", "2603.00007");
    assertThat(ids("cat:math.MP")).containsExactly("2604.00008");
    assertThat(ids("primary:cs.DC")).containsExactly("2601.00005", "2602.00006");
    assertThat(ids("cat:\"Distributed, Parallel, and Cluster Computing\"")).containsExactly("2601.00005",
        "2602.00006", "2603.00007");
    assertThat(ids(SearchRequest.builder().withCategory("Distributed, Parallel"))).containsExactly("2601.00005",
        "2602.00006", "2603.00007");
    assertThat(ids(SearchRequest.builder().withCategory("cs.DC").withPrimaryOnly(true))).containsExactly(
        "2601.00005", "2602.00006");
    assertThat(ids(SearchRequest.builder().withQuery("monitoring").withCategory("cs.LG"))).containsExactly(
        "2602.00006");
  }

  @Test
  void authorsInEveryArxivForm() throws Exception {
    assertThat(ids("au:smith")).containsExactly("1001.00003", "2301.00004", "2601.00005");
    assertThat(ids("au:\"smith, j\"")).containsExactly("1001.00003", "2301.00004", "2601.00005");
    assertThat(ids("au:smith_j")).containsExactly("1001.00003", "2301.00004", "2601.00005");
    assertThat(ids("au:\"John Smith\"")).containsExactly("1001.00003", "2601.00005");
    assertThat(ids("au:\"J. Smith\"")).containsExactly("1001.00003", "2301.00004", "2601.00005");
    assertThat(ids("au:ostlin")).containsExactly("1001.00001");
    assertThat(ids("au:Östlin_G")).containsExactly("1001.00001");
    assertThat(ids("au:\"Goran Ostlin\"")).containsExactly("1001.00001");
    assertThat(ids("au:\"G\\\"oran \\\"Ostlin\"")).containsExactly("1001.00001");
  }

  @Test
  void aHyphenInsideAWordIsNeverNot() throws Exception {
    assertThat(ids("non-invasive")).containsExactly("2601.00005", "2602.00006", "2603.00007");
    assertThat(ids("non -invasive")).isEmpty();
  }

  @Test
  void texAndUnicodeAreTheSame() throws Exception {
    assertThat(ids("λ-deformations")).containsExactly("2604.00008");
    assertThat(ids("$\\lambda$ deformations")).containsExactly("2604.00008");
    assertThat(ids("lambda model")).containsExactly("2604.00008");
  }

  @Test
  void sortsByDateNewestFirst() throws Exception {
    SearchResults results = searcher.search(SearchRequest.builder().withQuery("cat:cs").withSort(SearchRequest.Sort.PUBLISHED).build());

    assertThat(results.hits()).extracting(hit -> hit.paper().id())
        .containsExactly("2603.00007", "2602.00006", "2601.00005", "2301.00004");
    assertThat(results.hits().get(0).score()).isPositive();
  }

  @Test
  void badQueriesSayWhereAndWhat() {
    assertThat(syntaxError("\"kv cache")).hasMessage("column 1: this quote is never closed: end the phrase with \"");
    assertThat(syntaxError("(kv OR cache")).hasMessage("column 1: this parenthesis is never closed: add a )");
    assertThat(syntaxError("kv OR cache)")).hasMessageStartingWith("column 12: there is no ( for this )");
    assertThat(syntaxError("foo:bar")).hasMessageStartingWith("column 1: unknown field 'foo': use one of ti, au");
    assertThat(syntaxError("cache *serving")).hasMessage(
        "column 7: a word cannot start with * or ?: put at least one letter before it");
    assertThat(syntaxError("kv AND")).hasMessage("column 4: AND needs something to search for after it");
    assertThat(syntaxError("OR kv")).hasMessage("column 1: OR needs something to search for before it");
    assertThat(syntaxError("()")).hasMessageContaining("empty");
    assertThat(syntaxError("date:[yesterday TO today]")).hasMessageContaining("cannot read the date 'yesterday'");
    assertThat(syntaxError("cat:\"Machine Learning\"")).hasMessageContaining("could be")
        .hasMessageContaining("cs.LG").hasMessageContaining("stat.ML");
    assertThat(syntaxError("cat:\"Underwater Basket Weaving\"")).hasMessageContaining("no arXiv category");
    assertThat(syntaxError("ti:")).hasMessageContaining("ti: needs");
    assertThat(syntaxError("a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(40)))
        .hasMessageContaining("column 1");
  }

  @Test
  void aBadCategoryFilterSaysWhichFilter() {
    assertThatThrownBy(() -> ids(SearchRequest.builder().withCategory("Basket Weaving")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("category filter 'Basket Weaving': no arXiv category is called");
  }
}
