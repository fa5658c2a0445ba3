package dev.paperdex.indexer;

import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.RecordSink;
import dev.paperdex.indexer.parse.SourceFile;
import dev.paperdex.searcher.ArxivTaxonomy;
import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads source files and directories in any format paperdex knows and adds their papers to an index, in one commit.
 *
 * <pre>{@code
 * IndexReport report = Indexer.builder().withIndex(Path.of("index")).build().index(List.of(Path.of("data")));
 * }</pre>
 */
public final class Indexer {

  private final ArxivTaxonomy taxonomy = ArxivTaxonomy.get();
  private final Path indexDir;
  private final IndexListener listener;
  private final boolean strict;
  private final boolean rebuild;

  private Indexer(Path indexDir, IndexListener listener, boolean strict, boolean rebuild) {
    this.indexDir = indexDir;
    this.listener = listener;
    this.strict = strict;
    this.rebuild = rebuild;
  }

  /** A builder; an index directory is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every file under {@code sources} (directories recursively, in name order) and adds or updates their papers;
   * a rebuild replaces the index with just these papers. Bad files and records are skipped and reported to the
   * listener; the index is verified and committed once, at the end, so an interrupted run leaves the index as it was.
   * In strict mode a run with any skip commits nothing. The commit records each file's path, size and modification
   * time.
   *
   * @throws NoSuchFileException  when a source does not exist
   * @throws IndexBusyException   when another process is writing the index
   * @throws IndexProblemException when the index has another schema version and this is not a rebuild
   * @throws IndexWriteException  when the index cannot be written
   */
  public IndexReport index(List<Path> sources) throws IOException {
    long start = System.nanoTime();
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      files.addAll(filesUnder(source));
    }
    long[] sizes = new long[files.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizeOf(files.get(i));
    }
    listener.started(files.size(), Arrays.stream(sizes).sum());
    Counts counts = new Counts();
    try (PaperIndexWriter writer = PaperIndexWriter.open(indexDir, rebuild)) {
      for (int i = 0; i < sizes.length; i++) {
        Path file = files.get(i);
        listener.fileStarted(file);
        counts.files++;
        describe(file, sizes[i]).ifPresent(counts.sources::add);
        read(new SourceFile(file), writer, counts);
        counts.bytesOfFilesRead += sizes[i];
        listener.progressed(counts.records, counts.bytesOfFilesRead);
      }
      return finish(writer, counts, start);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Adds or updates papers that come from somewhere other than source files, such as a test collection read by the
   * caller, on the same path as {@link #index(List)}: every paper passes the same record checks, is merged with the
   * indexed record of the same id, and the index is committed once, at the end; in strict mode a run with any skip
   * commits nothing.
   *
   * <p>The papers count as one source file named {@code sourceName} in the report. Paper number <i>n</i> (from 1) is
   * at position {@code record n}: skips name it so, and a paper without a {@link Paper#source()} of its own is stored
   * with the source {@code sourceName, record n}. The listener hears about skips, never {@code fileStarted}, as there
   * is no file. {@code papers} is read once; when it throws, nothing of this run is committed: an
   * {@link UncheckedIOException} is rethrown as its {@link IOException}, other runtime exceptions as they are.
   *
   * @param sourceName what the papers are, for the report and skip messages, such as the name of the file they were
   *                   read from
   * @param papers     the papers, read in order
   * @throws IndexBusyException when another process is writing the index
   * @throws IOException        when the index cannot be written, or {@code papers} cannot be read
   */
  public IndexReport indexPapers(String sourceName, Iterator<Paper> papers) throws IOException {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(papers, "papers");
    long start = System.nanoTime();
    Counts counts = new Counts();
    counts.files = 1;
    try (PaperIndexWriter writer = PaperIndexWriter.open(indexDir, rebuild)) {
      while (papers.hasNext()) {
        Paper paper = papers.next();
        counts.records++;
        String position = "record " + counts.records;
        accept(paper.source() != null ? paper : paper.toBuilder().withSource(sourceName + ", " + position).build(),
            sourceName, position, writer, counts);
      }
      return finish(writer, counts, start);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Checks one paper and adds it to the index, counting what happened. */
  private void accept(Paper paper, String file, String position, PaperIndexWriter writer, Counts counts) {
    Optional<RecordCheck.Problem> problem = RecordCheck.problem(paper);
    if (problem.isPresent()) {
      skip(counts, new Skip(file, position, problem.get().reason(), problem.get().detail()));
      return;
    }
    for (String code : paper.categories()) {
      if (!taxonomy.isKnown(code)) {
        counts.unknownCategories.merge(code, 1L, Long::sum);
      }
    }
    try {
      count(writer.add(paper), counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void count(PaperIndexWriter.Outcome outcome, Counts counts) {
    switch (outcome) {
      case ADDED -> counts.added++;
      case UPDATED -> counts.updated++;
      case UNCHANGED -> counts.unchanged++;
      case PENDING -> { } // counted when settled
    }
  }

  /** Commits the run (unless strict mode and a skip forbid it) and reports it. */
  private IndexReport finish(PaperIndexWriter writer, Counts counts, long start) throws IOException {
    for (PaperIndexWriter.Outcome outcome : writer.settle()) {
      count(outcome, counts);
    }
    boolean commit = !strict || counts.skipped.isEmpty();
    if (commit) {
      writer.commit(counts.sources);
    }
    return new IndexReport(counts.files, counts.records, counts.added, counts.updated, counts.unchanged,
        counts.skipped, counts.unknownCategories, commit ? writer.paperCount() : writer.committedPaperCount(), commit,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The file as the commit records it; empty when it cannot be read: the run will say why when it gets to it. */
  private static Optional<IndexInfo.Source> describe(Path file, long size) {
    try {
      return Optional.of(new IndexInfo.Source(file.toAbsolutePath().normalize().toString(), size,
          Files.getLastModifiedTime(file).toInstant()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The file's size, or 0 when it cannot be read: the run will say why when it gets to it. */
  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<Path> filesUnder(Path source) throws IOException {
    if (!Files.exists(source)) {
      throw new NoSuchFileException(source.toString(), null, "no such file or directory");
    }
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    try (Stream<Path> walk = Files.walk(source)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private void read(SourceFile file, PaperIndexWriter writer, Counts counts) throws IOException {
    Optional<Format> format;
    try {
      format = Format.detect(file.head(Format.HEAD_BYTES));
    } catch (IOException e) {
      skip(counts, new Skip(file.name(), null, SkipReason.UNREADABLE_FILE, Objects.toString(e.getMessage(), "")));
      return;
    }
    if (format.isEmpty()) {
      skip(counts, new Skip(file.name(), null, SkipReason.UNKNOWN_FORMAT,
          "expected an arXiv API feed, an OAI-PMH response, Kaggle snapshot JSON lines or flattened API text"));
      return;
    }
    try {
      format.get().parser().parse(file, new RecordSink() {
        @Override
        public void paper(Paper paper, String position) {
          counts.records++;
          accept(paper.toBuilder().withSource(file.name() + ", " + position).build(), file.name(), position, writer,
              counts);
          listener.progressed(counts.records, counts.bytesOfFilesRead + file.bytesRead());
        }

        @Override
        public void skip(Skip skip) {
          Indexer.this.skip(counts, skip);
        }

        @Override
        public void note(String name, String message) {
          listener.noted(name, message);
        }
      });
    } catch (IOException e) {
      skip(counts, new Skip(file.name(), null, SkipReason.UNREADABLE_FILE, Objects.toString(e.getMessage(), "")));
    }
  }

  private void skip(Counts counts, Skip skip) {
    counts.skipped.merge(skip.reason(), 1L, Long::sum);
    listener.skipped(skip);
  }

  /** Running totals of one run. */
  private static final class Counts {
    long files;
    long records;
    long bytesOfFilesRead;
    long added;
    long updated;
    long unchanged;
    final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    final Map<String, Long> unknownCategories = new HashMap<>();
    final List<IndexInfo.Source> sources = new ArrayList<>();
  }

  /** Builds an {@link Indexer}. */
  public static final class Builder {
    private Path indexDir;
    private IndexListener listener = new IndexListener() {};
    private boolean strict;
    private boolean rebuild;

    private Builder() {}

    /** Sets the index directory, created when missing. */
    public Builder withIndex(Path indexDir) {
      this.indexDir = indexDir;
      return this;
    }

    /** Sets who hears about files, skips and notes as the run goes. */
    public Builder withListener(IndexListener listener) {
      this.listener = listener;
      return this;
    }

    /** In strict mode, any skipped file or record makes the run commit nothing. */
    public Builder withStrict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Whether a run builds a fresh index of just its sources, replacing the committed one only when it is complete and
     * verified (searchers keep answering from the old one until then), rather than adding to it. A rebuild also turns
     * an index of another schema version into one of this version.
     */
    public Builder withRebuild(boolean rebuild) {
      this.rebuild = rebuild;
      return this;
    }

    /** Builds the indexer; throws {@link NullPointerException} without an index directory. */
    public Indexer build() {
      return new Indexer(Objects.requireNonNull(indexDir, "index directory"), listener, strict, rebuild);
    }
  }
}
