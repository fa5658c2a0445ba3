package dev.paperdex.bench;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.RecordSink;
import dev.paperdex.indexer.parse.SourceFile;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.internal.PaperCodec;
import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;

/**
 * How fast Lucene itself indexes a corpus on this machine, with nothing of paperdex's reading in the way:
 * {@code IndexingCeiling CORPUS_DIR WORK_DIR DOCUMENT THREADS PASSES}.
 *
 * <p>Reads every record under {@code CORPUS_DIR} into memory first (as {@code paperdex index} reads them), then, for
 * each of {@code PASSES} passes, times only the indexing: {@code THREADS} threads build the documents and add them
 * to an {@link IndexWriter} configured as {@code paperdex index} configures it (buffer, no compound files,
 * {@link PaperCodec}), each flushing its buffer at the end, then the commit and the integrity check of the new
 * segments. Each pass writes a new index under {@code WORK_DIR}; passes after the first run with the JIT's compiling
 * done. {@code DOCUMENT} is what is indexed:
 * <ul>
 *   <li>{@code paperdex}: {@link PaperDocument#toDocument} with {@link PaperSchema#analyzer()};
 *   <li>{@code standard-analyzer}: the same documents, every field analysed by Lucene's {@link StandardAnalyzer};
 *   <li>{@code title-abstract}: title and abstract only, with positions but no offsets, not stored;
 *   <li>{@code title-abstract-standard-analyzer}: the same with {@link StandardAnalyzer};
 *   <li>{@code analysis-only}: paperdex's documents built and every analysed field's tokens read, no index;
 *   <li>{@code paperdex-without=PART,...}: paperdex's documents without some of their parts, to measure what each
 *       costs: {@code offsets} (title and abstract with positions only), {@code stored} (nothing stored), {@code
 *       authors} (the three fields per author), {@code author-facet}, {@code id}, {@code categories} (categories,
 *       archives, primary category), {@code dates}, {@code other} (doi, journal, comments, report number and the
 *       stored-only fields), {@code numbers} (version and fingerprint doc values).
 * </ul>
 * Several documents joined with {@code +} are indexed in turn in each pass, in one JVM (passes after the first then
 * compare them with the JIT's compiling done).
 * Prints the reading's and each pass's wall and CPU time (the whole process's, every thread), garbage collection
 * and JIT compiling time, and papers per second. README, "Indexing work, fourth round".
 */
public final class IndexingCeiling {

  private static final FieldType TITLE_ABSTRACT = new FieldType();

  static {
    TITLE_ABSTRACT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    TITLE_ABSTRACT.setTokenized(true);
    TITLE_ABSTRACT.freeze();
  }

  /** What each pass indexes. */
  private enum Indexed {
    PAPERDEX, STANDARD_ANALYZER, TITLE_ABSTRACT, TITLE_ABSTRACT_STANDARD_ANALYZER, ANALYSIS_ONLY;

    static Indexed named(String name) {
      return name.startsWith(WITHOUT) ? PAPERDEX : valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    boolean standardAnalyzer() {
      return this == STANDARD_ANALYZER || this == TITLE_ABSTRACT_STANDARD_ANALYZER;
    }

    Document document(Paper paper, long fingerprint) {
      if (this != TITLE_ABSTRACT && this != TITLE_ABSTRACT_STANDARD_ANALYZER) {
        return PaperDocument.toDocument(paper, fingerprint);
      }
      Document doc = new Document();
      doc.add(new Field(PaperSchema.TITLE, paper.title(), IndexingCeiling.TITLE_ABSTRACT));
      if (paper.abstractText() != null && !paper.abstractText().isEmpty()) {
        doc.add(new Field(PaperSchema.ABSTRACT, paper.abstractText(), IndexingCeiling.TITLE_ABSTRACT));
      }
      return doc;
    }
  }

  private static final String WITHOUT = "paperdex-without=";

