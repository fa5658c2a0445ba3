package dev.paperdex.searcher;

import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** Small indexes for searcher tests, written the way the indexer writes them. */
final class TestIndexes {

  /** Papers that exercise every rule of the query language: fields, authors, categories, dates, hyphens, Greek. */
  static final List<Paper> QUERY_LANGUAGE_PAPERS = List.of(
      paper("1001.00001", "Quantum criticality on the checkerboard lattice", "Spin models.",
          List.of("Adrian Del Maestro", "Göran Östlin"), List.of("cond-mat.str-el"), "2010-01-05T10:00:00Z"),
      paper("1001.00002", "Pyrochlore magnets", "Frustration on the pyrochlore lattice.",
          List.of("Adrian Del Maestro"), List.of("cond-mat.str-el", "cond-mat.stat-mech"), "2010-02-05T10:00:00Z"),
      paper("1001.00003", "Superfluid helium in nanopores", "Quantum liquids.",
          List.of("Adrian Del Maestro", "John Smith"), List.of("cond-mat.other"), "2011-03-01T10:00:00Z"),
      paper("2301.00004", "Transformers for market forecasting", "Attention over price series.",
          List.of("Jane Smith"), List.of("q-fin.ST", "cs.LG"), "2023-06-01T10:00:00Z"),
      paper("2601.00005", "A non-invasive probe of distributed systems", "We trace without overhead.",
          List.of("J. Smith"), List.of("cs.DC"), "2026-01-15T10:00:00Z"),
      paper("2602.00006", "Noninvasive monitoring at scale", "Tracing clusters.",
          List.of("Wei Zhang"), List.of("cs.DC", "cs.LG"), "2026-02-20T10:00:00Z"),
      paper("2603.00007", "Non invasive sensing with transformation groups", "Invariant features.",
          List.of("Maria Garcia"), List.of("cs.LG", "cs.DC"), "2026-03-31T23:00:00Z"),
      paper("2604.00008", "Mathematical physics of λ-deformations", "The λ-model on a torus.",
          List.of("Pierre Dupont"), List.of("math-ph", "hep-th"), "2026-04-02T10:00:00Z"));

  private TestIndexes() {}

  static Paper paper(String id, String title, String abstractText, List<String> authors, List<String> categories,
                     String published) {
    return Paper.builder().withId(id).withTitle(title).withAbstract(abstractText).withAuthors(authors)
        .withCategories(categories).withPublished(Instant.parse(published))
        .withUpdated(Instant.parse(published)).build();
  }

  /** Writes {@code papers} into a new index in {@code dir}, committed with the current schema version. */
  static void write(Path dir, List<Paper> papers) throws IOException {
    write(dir, papers, PaperSchema.VERSION);
  }

  /** Writes {@code papers} into {@code dir}, committed as an index of {@code schemaVersion}. */
  static void write(Path dir, List<Paper> papers, int schemaVersion) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
      for (Paper paper : papers) {
        writer.addDocument(PaperDocument.toDocument(paper));
      }
      commit(writer, schemaVersion);
    }
  }

  /** Commits what {@code writer} holds as an index of {@code schemaVersion}, as the indexer does. */
  static void commit(IndexWriter writer, int schemaVersion) throws IOException {
    writer.setLiveCommitData(Map.of(PaperSchema.SCHEMA_VERSION_KEY, String.valueOf(schemaVersion)).entrySet());
    writer.commit();
  }
}
