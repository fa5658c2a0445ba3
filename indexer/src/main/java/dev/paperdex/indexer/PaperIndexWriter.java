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
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * Adds papers to an index by id, keeping one document per paper: several records of one paper are merged by
 * {@link PaperMerge}. Nothing is visible to searchers until {@link #commit()}; closing without a commit discards the
 * run's changes and leaves the last committed index as it was.
 */
final class PaperIndexWriter implements Closeable {

  /** What adding one record did. */
  enum Outcome { ADDED, UPDATED, UNCHANGED }

  /**
   * What the index holds of a paper, enough to tell whether a record changes it.
   *
   * @param fingerprint    the content hash of the indexed document
   * @param writtenThisRun whether this run wrote it, so that only a refreshed reader sees it
   */
  private record Indexed(long fingerprint, boolean writtenThisRun) {}

  /** Papers written this run, kept to merge a following record of the same paper without reading the index. */
  private static final int RECENT_PAPERS = 10_000;

  private final Directory directory;
  private final IndexWriter writer;
  private final Map<String, Indexed> indexed;
  private final int committedPapers;
  private final Map<String, Paper> recent = new LinkedHashMap<>(RECENT_PAPERS, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Paper> eldest) {
      return size() > RECENT_PAPERS;
    }
  };
  private DirectoryReader reader;
  private boolean committed;

  private PaperIndexWriter(Directory directory, IndexWriter writer, DirectoryReader reader, Map<String, Indexed> indexed) {
    this.directory = directory;
    this.writer = writer;
    this.reader = reader;
    this.indexed = indexed;
    this.committedPapers = indexed.size();
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
    DirectoryReader reader = null;
    try {
      IndexWriterConfig config = new IndexWriterConfig(PaperSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false)
          .setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, config);
      Map<String, Indexed> indexed = new HashMap<>();
      reader = DirectoryReader.open(writer);
      if (DirectoryReader.indexExists(directory)) {
        checkSchema(indexDir, reader);
        load(reader, indexed);
      }
      return new PaperIndexWriter(directory, writer, reader, indexed);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException("index is busy: another paperdex is writing " + indexDir
          + "; wait for it to finish and run this again", e);
    } catch (IOException | RuntimeException e) {
      if (reader != null) {
        reader.close();
      }
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
          + " but this paperdex writes version " + PaperSchema.VERSION + ": delete that directory and index your sources again");
    }
  }

  private static void load(DirectoryReader reader, Map<String, Indexed> indexed) throws IOException {
    for (LeafReaderContext context : reader.leaves()) {
      LeafReader leaf = context.reader();
      Bits live = leaf.getLiveDocs();
      SortedSetDocValues ids = DocValues.getSortedSet(leaf, PaperSchema.ID);
      NumericDocValues fingerprints = DocValues.getNumeric(leaf, PaperSchema.FINGERPRINT);
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
          continue;
        }
        String id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
        indexed.put(id, new Indexed(fingerprints.advanceExact(doc) ? fingerprints.longValue() : 0, false));
      }
    }
  }

  /** Adds a paper, or merges it into the indexed record of the same paper. */
  Outcome add(Paper paper) throws IOException {
    Indexed before = indexed.get(paper.id());
    Paper merged = before == null ? paper : PaperMerge.merge(stored(paper.id(), before), paper);
    long fingerprint = PaperDocument.fingerprint(merged);
    if (before != null && before.fingerprint() == fingerprint) {
      return Outcome.UNCHANGED;
    }
    writer.updateDocument(new Term(PaperSchema.ID, merged.id()), PaperDocument.toDocument(merged));
    indexed.put(merged.id(), new Indexed(fingerprint, true));
    recent.put(merged.id(), merged);
    return before == null ? Outcome.ADDED : Outcome.UPDATED;
  }

  /** The indexed record of a paper: from memory when written lately, else from a reader that sees it. */
  private Paper stored(String id, Indexed indexedPaper) throws IOException {
    Paper cached = recent.get(id);
    if (cached != null) {
      return cached;
    }
    if (indexedPaper.writtenThisRun()) {
      DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    TopDocs top = searcher.search(KeywordField.newExactQuery(PaperSchema.ID, id), 1);
    if (top.scoreDocs.length == 0) {
      throw new IllegalStateException("paper " + id + " is indexed but cannot be read back");
    }
    return PaperDocument.toPaper(searcher.storedFields().document(top.scoreDocs[0].doc));
  }

  /** How many papers the index holds, counting this run's uncommitted changes. */
  int paperCount() {
    return indexed.size();
  }

  /** How many papers the last commit holds, as searchers see it. */
  int committedPaperCount() {
    return committedPapers;
  }

  /** Makes this run's changes durable and visible to searchers, in one step. */
  void commit() throws IOException {
    writer.setLiveCommitData(Map.of(
        PaperSchema.SCHEMA_VERSION_KEY, String.valueOf(PaperSchema.VERSION),
        "paperdex.papers", String.valueOf(indexed.size()),
        PaperSchema.COMMITTED_KEY, Instant.now().toString()).entrySet());
    writer.commit();
    committed = true;
  }

  /** Closes the writer; without a commit, the run's changes are discarded. */
  @Override
  public void close() throws IOException {
    try (Directory closedLast = directory) {
      try {
        reader.close();
      } finally {
        if (committed) {
          writer.close();
        } else {
          writer.rollback();
        }
      }
    }
  }
}