  /** The fields of each part that {@code paperdex-without=} can leave out. */
  private static final Map<String, Set<String>> PARTS = Map.of(
      "authors", Set.of(PaperSchema.AUTHORS, PaperSchema.AUTHOR_KEYS, PaperSchema.AUTHOR_FACET),
      "author-facet", Set.of(PaperSchema.AUTHOR_FACET),
      "id", Set.of(PaperSchema.ID),
      "categories", Set.of(PaperSchema.CATEGORIES, PaperSchema.ARCHIVES, PaperSchema.PRIMARY_CATEGORY),
      "dates", Set.of(PaperSchema.PUBLISHED, PaperSchema.UPDATED),
      "other", Set.of(PaperSchema.DOI, PaperSchema.JOURNAL_REF, PaperSchema.COMMENTS, PaperSchema.REPORT_NUMBER,
          PaperSchema.MSC_CLASS, PaperSchema.ACM_CLASS, PaperSchema.LICENSE, PaperSchema.WITHDRAWN,
          PaperSchema.SOURCE),
      "numbers", Set.of(PaperSchema.VERSION_NUMBER, PaperSchema.FINGERPRINT));

  /** {@code doc} without the parts named in {@code parts} (see the class comment). */
  private static Document without(Document doc, Set<String> parts) {
    Set<String> dropped = new HashSet<>();
    for (String part : parts) {
      if (PARTS.containsKey(part)) {
        dropped.addAll(PARTS.get(part));
      } else if (!part.equals("offsets") && !part.equals("stored")) {
        throw new IllegalArgumentException("no such part: " + part);
      }
    }
    boolean offsets = parts.contains("offsets");
    boolean stored = parts.contains("stored");
    Document result = new Document();
    for (IndexableField field : doc) {
      if (dropped.contains(field.name())) {
        continue;
      }
      IndexableField kept = field;
      if (stored && field.fieldType().stored()) {
        kept = switch (field) {
          case StoredField storedOnly -> null;
          case KeywordField keyword -> new KeywordField(field.name(), field.stringValue(), Field.Store.NO);
          case StringField string -> new StringField(field.name(), field.stringValue(), Field.Store.NO);
          default -> {
            FieldType type = new FieldType(field.fieldType());
            type.setStored(false);
            yield new Field(field.name(), field.stringValue(), type);
          }
        };
      }
      if (offsets && kept != null && kept.fieldType().indexOptions()
          == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
        FieldType type = new FieldType(kept.fieldType());
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        kept = new Field(kept.name(), kept.stringValue(), type);
      }
      if (kept != null) {
        result.add(kept);
      }
    }
    return result;
  }

