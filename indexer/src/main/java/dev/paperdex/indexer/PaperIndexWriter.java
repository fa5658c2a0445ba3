package dev.paperdex.indexer;

import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * Adds papers to an index by id, keeping one document per paper: the latest version, with the earliest known
 * published date. Nothing is visible to searchers until {@link #commit()}; closing without a commit discards the
 * run's changes and leaves the last committed index as it was.
 */
final class PaperIndexWriter implements Closeable {

  /** What adding one record did. */
  enum Outcome { ADDED, UPDATED, UNCHANGED }

  /** What the index holds of a paper, enough to decide whether a record changes it. */
  private record Indexed(int version, long updated, long published, long fingerprint) {}

  private static final long NO_TIME = Long.MIN_VALUE;

  private final Directory directory;
  private final IndexWriter writer;
  private final Map<String, Indexed> indexed;
  private boolean committed;

  private PaperIndexWriter(Directory directory, IndexWriter writer, Map<String, Indexed> indexed) {
    this.directory = directory;
    this.writer = writer;
    this.indexed = indexed;
  }

  /**
   * Opens the index in {@code indexDir} for writing, creating it when there is none.
   *
   * @throws IndexBusyException    when another process is writing it
   * @throws IndexProblemException when it was built with another schema version
   */
  static PaperIndexWriter open(Path indexDir) throws IOException {
    Files.createDirectories(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    IndexWriter writer = null;
    try {
      IndexWriterConfig config = new IndexWriterConfig(PaperSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false)
          .setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, config);
      Map<String, Indexed> indexed = new HashMap<>();
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
          checkSchema(indexDir, reader);
          load(reader, indexed);
        }
      }
      return new PaperIndexWriter(directory, writer, indexed);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException("index is busy: another paperdex is writing " + indexDir
          + "; wait for it to finish and run this again", e);
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      throw e;
    }
  }

  private static void checkSchema(Path indexDir, DirectoryReader reader) throws IOException {
    String version = reader.getIndexCommit().getUserData().get(PaperSchema.SCHEMA_VERSION_KEY);
    if (version != null && !version.equals(String.valueOf(PaperSchema.VERSION))) {
      throw new IndexProblemException("the index at " + indexDir + " has schema version " + version
          + " but this paperdex writes version " + PaperSchema.VERSION + ": rebuild it with `paperdex index --rebuild`");
    }
  }

  private static void load(DirectoryReader reader, Map<String, Indexed> indexed) throws IOException {
    for (LeafReaderContext context : reader.leaves()) {
      LeafReader leaf = context.reader();
      Bits live = leaf.getLiveDocs();
      SortedSetDocValues ids = DocValues.getSortedSet(leaf, PaperSchema.ID);
      NumericDocValues versions = DocValues.getNumeric(leaf, PaperSchema.VERSION_NUMBER);
      NumericDocValues fingerprints = DocValues.getNumeric(leaf, PaperSchema.FINGERPRINT);
      SortedNumericDocValues updated = DocValues.getSortedNumeric(leaf, PaperSchema.UPDATED);
      SortedNumericDocValues published = DocValues.getSortedNumeric(leaf, PaperSchema.PUBLISHED);
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
          continue;
        }
        String id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
        indexed.put(id, new Indexed(
            versions.advanceExact(doc) ? (int) versions.longValue() : 1,
            updated.advanceExact(doc) ? updated.nextValue() : NO_TIME,
            published.advanceExact(doc) ? published.nextValue() : NO_TIME,
            fingerprints.advanceExact(doc) ? fingerprints.longValue() : 0));
      }
    }
  }

  /**
   * Adds or updates one paper. A record of an older version than the indexed one changes nothing; a newer one
   * replaces it but keeps the earlier published date.
   */
  Outcome add(Paper paper) throws IOException {
    Indexed before = indexed.get(paper.id());
    Paper merged = paper;
    if (before != null) {
      if (isOlder(paper, before)) {
        return Outcome.UNCHANGED;
      }
      if (before.published() != NO_TIME
          && (paper.published() == null || before.published() < paper.published().getEpochSecond())) {
        merged = paper.toBuilder().withPublished(Instant.ofEpochSecond(before.published())).build();
      }
    }
    long fingerprint = PaperDocument.fingerprint(merged);
    if (before != null && before.fingerprint() == fingerprint) {
      return Outcome.UNCHANGED;
    }
    writer.updateDocument(new Term(PaperSchema.ID, merged.id()), PaperDocument.toDocument(merged));
    indexed.put(merged.id(), new Indexed(merged.version(), epoch(merged.updated()), epoch(merged.published()),
        fingerprint));
    return before == null ? Outcome.ADDED : Outcome.UPDATED;
  }

  private static boolean isOlder(Paper paper, Indexed indexed) {
    if (paper.version() != indexed.version()) {
      return paper.version() < indexed.version();
    }
    return paper.updated() != null && indexed.updated() != NO_TIME && paper.updated().getEpochSecond() < indexed.updated();
  }

  private static long epoch(Instant instant) {
    return instant == null ? NO_TIME : instant.getEpochSecond();
  }

  /** How many papers the index holds, counting this run's uncommitted changes. */
  int paperCount() {
    return indexed.size();
  }

  /** Makes this run's changes durable and visible to searchers, in one step. */
  void commit() throws IOException {
    writer.setLiveCommitData(Map.of(
        PaperSchema.SCHEMA_VERSION_KEY, String.valueOf(PaperSchema.VERSION),
        "paperdex.papers", String.valueOf(indexed.size()),
        "paperdex.committed", Instant.now().toString()).entrySet());
    writer.commit();
    committed = true;
  }

  /** Closes the writer; without a commit, the run's changes are discarded. */
  @Override
  public void close() throws IOException {
    try {
      if (committed) {
        writer.close();
      } else {
        writer.rollback();
      }
    } finally {
      directory.close();
    }
  }
}
