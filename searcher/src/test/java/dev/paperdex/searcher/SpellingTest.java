package dev.paperdex.searcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** British and American spellings find each other, in papers and in queries. */
class SpellingTest {

  @TempDir
  static Path index;

  private static PaperSearcher searcher;

  @BeforeAll
  static void writeIndex() throws IOException {
    TestIndexes.write(index, List.of(
        TestIndexes.paper("2601.00001", "Tumour growth in ischaemic tissue", "Haemoglobin levels were analysed.",
            List.of("A. Author"), List.of("q-bio.TO"), "2026-01-05T10:00:00Z"),
        TestIndexes.paper("2601.00002", "Tumor immunology", "We analyzed hemoglobin in pediatric patients.",
            List.of("B. Author"), List.of("q-bio.TO"), "2026-01-06T10:00:00Z"),
        TestIndexes.paper("2601.00003", "Quantization of neural networks", "Modeling labeled data with optimized "
            + "weights.", List.of("C. Author"), List.of("cs.LG"), "2026-01-07T10:00:00Z"),
        TestIndexes.paper("2601.00004", "Precise pairwise exercise", "Supervised denoising of noise, promising.",
            List.of("D. Author"), List.of("cs.LG"), "2026-01-08T10:00:00Z")));
    searcher = PaperSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static List<String> ids(String query) throws IOException {
    return searcher.search(SearchRequest.builder().withQuery(query).withLimit(10).build()).hits().stream()
        .map(hit -> hit.paper().id()).sorted().toList();
  }

  @Test
  void eitherSpellingFindsBoth() throws Exception {
    assertThat(ids("tumor")).containsExactly("2601.00001", "2601.00002");
    assertThat(ids("tumours")).containsExactly("2601.00001", "2601.00002");
    assertThat(ids("haemoglobin analysed")).containsExactly("2601.00001", "2601.00002");
    assertThat(ids("ischemic")).containsExactly("2601.00001");
    assertThat(ids("paediatric")).containsExactly("2601.00002");
  }

  @Test
  void izeAndLlWordsFindTheirBritishForms() throws Exception {
    assertThat(ids("quantisation")).containsExactly("2601.00003");
    assertThat(ids("quantisation~1")).containsExactly("2601.00003");
    assertThat(ids("modelling labelled optimised")).containsExactly("2601.00003");
    assertThat(ids("tumour*")).containsExactly("2601.00001", "2601.00002");
  }

  @Test
  void wordsThatOnlyLookBritishStayApart() throws Exception {
    assertThat(ids("precize")).isEmpty();
    assertThat(ids("pairwize")).isEmpty();
    assertThat(ids("supervized")).isEmpty();
    assertThat(ids("promizing")).isEmpty();
    assertThat(ids("noize")).isEmpty();
    assertThat(ids("pairwise exercise")).containsExactly("2601.00004");
  }
}