  private IndexingCeiling() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: IndexingCeiling CORPUS_DIR WORK_DIR paperdex|standard-analyzer|title-abstract|"
          + "title-abstract-standard-analyzer|analysis-only|paperdex-without=PART,... THREADS PASSES");
      System.exit(2);
    }
    Path work = Path.of(args[1]);
    List<String> documents = List.of(args[2].split("\\+"));
    int threads = Integer.parseInt(args[3]);
    int passes = Integer.parseInt(args[4]);

    Clock reading = new Clock();
    List<Paper> papers = read(Path.of(args[0]));
    long[] fingerprints = new long[papers.size()];
    for (int i = 0; i < fingerprints.length; i++) {
      fingerprints[i] = PaperDocument.fingerprint(papers.get(i));
    }
    System.out.printf(Locale.ROOT, "read %d papers and their fingerprints: %s%n", papers.size(), reading.since());
    for (int pass = 1; pass <= passes; pass++) {
      for (int d = 0; d < documents.size(); d++) {
        String document = documents.get(d);
        Indexed indexed = Indexed.named(document);
        Set<String> without = document.startsWith(WITHOUT)
            ? Set.of(document.substring(WITHOUT.length()).split(",")) : Set.of();
        Analyzer analyzer = indexed.standardAnalyzer() ? new StandardAnalyzer(CharArraySet.EMPTY_SET)
            : PaperSchema.analyzer();
        Clock clock = new Clock();
        String detail = indexed == Indexed.ANALYSIS_ONLY
            ? analyse(papers, fingerprints, analyzer, threads)
            : index(papers, fingerprints, indexed, without, analyzer, threads,
                work.resolve("pass-" + pass + (documents.size() > 1 ? "-" + d : "")));
        System.out.printf(Locale.ROOT, "pass %d, %s, %d threads: %s, %.0f papers/s; %s%n", pass, document, threads,
            clock.since(), papers.size() / clock.wallSeconds(), detail);
      }
    }
  }

  private static List<Paper> read(Path corpus) throws IOException {
    List<Paper> papers = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(corpus)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path path : files) {
      SourceFile file = new SourceFile(path);
      Format format = Format.detect(file.head(Format.HEAD_BYTES))
          .orElseThrow(() -> new IOException(path + ": not a format paperdex reads"));
      format.parser().parse(file, new RecordSink() {
        @Override
        public void paper(Paper paper, String position) {
          papers.add(paper.toBuilder().withSource(file.name() + ", " + position).build());
        }

        @Override
        public void skip(Skip skip) {}
      });
    }
    return papers;
  }

  private static String index(List<Paper> papers, long[] fingerprints, Indexed indexed, Set<String> without,
                              Analyzer analyzer, int threads, Path indexDir) throws Exception {
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(Math.min(512, Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20)))
        .setCodec(new PaperCodec())
        .setUseCompoundFile(false);
    try (FSDirectory directory = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(directory, config)) {
      AtomicInteger next = new AtomicInteger();
      inThreads(threads, () -> {
        for (int i = next.getAndIncrement(); i < papers.size(); i = next.getAndIncrement()) {
          Document doc = indexed.document(papers.get(i), fingerprints[i]);
          writer.addDocument(without.isEmpty() ? doc : without(doc, without));
        }
        writer.flushNextBuffer();
      });
      Clock commit = new Clock();
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
        return "of which commit and integrity check " + commit.since() + ", " + reader.leaves().size() + " segments";
      }
    }
  }

  private static String analyse(List<Paper> papers, long[] fingerprints, Analyzer analyzer, int threads)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    long[] tokens = new long[threads];
    AtomicInteger lane = new AtomicInteger();
    inThreads(threads, () -> {
      int mine = lane.getAndIncrement();
      for (int i = next.getAndIncrement(); i < papers.size(); i = next.getAndIncrement()) {
        for (IndexableField field : PaperDocument.toDocument(papers.get(i), fingerprints[i])) {
          if (field.fieldType().tokenized() && field.fieldType().indexOptions() != IndexOptions.NONE) {
            try (TokenStream stream = field.tokenStream(analyzer, null)) {
              stream.reset();
              while (stream.incrementToken()) {
                tokens[mine]++;
              }
              stream.end();
            }
          }
        }
      }
    });
    long total = 0;
    for (long count : tokens) {
      total += count;
    }
    return total + " tokens";
  }

  /** Work that may throw, as each indexing thread does it. */
  private interface Work {
    void run() throws IOException;
  }

  private static void inThreads(int threads, Work work) throws InterruptedException {
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(Thread.ofPlatform().start(() -> {
        try {
          work.run();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
    for (Thread thread : running) {
      thread.join();
    }
  }

  /** Wall, CPU (all of the process's threads), garbage collection and JIT compiling time since it was made. */
  private static final class Clock {
    private final long wall = System.nanoTime();
    private final long cpu = processCpuNanos();
    private final long gc = gcMillis();
    private final long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

    double wallSeconds() {
      return (System.nanoTime() - wall) / 1e9;
    }

    String since() {
      return String.format(Locale.ROOT, "wall %.1f s, CPU %.1f s (garbage collection %.1f s, JIT compiling %.1f s)",
          wallSeconds(), (processCpuNanos() - cpu) / 1e9, (gcMillis() - gc) / 1e3,
          (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) / 1e3);
    }

    private static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    private static long gcMillis() {
      long sum = 0;
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        sum += collector.getCollectionTime();
      }
      return sum;
    }
  }
}
