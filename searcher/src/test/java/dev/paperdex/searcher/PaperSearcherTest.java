package dev.paperdex.searcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperQueryParser;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperSearcherTest {

  @TempDir
  Path index;

  private static Paper paper(String id, String title, String abstractText, String... authors) {
    return Paper.builder().withId(id).withTitle(title).withAbstract(abstractText).withAuthors(List.of(authors))
        .withCategories(List.of("cs.DC")).withPublished(Instant.parse("2026-03-24T18:28:38Z")).build();
  }

  private void write(List<Paper> papers, int schemaVersion) throws IOException {
    TestIndexes.write(index, papers, schemaVersion);
  }

  private void write(Paper... papers) throws IOException {
    write(List.of(papers), PaperSchema.VERSION);
  }

  private static SearchResults search(PaperSearcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.builder().withQuery(query).build());
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(hit -> hit.paper().id()).toList();
  }

  @Test
  void aTitleMatchOutranksAnAbstractMatch() throws Exception {
    write(paper("2601.00001", "Scheduling batch jobs", "We also discuss speculative decoding briefly."),
        paper("2601.00002", "Speculative decoding at scale", "Faster inference for large models."),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "speculative decoding");

      assertThat(ids(results)).containsExactly("2601.00002", "2601.00001");
      assertThat(results.hits().get(0).score()).isPositive().isGreaterThan(results.hits().get(1).score());
      assertThat(results.totalHits()).isEqualTo(2);
      assertThat(results.hits()).extracting(Hit::rank).containsExactly(1, 2);
    }
  }

  @Test
  void aWordInThousandsOfPapersGetsTheBestFirstAndAnExactTotal() throws Exception {
    // A single word's ranking skips papers that cannot make the page, and its matches are counted apart.
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String id = String.format(Locale.ROOT, "2601.%05d", i + 1);
      papers.add(i % 500 == 7
          ? paper(id, "Graph sparsification", "Fewer edges, same cuts.")
          : paper(id, "Paper " + i, "A study " + i + " that mentions a graph once among many other words."));
    }
    papers.add(paper("2602.00001", "Unrelated", "Nothing to see."));
    write(papers, PaperSchema.VERSION);

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "graph");

      assertThat(results.totalHits()).isEqualTo(2500);
      assertThat(ids(results).subList(0, 5))
          .containsExactly("2601.00008", "2601.00508", "2601.01008", "2601.01508", "2601.02008");
      SearchResults later = searcher.search(SearchRequest.builder().withQuery("graph").withOffset(2490).build());
      assertThat(later.totalHits()).isEqualTo(2500);
      assertThat(later.hits()).hasSize(10);
      assertThat(search(searcher, "graph OR edges").totalHits()).isEqualTo(2500);
      assertThat(search(searcher, "graph sparsification").totalHits()).isEqualTo(5);
    }
  }

  @Test
  void everyWordMustMatchSomewhereAndAuthorsCount() throws Exception {
    write(paper("2601.00001", "Cache reuse", "Serving with a KV cache.", "Minyi Guo"),
        paper("2601.00002", "Cache reuse", "Serving with a KV cache.", "Ehud Shapiro"));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "cache guo"))).containsExactly("2601.00001");
      assertThat(search(searcher, "cache guo").partial()).isFalse();
      assertThat(ids(search(searcher, "zebra giraffe"))).isEmpty();
    }
  }

  @Test
  void aLongDescriptionRanksByTheWordsPapersShareAndNeedNotMatchThemAll() throws Exception {
    write(paper("2601.00001", "Vitamin D", "Vitamin D deficiency raises the risk of fractures in older adults."),
        paper("2601.00002", "Fracture risk in the elderly", "Falls cause most fractures in older adults."),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "low vitamin D levels increase fracture risk in older adults");

      assertThat(ids(results)).containsExactly("2601.00001", "2601.00002");
      assertThat(results.partial()).isFalse();
    }
  }

  @Test
  void aHyphenatedWordInALongDescriptionCountsAsItsParts() throws Exception {
    write(paper("2601.00001", "Checkpoint blockade", "Anti-PD-1 antibodies shrink tumours."),
        paper("2601.00002", "PD-1 in T cells", "PD-1 marks exhausted T cells."),
        paper("2601.00003", "Unrelated", "Nothing to see."),
        paper("2601.00004", "Noncoding RNA", "Noncoding genes regulate growth."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "anti-PD-1 therapy improves survival of melanoma patients");

      assertThat(ids(results)).containsExactly("2601.00001", "2601.00002");
      assertThat(ids(search(searcher, "non-coding regions are abundant in cells"))).contains("2601.00004");
    }
  }

  @Test
  void aNameInALongDescriptionWeighsMoreThanAPlainWord() throws Exception {
    // each paper has one of the description's words, as rare and as often as the other's
    write(paper("2601.00001", "Repair studied", "Repair was studied here."),
        paper("2601.00002", "BRCA1 studied", "BRCA1 was studied here."),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "repair of BRCA1 in mammary cells")))
          .containsExactly("2601.00002", "2601.00001");
      // a word is a name when it has letters and digits, and a capital or a letter first
      assertThat(ids(search(searcher, "repair of brca1 in mammary cells")))
          .containsExactly("2601.00002", "2601.00001");
    }
  }

  @Test
  void aHyphenBetweenLettersAndDigitsJoinsThemToo() throws Exception {
    write(paper("2601.00001", "IL6 signalling", "Cytokine data."),
        paper("2601.00002", "GPT4 as a judge", "Large models grade answers."),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "GPT-4"))).containsExactly("2601.00002");
      assertThat(ids(search(searcher, "IL-6 drives chronic arthritis among mice"))).containsExactly("2601.00001");
    }
  }

  @Test
  void aLongDescriptionIsScoredByDivergenceFromRandomnessAndKeywordsByBm25() throws Exception {
    write(paper("2601.00001", "Vitamin D", "Vitamin D deficiency raises the risk of fractures in older adults."),
        paper("2601.00002", "Fracture risk in the elderly", "Falls cause most fractures in older adults."),
        paper("2601.00003", "Unrelated", "Nothing to see."));
    String description = "low vitamin D levels increase fracture risk in older adults";

    try (PaperSearcher searcher = PaperSearcher.open(index);
         FSDirectory directory = FSDirectory.open(index);
         DirectoryReader reader = DirectoryReader.open(directory)) {
      PaperQueryParser parser = new PaperQueryParser(PaperSchema.analyzer(), PaperSchema.DEFAULT_FIELD_BOOSTS,
          PaperSchema.DESCRIPTION_FIELD_BOOSTS);
      IndexSearcher divergence = new IndexSearcher(reader);
      divergence.setSimilarity(PaperSchema.DESCRIPTION_SIMILARITY);
      IndexSearcher bm25 = new IndexSearcher(reader);

      // The scores a user sees with each hit are those of the model that ranked it (for a description, on the scale
      // of its first stage, which the second stage only re-orders).
      TopDocs divergent = divergence.search(parser.parse(description, reader).query(), 10);
      assertThat(ids(search(searcher, description))).containsExactly(
          Arrays.stream(divergent.scoreDocs).map(scoreDoc -> "2601.0000" + (scoreDoc.doc + 1)).toArray(String[]::new));
      assertThat(search(searcher, description).hits().get(0).score())
          .isCloseTo(divergent.scoreDocs[0].score, withinPercentage(0.01))
          .isNotEqualTo(bm25.search(parser.parse(description, reader).query(), 1).scoreDocs[0].score);
      assertThat(search(searcher, "vitamin fractures").hits()).extracting(Hit::score).containsExactly(
          scores(bm25.search(parser.parse("vitamin fractures", reader).query(), 10)));
    }
  }

  @Test
  void aLongDescriptionRanksFirstThePaperThatHasItsWordsCloseTogether() throws Exception {
    String apart = "Insulin one two three four five six seven eight nine kinase ten eleven twelve thirteen fourteen "
        + "fifteen sixteen seventeen secretion.";
    String together = "Insulin kinase secretion one two three four five six seven eight nine ten eleven twelve "
        + "thirteen fourteen fifteen sixteen seventeen.";
    write(paper("2601.00001", "Islet study", apart),
        paper("2601.00002", "Islet study", together),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      // Both have the same words as often in texts as long, so the same first-stage score; the second has them side
      // by side, and a claim's words close together are more likely to be about the claim.
      SearchResults results = search(searcher, "insulin kinase secretion measured in patients");

      assertThat(ids(results)).containsExactly("2601.00002", "2601.00001");
      assertThat(results.hits().get(0).score()).isGreaterThan(results.hits().get(1).score());
    }
  }

  private static Float[] scores(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(scoreDoc -> scoreDoc.score).toArray(Float[]::new);
  }

  @Test
  void aLiteralQueryIsPlainWordsWhateverItsCharacters() throws Exception {
    write(paper("2601.00001", "Island species", "Quokkas live on Rottnest and not on the mainland."),
        paper("2601.00002", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      String claim = "Do quokkas (Setonix*) live on Rottnest: \"island\" AND NOT mainland?";
      SearchResults results = searcher.search(SearchRequest.builder().withQuery(claim).withLiteral(true).build());

      assertThat(ids(results)).containsExactly("2601.00001");
      assertThatThrownBy(() -> search(searcher, "quokkas (Setonix")).isInstanceOf(QuerySyntaxException.class);
    }
  }

  @Test
  void whenNoPaperHasEveryWordItShowsPapersWithSomeAndSaysSo() throws Exception {
    write(paper("2601.00001", "Speculative inference at the edge", "Drafts and verifies."),
        paper("2601.00002", "Prefill and decode", "Decoding is split from prefill."),
        paper("2601.00003", "Unrelated", "Nothing to see."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "speculative decoding");

      assertThat(results.partial()).isTrue();
      assertThat(ids(results)).containsExactlyInAnyOrder("2601.00001", "2601.00002");
      assertThat(search(searcher, "zebra").partial()).isFalse();
    }
  }

  @Test
  void equalScoresAreOrderedById() throws Exception {
    write(paper("2601.00009", "Same title", "Same text."), paper("2601.00002", "Same title", "Same text."),
        paper("2601.00005", "Same title", "Same text."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "same"))).containsExactly("2601.00002", "2601.00005", "2601.00009");
    }
  }

  @Test
  void equalScoresAreOrderedByIdAcrossSegmentsWhateverThePage() throws Exception {
    write(paper("2601.00009", "Same title", "Same text."), paper("2601.00004", "Same title", "Same text."));
    for (List<String> ids : List.of(List.of("2601.00002", "2601.00007"), List.of("2601.00005", "2601.00001"))) {
      try (FSDirectory directory = FSDirectory.open(index);
           IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
        for (String id : ids) {
          writer.addDocument(PaperDocument.toDocument(paper(id, "Same title", "Same text.")));
        }
        TestIndexes.commit(writer, PaperSchema.VERSION);
      }
    }

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
          pages.addAll(ids(searcher.search(SearchRequest.builder().withQuery("same").withSort(sort)
              .withOffset(offset).withLimit(2).build())));
        }
        assertThat(pages).as("sorted by %s", sort).containsExactly(
            "2601.00001", "2601.00002", "2601.00004", "2601.00005", "2601.00007", "2601.00009");
      }
    }
  }

  @Test
  void countsEveryMatchExactlyAndPages() throws Exception {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      papers.add(paper(String.format("2601.%05d", i), "Graph paper " + i, "About graphs."));
    }
    write(papers, PaperSchema.VERSION);

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults page = searcher.search(SearchRequest.builder().withQuery("graph").withLimit(5).withOffset(1200)
          .build());

      assertThat(page.totalHits()).isEqualTo(1500);
      assertThat(page.hits()).hasSize(5);
      assertThat(page.hits().get(0).rank()).isEqualTo(1201);
      SearchResults countOnly = searcher.search(SearchRequest.builder().withQuery("graph").withLimit(0).build());
      assertThat(countOnly.totalHits()).isEqualTo(1500);
      assertThat(countOnly.hits()).isEmpty();
    }
  }

  @Test
  void aLongDescriptionMatchesPapersByItsDistinctiveWordsAndCountsThemExactly() throws Exception {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      String topic = i % 40 == 0 ? "Zebrafish heart regeneration" : i % 3 == 0 ? "Mouse liver" : "Yeast growth";
      papers.add(paper(String.format("2601.%05d", i), topic + " " + i,
          "The study of the " + topic.toLowerCase(Locale.ROOT) + " in the lab."));
    }
    write(papers, PaperSchema.VERSION);

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      String description = "the role of the zebrafish heart in the regeneration of tissue";
      SearchResults first = searcher.search(SearchRequest.builder().withQuery(description).withLimit(10).build());
      SearchResults last = searcher.search(SearchRequest.builder().withQuery(description).withLimit(10)
          .withOffset(25).build());

      // "the", "of" and "in" are in every abstract: a paper with nothing else in common is no answer.
      assertThat(first.totalHits()).isEqualTo(30);
      assertThat(first.hits()).hasSize(10)
          .allSatisfy(hit -> assertThat(hit.paper().title()).startsWith("Zebrafish"));
      assertThat(last.totalHits()).isEqualTo(30);
      assertThat(last.hits()).hasSize(5);
      // A description of nothing but common words still finds the papers that have them.
      assertThat(search(searcher, "the study of the lab").totalHits()).isEqualTo(1200);
    }
  }

  @Test
  void quotedPhrasesMatchOnlyAdjacentWords() throws Exception {
    write(paper("2601.00001", "Cache for keys", "A KV cache."), paper("2601.00002", "Cache", "KV stores and a cache."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "\"KV cache\""))).containsExactly("2601.00001");
      assertThat(ids(search(searcher, "KV cache"))).containsExactlyInAnyOrder("2601.00001", "2601.00002");
    }
  }

  @Test
  void marksMatchesInTheTitleAndAbstractPassagesWithOffsets() throws Exception {
    String abstractText = "Deploying models on phones is hard. We benchmark the Hailo-10H NPU. Results follow.";
    write(paper("2603.23640", "Inference on the Hailo NPU", abstractText));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      Hit hit = search(searcher, "hailo").hits().get(0);

      Snippet title = hit.title();
      assertThat(title.text()).isEqualTo("Inference on the Hailo NPU");
      assertThat(title.matches()).containsExactly(new Snippet.Span(17, 22));
      Snippet passage = hit.abstractSnippets().get(0);
      assertThat(passage.text()).isEqualTo("We benchmark the Hailo-10H NPU.");
      assertThat(passage.clippedStart()).isTrue();
      assertThat(passage.clippedEnd()).isTrue();
      assertThat(passage.fieldOffset()).isEqualTo(abstractText.indexOf("We benchmark"));
      Snippet.Span match = passage.matches().get(0);
      assertThat(passage.text().substring(match.start(), match.end())).isEqualTo("Hailo");
    }
  }

  @Test
  void marksEachHitsOwnMatchesWhenHitsLieInSeveralSegments() throws Exception {
    write(paper("2601.00001", "Sparse attention kernels", "We study kernels for sparse models."),
        paper("2601.00002", "Kernels on GPUs", "Sparse attention is fast on GPUs."));
    try (FSDirectory directory = FSDirectory.open(index);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
      writer.addDocument(PaperDocument.toDocument(
          paper("2601.00003", "Attention for sparse data", "Kernels with sparse attention.")));
      TestIndexes.commit(writer, PaperSchema.VERSION);
    }

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "\"sparse attention\" kernels");

      // the phrase marked as one, only where its words are adjacent; the third paper is in the second segment
      assertThat(results.hits()).extracting(PaperSearcherTest::marks)
          .containsExactlyInAnyOrder(
              "2601.00001 [Sparse attention, kernels] [[kernels]]",
              "2601.00002 [Kernels] [[Sparse attention]]",
              "2601.00003 [] [[Kernels, sparse attention]]");
    }
  }

  @Test
  void marksEachWordWhereItStandsInEveryHitOfOneSegment() throws Exception {
    // one segment: the highlighter reads each word's positions once for all its hits, in index order
    write(paper("2601.00001", "Sparse kernels", "Sparse kernels. Dense kernels. Sparse again."),
        paper("2601.00002", "Graph kernels", "No match here. Kernels for graphs."),
        paper("2601.00003", "Other work", "Unrelated text."),
        paper("2601.00004", "Sparse sparse", "Kernels of sparse graphs, sparse kernels."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "kernels (sparse OR graph)");

      assertThat(results.hits()).extracting(PaperSearcherTest::marks)
          .containsExactlyInAnyOrder(
              "2601.00001 [Sparse, kernels] [[Sparse, kernels], [kernels], [Sparse]]",
              "2601.00002 [Graph, kernels] [[Kernels, graphs]]",
              "2601.00004 [Sparse, sparse] [[Kernels, sparse, graphs, sparse, kernels]]");
      // a page further on reads the same positions
      SearchResults second = searcher.search(SearchRequest.builder().withQuery("kernels (sparse OR graph)")
          .withOffset(1).withLimit(1).build());
      assertThat(second.hits().get(0).abstractSnippets()).isEqualTo(results.hits().get(1).abstractSnippets());

      // a phrase: only where its words stand next to each other, marked as one
      assertThat(search(searcher, "\"sparse kernels\"").hits()).extracting(PaperSearcherTest::marks)
          .containsExactlyInAnyOrder(
              "2601.00001 [Sparse kernels] [[Sparse kernels]]",
              "2601.00004 [] [[sparse kernels]]");
    }
  }

  @Test
  void marksADescriptionsWordsInTheTitleAndAbstractOfEveryHit() throws Exception {
    // a description's words are each scored over title and abstract as one field; its marks are each field's own
    write(paper("2601.00001", "Sparse kernels for graphs", "Sparse kernels. Dense kernels. Sparse graphs again."),
        paper("2601.00002", "Graph kernels", "No match here. Kernels for sparse graphs."),
        paper("2601.00003", "Other work", "Unrelated text."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults results = search(searcher, "fast sparse kernels on large graphs");

      assertThat(results.parsedQuery()).contains("CombinedFieldQuery");
      assertThat(results.hits()).extracting(PaperSearcherTest::marks)
          .containsExactlyInAnyOrder(
              "2601.00001 [Sparse, kernels, graphs] [[Sparse, kernels], [kernels], [Sparse, graphs]]",
              "2601.00002 [Graph, kernels] [[Kernels, sparse, graphs]]");
    }
  }

  @Test
  void marksOnlyTheWordsThatMatchedInAHitWhateverElseTheQueryAsks() throws Exception {
    write(paper("2601.00001", "Sparse attention kernels", "We study kernels for sparse models.", "Minyi Guo"),
        paper("2601.00002", "Sparse kernels", "Dense and sparse kernels compared.", "Ehud Shapiro"));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      // the group in parentheses matches only the second paper: its "sparse" is marked there alone
      SearchResults results = search(searcher, "((ti:sparse AND au:shapiro) OR kernels) -dense cat:cs.DC");
      assertThat(results.hits()).extracting(PaperSearcherTest::marks)
          .containsExactly("2601.00001 [kernels] [[kernels]]");

      results = search(searcher, "(ti:sparse AND au:shapiro) OR kernels");
      assertThat(results.hits()).extracting(hit -> hit.paper().id() + " " + marked(hit.title()))
          .containsExactlyInAnyOrder("2601.00001 [kernels]", "2601.00002 [Sparse, kernels]");
    }
  }

  /** A hit's id, the words marked in its title, and those marked in each of its abstract passages. */
  private static String marks(Hit hit) {
    return hit.paper().id() + " " + marked(hit.title()) + " "
        + hit.abstractSnippets().stream().map(PaperSearcherTest::marked).toList();
  }

  private static List<String> marked(Snippet snippet) {
    return snippet.matches().stream().map(span -> snippet.text().substring(span.start(), span.end())).toList();
  }

  @Test
  void foldsAccentsAndCaseBothWays() throws Exception {
    write(paper("2601.00001", "Stellar populations", "Text.", "Göran Östlin"));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "ostlin"))).containsExactly("2601.00001");
      assertThat(ids(search(searcher, "ÖSTLIN"))).containsExactly("2601.00001");
    }
  }

  @Test
  void greekLettersTheirNamesAndTexAreTheSameWord() throws Exception {
    write(paper("2601.00001", "The λ-calculus revisited", "Typed Λ terms with ε-expansion."),
        paper("2601.00002", "Lambda calculus in practice", "No Greek here."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(ids(search(searcher, "λ calculus"))).containsExactly("2601.00001", "2601.00002");
      assertThat(ids(search(searcher, "lambda calculus"))).containsExactly("2601.00001", "2601.00002");
      assertThat(ids(search(searcher, "$\\lambda$ calculus"))).containsExactly("2601.00001", "2601.00002");
      assertThat(ids(search(searcher, "epsilon"))).containsExactly("2601.00001");
      Snippet title = search(searcher, "lambda").hits().get(0).title();
      assertThat(title.text().substring(title.matches().get(0).start(), title.matches().get(0).end())).isEqualTo("λ");
    }
  }

  @Test
  void aBadQuerySaysWhereAndWhat() throws Exception {
    write(paper("2601.00001", "Title", "Text."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThatThrownBy(() -> search(searcher, "kv \"cache serving"))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("column 4: this quote is never closed: end the phrase with \"")
          .extracting(e -> ((QuerySyntaxException) e).column()).isEqualTo(4);
      assertThatThrownBy(() -> search(searcher, "   ")).isInstanceOf(QuerySyntaxException.class)
          .hasMessageContaining("empty");
      assertThatThrownBy(() -> search(searcher, "&&& ---")).isInstanceOf(QuerySyntaxException.class)
          .hasMessageContaining("nothing in the query can be searched");
    }
  }

  @Test
  void saysWhenThereIsNoIndex() {
    assertThatThrownBy(() -> PaperSearcher.open(index.resolve("missing")))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageStartingWith("no index at ");
    assertThatThrownBy(() -> PaperSearcher.open(index))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageStartingWith("no index at ");
  }

  @Test
  void aOneShotSearcherFindsWhatAnyOtherDoesAndSaysTheSameProblems() throws Exception {
    TestIndexes.write(index, TestIndexes.QUERY_LANGUAGE_PAPERS);
    SearchRequest request = SearchRequest.builder().withQuery("au:smith OR lattice").withFacets(true).build();

    try (PaperSearcher mapped = PaperSearcher.open(index);
         PaperSearcher oneShot = PaperSearcher.openForOneShot(index)) {
      SearchResults expected = mapped.search(request);
      SearchResults actual = oneShot.search(request);

      assertThat(ids(actual)).hasSize(5);
      assertThat(actual.hits()).isEqualTo(expected.hits());
      assertThat(actual.totalHits()).isEqualTo(expected.totalHits());
      assertThat(actual.facets()).isEqualTo(expected.facets());
      assertThat(oneShot.similar("1001.00001", 3).map(PaperSearcherTest::ids))
          .isEqualTo(mapped.similar("1001.00001", 3).map(PaperSearcherTest::ids));
    }
    assertThatThrownBy(() -> PaperSearcher.openForOneShot(index.resolve("missing")))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageStartingWith("no index at ");
  }

  @Test
  void saysToRebuildAnIndexOfAnotherSchemaVersion() throws Exception {
    write(List.of(paper("2601.00001", "Title", "Text.")), PaperSchema.VERSION + 1);

    assertThatThrownBy(() -> PaperSearcher.open(index))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageContaining("schema version " + (PaperSchema.VERSION + 1))
        .hasMessageEndingWith("rebuild it with `paperdex index --rebuild SOURCE…`");
  }

  @Test
  void seesANewCommitAfterRefresh() throws Exception {
    write(paper("2601.00001", "First paper", "Text."));

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      write(paper("2601.00002", "Second paper", "Text."));
      assertThat(search(searcher, "paper").totalHits()).isEqualTo(1);

      assertThat(searcher.refresh()).isTrue();
      assertThat(search(searcher, "paper").totalHits()).isEqualTo(2);
      assertThat(searcher.refresh()).isFalse();
    }
  }

  @Test
  void returnsTheWholeStoredRecord() throws Exception {
    Paper full = Paper.builder().withId("hep-th/9901001").withVersion(3).withTitle("Strings")
        .withAbstract("Abstract.").withAuthors(List.of("A. One", "B. Two")).withCategories(List.of("hep-th", "gr-qc"))
        .withPublished(Instant.parse("1999-01-01T00:00:00Z")).withUpdated(Instant.parse("1999-06-01T00:00:00Z"))
        .withDoi("10.1000/XYZ").withJournalRef("Nucl. Phys. B 1 (1999)").withComments("10 pages")
        .withReportNumber("CERN-TH-1").withMscClass("81T30").withAcmClass("F.2.2")
        .withLicense("http://arxiv.org/licenses/nonexclusive-distrib/1.0/").withWithdrawn(true).withSource("x.xml")
        .build();
    write(full);

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      assertThat(searcher.get("hep-th/9901001")).contains(full);
      assertThat(searcher.get("hep-th/9901002")).isEmpty();
    }
  }

  @Test
  void searchesFromManyThreadsWhileNewCommitsArriveAndAreRefreshed() throws Exception {
    write(paper("2601.00000", "Graph paper 0", "About graphs."));

    try (PaperSearcher searcher = PaperSearcher.open(index);
         FSDirectory directory = FSDirectory.open(index);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Future<Long>> searches = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        searches.add(threads.submit(() -> {
          long seen = 1;
          while (writing.get()) {
            long total = search(searcher, "graph").totalHits();
            assertThat(total).isGreaterThanOrEqualTo(seen);
            seen = total;
          }
          return seen;
        }));
      }
      for (int i = 1; i <= 50; i++) {
        writer.addDocument(PaperDocument.toDocument(paper(String.format("2601.%05d", i), "Graph paper " + i, "Graphs.")));
        TestIndexes.commit(writer, PaperSchema.VERSION);
        searcher.refresh();
      }
      writing.set(false);
      for (Future<Long> done : searches) {
        assertThat(done.get()).isBetween(1L, 51L);
      }
      threads.shutdown();
      assertThat(search(searcher, "graph").totalHits()).isEqualTo(51);
    }
  }

  @Test
  void aPaperWithoutAFirstVersionDateIsFilteredSortedAndCountedByTheMonthInItsId() throws Exception {
    Paper undated = Paper.builder().withId("1812.06145").withTitle("Unimodal hand-gesture recognition")
        .withCategories(List.of("cs.CV")).withUpdated(Instant.parse("2025-10-13T00:00:00Z")).build();
    Paper dated = Paper.builder().withId("1901.00001").withTitle("Multimodal hand-gesture recognition")
        .withCategories(List.of("cs.CV")).withPublished(Instant.parse("2019-01-03T10:00:00Z")).build();
    write(undated, dated);

    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      SearchResults december = searcher.search(SearchRequest.builder().withQuery("recognition")
          .withSince(LocalDate.of(2018, 12, 1)).withUntil(LocalDate.of(2018, 12, 31)).build());
      assertThat(ids(december)).containsExactly("1812.06145");
      assertThat(ids(search(searcher, "date:[2018 TO 2018]"))).containsExactly("1812.06145");
      assertThat(ids(searcher.search(SearchRequest.builder().withQuery("recognition")
          .withSort(SearchRequest.Sort.PUBLISHED).build()))).containsExactly("1901.00001", "1812.06145");
      assertThat(searcher.search(SearchRequest.builder().withQuery("recognition").withFacets(true).build())
          .facets().years()).extracting(Facets.Count::value).containsExactly("2019", "2018");
      assertThat(december.hits().get(0).paper().published()).as("no date is shown that the record did not give")
          .isNull();
    }
  }

  @Test
  void theMonthInAnArxivIdIsTheMonthItWasSubmitted() {
    assertThat(Paper.builder().withId("1812.06145").build().idMonth()).contains(YearMonth.of(2018, 12));
    assertThat(Paper.builder().withId("0704.0001").build().idMonth()).contains(YearMonth.of(2007, 4));
    assertThat(Paper.builder().withId("hep-th/9901001").build().idMonth()).contains(YearMonth.of(1999, 1));
    assertThat(Paper.builder().withId("math/0601001").build().idMonth()).contains(YearMonth.of(2006, 1));
    assertThat(Paper.builder().withId("4983").build().idMonth()).as("a BEIR document id").isEmpty();
    assertThat(Paper.builder().withId("2613.00001").build().idMonth()).as("no thirteenth month").isEmpty();
    assertThat(Paper.builder().withId("0612.0001").build().idMonth()).as("before new-style ids").isEmpty();
    assertThat(Paper.builder().withId("0703.0001").build().idMonth()).as("before new-style ids").isEmpty();
    assertThat(Paper.builder().withId("hep-th/0703001").build().idMonth()).contains(YearMonth.of(2007, 3));
    assertThat(Paper.builder().withId("hep-th/0704001").build().idMonth()).as("after old-style ids").isEmpty();
    assertThat(Paper.builder().withId("hep-th/9107001").build().idMonth()).as("before arXiv").isEmpty();
  }
}
