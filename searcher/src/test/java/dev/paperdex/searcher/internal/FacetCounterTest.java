package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.Facets.Count;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacetCounterTest {

  @TempDir
  Path indexDir;

  private Directory directory;

  @AfterEach
  void closeDirectory() throws IOException {
    if (directory != null) {
      directory.close();
    }
  }

  private static Paper paper(String id, List<String> categories, String published, String... authors) {
    return Paper.builder().withId(id).withTitle("Paper " + id).withAuthors(List.of(authors))
        .withCategories(categories).withPublished(published == null ? null : Instant.parse(published)).build();
  }

  /** Ten papers in two segments: the first five, then the rest. */
  private static final List<Paper> FIRST_SEGMENT = List.of(
      paper("2601.00001", List.of("cs.DC", "cs.LG"), "2026-01-05T10:00:00Z", "Alice Smith", "Bob Jones"),
      paper("2601.00002", List.of("cs.LG"), "2026-02-01T10:00:00Z", "Alice Smith"),
      // The last second of 2025 in UTC, and the first: both count for 2025.
      paper("2512.00003", List.of("math.PR", "stat.ML"), "2025-12-31T23:59:59Z", "Carol White", "Alice Smith"),
      paper("2501.00004", List.of("hep-th"), "2025-01-01T00:00:00Z", "Dan Brown"),
      paper("2406.00005", List.of("cs.DC", "math.OC"), "2024-06-01T10:00:00Z", "Bob Jones", "Eve Black"));
  private static final List<Paper> SECOND_SEGMENT = List.of(
      paper("2407.00006", List.of(), "2024-07-01T10:00:00Z", "Eve Black"),
      paper("2301.00007", List.of("astro-ph.GA"), null, "Frank Green"),
      paper("hep-th/9108008", List.of("hep-th", "gr-qc"), "1991-08-14T10:00:00Z", "Dan Brown", "Ángel Ruiz"),
      paper("2403.00009", List.of("cs.LG", "stat.ML"), "2024-03-03T10:00:00Z", "Bob Jones"),
      paper("2603.00010", List.of("cs.CL"), "2026-03-01T10:00:00Z", "Zoe Adams"));

  private DirectoryReader write(List<List<Paper>> segments) throws IOException {
    directory = FSDirectory.open(indexDir);
    // No merging, so that every commit stays its own segment and counts must be merged across them.
    IndexWriterConfig config = new IndexWriterConfig(PaperSchema.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (List<Paper> segment : segments) {
        for (Paper paper : segment) {
          writer.addDocument(PaperDocument.toDocument(paper));
        }
        writer.commit();
      }
    }
    return DirectoryReader.open(directory);
  }

  private DirectoryReader writeTenPapers() throws IOException {
    DirectoryReader reader = write(List.of(FIRST_SEGMENT, SECOND_SEGMENT));
    assertThat(reader.leaves()).hasSize(2);
    return reader;
  }

  private static Count count(String value, long count) {
    return new Count(value, count);
  }

  @Test
  void countsEveryMatchingPaperAcrossSegments() throws Exception {
    try (DirectoryReader reader = writeTenPapers()) {
      Facets facets = FacetCounter.count(new IndexSearcher(reader), MatchAllDocsQuery.INSTANCE, 20);

      // Most papers first, equal counts in value order; the paper without categories is in no category.
      assertThat(facets.categories()).containsExactly(count("cs.LG", 3), count("cs.DC", 2), count("hep-th", 2),
          count("stat.ML", 2), count("astro-ph.GA", 1), count("cs.CL", 1), count("gr-qc", 1), count("math.OC", 1),
          count("math.PR", 1));
      // A paper in cs.DC and cs.LG counts once for cs.
      assertThat(facets.archives()).containsExactly(count("cs", 5), count("hep-th", 2), count("math", 2),
          count("stat", 2), count("astro-ph", 1), count("gr-qc", 1));
      // Latest year first, whatever the counts; the paper without a date counts in the year of its id (2301).
      assertThat(facets.years()).containsExactly(count("2026", 3), count("2025", 2), count("2024", 3),
          count("2023", 1), count("1991", 1));
      // Code point order puts "Á" after "Z".
      assertThat(facets.authors()).containsExactly(count("Alice Smith", 3), count("Bob Jones", 3),
          count("Dan Brown", 2), count("Eve Black", 2), count("Carol White", 1), count("Frank Green", 1),
          count("Zoe Adams", 1), count("Ángel Ruiz", 1));
    }
  }

  @Test
  void countsOnlyWhatTheQueryMatches() throws Exception {
    try (DirectoryReader reader = writeTenPapers()) {
      Facets facets = FacetCounter.count(new IndexSearcher(reader),
          new TermQuery(new Term(PaperSchema.ARCHIVES, "cs")), 20);

      assertThat(facets.categories()).containsExactly(count("cs.LG", 3), count("cs.DC", 2), count("cs.CL", 1),
          count("math.OC", 1), count("stat.ML", 1));
      assertThat(facets.archives()).containsExactly(count("cs", 5), count("math", 1), count("stat", 1));
      assertThat(facets.years()).containsExactly(count("2026", 3), count("2024", 2));
      assertThat(facets.authors()).containsExactly(count("Bob Jones", 3), count("Alice Smith", 2),
          count("Eve Black", 1), count("Zoe Adams", 1));
    }
  }

  @Test
  void keepsTheValuesWithTheMostPapers() throws Exception {
    try (DirectoryReader reader = writeTenPapers()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Facets two = FacetCounter.count(searcher, MatchAllDocsQuery.INSTANCE, 2);

      assertThat(two.categories()).containsExactly(count("cs.LG", 3), count("cs.DC", 2));
      assertThat(two.archives()).containsExactly(count("cs", 5), count("hep-th", 2));
      assertThat(two.authors()).containsExactly(count("Alice Smith", 3), count("Bob Jones", 3));
      // The two years with the most papers, then listed latest first.
      assertThat(two.years()).containsExactly(count("2026", 3), count("2024", 3));
      assertThat(FacetCounter.count(searcher, MatchAllDocsQuery.INSTANCE, 3).years())
          .containsExactly(count("2026", 3), count("2025", 2), count("2024", 3));
      // Equal counts favour the later year.
      assertThat(FacetCounter.count(searcher, MatchAllDocsQuery.INSTANCE, 1).years()).containsExactly(count("2026", 3));
    }
  }

  @Test
  void doesNotCountDeletedOrReplacedPapers() throws Exception {
    writeTenPapers().close();
    Paper replacement = paper("2601.00002", List.of("math.AG"), "2023-05-05T10:00:00Z", "Yuri Ivanov");
    IndexWriterConfig config = new IndexWriterConfig(PaperSchema.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      writer.updateDocument(new Term(PaperSchema.ID, replacement.id()), PaperDocument.toDocument(replacement));
      writer.deleteDocuments(new Term(PaperSchema.ID, "2603.00010"));
      writer.commit();
    }

    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDeletedDocs()).isEqualTo(2);
      Facets facets = FacetCounter.count(new IndexSearcher(reader), MatchAllDocsQuery.INSTANCE, 20);

      assertThat(facets.categories()).contains(count("cs.LG", 2), count("math.AG", 1));
      assertThat(facets.categories()).extracting(Count::value).doesNotContain("cs.CL");
      assertThat(facets.archives()).contains(count("cs", 3), count("math", 3));
      assertThat(facets.years()).containsExactly(count("2026", 1), count("2025", 2), count("2024", 3),
          count("2023", 2), count("1991", 1));
      assertThat(facets.authors()).contains(count("Alice Smith", 2), count("Yuri Ivanov", 1));
      assertThat(facets.authors()).extracting(Count::value).doesNotContain("Zoe Adams");
    }
  }

  @Test
  void matchingNothingOrAskingForNothingGivesEmptyFacets() throws Exception {
    try (DirectoryReader reader = writeTenPapers()) {
      IndexSearcher searcher = new IndexSearcher(reader);

      assertThat(FacetCounter.count(searcher, new TermQuery(new Term(PaperSchema.ARCHIVES, "q-fin")), 10))
          .isEqualTo(Facets.empty());
      assertThat(FacetCounter.count(searcher, MatchAllDocsQuery.INSTANCE, 0)).isEqualTo(Facets.empty());
      assertThatThrownBy(() -> FacetCounter.count(searcher, MatchAllDocsQuery.INSTANCE, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEmptyIndexHasEmptyFacets() throws Exception {
    try (DirectoryReader reader = write(List.of(List.of()))) {
      assertThat(FacetCounter.count(new IndexSearcher(reader), MatchAllDocsQuery.INSTANCE, 10))
          .isEqualTo(Facets.empty());
    }
  }

  @Test
  void theListsCannotBeChanged() throws Exception {
    try (DirectoryReader reader = writeTenPapers()) {
      Facets facets = FacetCounter.count(new IndexSearcher(reader), MatchAllDocsQuery.INSTANCE, 10);

      assertThatThrownBy(() -> facets.authors().add(count("Mallory", 1)))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  /**
   * Many papers with skewed authors over six segments, checked against counting the papers directly: the merge that
   * reads only promising values (forced with a limit of 0) and the one that reads all must both be exact, at every
   * cut, with slices of one segment or parts of one counted in parallel.
   */
  @Test
  void agreesWithCountingThePapersDirectly() throws Exception {
    Random random = new Random(20260324);
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      pool.add("Author " + (char) ('A' + i % 26) + i);
    }
    String[] categories = {"cs.DC", "cs.LG", "cs.CL", "math.PR", "math.OC", "stat.ML", "hep-th", "gr-qc",
        "astro-ph.GA", "quant-ph"};
    List<List<Paper>> segments = new ArrayList<>();
    List<Paper> all = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      List<Paper> segment = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        List<String> authors = new ArrayList<>();
        for (int a = random.nextInt(5); a >= 0; a--) {
          double u = random.nextDouble();
          authors.add(pool.get((int) (pool.size() * u * u * u))); // skewed: low indices are prolific
        }
        List<String> cats = new ArrayList<>();
        for (int c = random.nextInt(3); c > 0; c--) {
          cats.add(categories[random.nextInt(categories.length)]);
        }
        // From 1960 (before the epoch) to 2030; one in ten undated, counted by its id's month where it has one.
        String published = random.nextInt(10) == 0 ? null
            : Instant.ofEpochSecond(-315_619_200L + (long) (random.nextDouble() * 2_209_000_000L)).toString();
        Paper paper = paper(String.format("%d.%05d", 2000 + s, i), cats.stream().distinct().toList(), published,
            authors.toArray(String[]::new));
        segment.add(paper);
        all.add(paper);
      }
      segments.add(segment);
    }

    ExecutorService executor = Executors.newFixedThreadPool(3);
    try (DirectoryReader reader = write(segments)) {
      IndexSearcher plain = new IndexSearcher(reader);
      IndexSearcher parallel = new IndexSearcher(reader, executor);
      IndexSearcher partitioned = new IndexSearcher(reader, executor) {
        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
          // Parts of 25 documents, one per slice: several collectors count parts of the same segment.
          return slices(leaves, 25, 1, true);
        }
      };
      Query[] queries = {MatchAllDocsQuery.INSTANCE, new TermQuery(new Term(PaperSchema.ARCHIVES, "cs")),
          new TermQuery(new Term(PaperSchema.CATEGORIES, "hep-th"))};
      List<Function<Paper, Boolean>> matches = List.of(paper -> true,
          paper -> paper.categories().stream().anyMatch(c -> c.startsWith("cs.")),
          paper -> paper.categories().contains("hep-th"));
      for (int q = 0; q < queries.length; q++) {
        int query = q;
        List<Paper> matching = all.stream().filter(paper -> matches.get(query).apply(paper)).toList();
        for (int maxValues : new int[] {1, 2, 3, 5, 8, 13, 200}) {
          Facets expected = expected(matching, maxValues);
          assertThat(FacetCounter.count(plain, queries[q], maxValues, 0)).as("pruned, %s, %d", queries[q], maxValues)
              .isEqualTo(expected);
          assertThat(FacetCounter.count(plain, queries[q], maxValues, Integer.MAX_VALUE))
              .as("full, %s, %d", queries[q], maxValues).isEqualTo(expected);
          assertThat(FacetCounter.count(parallel, queries[q], maxValues)).isEqualTo(expected);
          assertThat(FacetCounter.count(partitioned, queries[q], maxValues, 0)).isEqualTo(expected);
        }
      }
    } finally {
      executor.shutdown();
    }
  }

  /** The facets of these papers, counted the obvious way. Test values are all in the BMP: String order will do. */
  private static Facets expected(List<Paper> papers, int maxValues) {
    Comparator<Count> byCountThenValue = Comparator.comparingLong(Count::count).reversed()
        .thenComparing(Count::value);
    List<Count> categories = top(papers, paper -> paper.categories(), maxValues, byCountThenValue);
    List<Count> archives = top(papers,
        paper -> paper.categories().stream().map(PaperDocument::archive).distinct().toList(), maxValues,
        byCountThenValue);
    List<Count> authors = top(papers, paper -> paper.authors().stream().distinct().toList(), maxValues,
        byCountThenValue);
    List<Count> years = top(papers,
        paper -> paper.published() != null
            ? List.of(String.valueOf(paper.published().atZone(ZoneOffset.UTC).getYear()))
            : paper.idMonth().map(month -> List.of(String.valueOf(month.getYear()))).orElse(List.of()),
        maxValues,
        Comparator.comparingLong(Count::count).reversed()
            .thenComparing(Comparator.comparingInt((Count c) -> Integer.parseInt(c.value())).reversed()));
    years = years.stream()
        .sorted(Comparator.comparingInt((Count c) -> Integer.parseInt(c.value())).reversed()).toList();
    return new Facets(categories, archives, years, authors);
  }

  private static List<Count> top(List<Paper> papers, Function<Paper, List<String>> values, int maxValues,
      Comparator<Count> order) {
    Map<String, Long> counts = new TreeMap<>();
    for (Paper paper : papers) {
      for (String value : values.apply(paper)) {
        counts.merge(value, 1L, Long::sum);
      }
    }
    return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).sorted(order).limit(maxValues)
        .collect(Collectors.toList());
  }
}
