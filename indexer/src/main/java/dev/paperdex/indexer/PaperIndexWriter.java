package dev.paperdex.indexer;

import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.internal.CommitRecord;
import dev.paperdex.searcher.internal.IndexDamage;
import dev.paperdex.searcher.internal.PaperCodec;
import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Adds papers to an index by id, keeping one document per paper: several records of one paper are merged by
 * {@link PaperMerge}. Nothing is visible to searchers until {@link #commit}; closing without a commit discards the
 * run's changes and leaves the last committed index as it was.
 *
 * <p>A rebuild writes a fresh index beside the committed one, in the same directory: searchers keep reading the old
 * commit until the new one is complete and verified, and Lucene deletes the old files once the new commit is made. A
 * kill at any moment leaves one complete commit or the other.
 *
 * <p>The caller's thread decides what each record does (added, updated, unchanged) from an in-memory map of the papers
 * this run wrote and, for the others, from the {@link CommittedPapers committed index}; building and analysing the
 * Lucene documents runs on {@link #lanes} worker threads, each paper id always on the same one, so that two writes of
 * one paper keep their order. A record of a paper that this run wrote too long ago to remember waits for {@link
 * #settle()}, which reads all such papers back after one flush rather than flushing the writer for each (a flush per
 * record made many tiny segments and merges).
 */
final class PaperIndexWriter implements Closeable {

  /** What adding one record did. */
  enum Outcome {
    ADDED, UPDATED, UNCHANGED,
    /** Decided by {@link #settle()}: the record merges into a paper written earlier in this run. */
    PENDING
  }

  /**
   * What the index holds of a paper, enough to tell whether a record changes it.
   *
   * @param fingerprint the content hash of the indexed document
   * @param writtenAt   the number of this run's write that wrote it, 0 when it was in the index before the run; a
   *                    reader sees it only when opened after that write
   */
  private record Indexed(long fingerprint, long writtenAt) {}

  /** Papers written this run, kept to merge a following record of the same paper without reading the index. */
  private static final int RECENT_PAPERS = 10_000;
  /** Documents queued per lane: enough to keep a lane busy, few enough to bound the memory they take. */
  private static final int LANE_QUEUE = 256;
  /**
   * Lucene's in-memory buffer before it writes a segment: larger buffers mean fewer, larger segments and less merging,
   * and fewer segments mean faster searches, which set up postings and highlighting per segment. With two lanes each
   * writes segments of about half of this: the ~300k Kaggle records make two large segments (with 128 MB, four) in the
   * same CPU time and peak memory, and queries take 7% less CPU. At most a quarter of the heap, to leave a small heap
   * room for the rest.
   */
  private static final double RAM_BUFFER_MB = Math.min(512, Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
  /** One lane of writing per core (see {@link WriteLanes}). */
  private static final int LANES = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final Path indexDir;
  private final Directory directory;
  private final IndexWriter writer;
  /** The papers this run wrote. */
  private final Map<String, Indexed> indexed = new HashMap<>();
  private final CommittedPapers committedPapers;
  /** How many papers the index holds, counting this run's uncommitted changes. */
  private int papers;
  private final boolean rebuild;
  private final CommitRecord previous;
  /** Segments of the last commit: the ones this run did not write, so need no verifying before the next commit. */
  private final Set<String> committedSegments;
  private final Map<String, Paper> recent = new LinkedHashMap<>(RECENT_PAPERS, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Paper> eldest) {
      return size() > RECENT_PAPERS;
    }
  };
  /** Records of papers written earlier in this run and no longer in {@link #recent}, in the order they came. */
  private final List<Paper> pending = new ArrayList<>();
  private final WriteLanes lanes;
  /** How many documents this run has written. */
  private long writes;
  /** How many of this run's writes {@link #reader} sees. */
  private long readerSees;
  private DirectoryReader reader;
  private boolean committed;

  private PaperIndexWriter(Path indexDir, Directory directory, IndexWriter writer, DirectoryReader reader,
                           CommittedPapers committedPapers, boolean rebuild, CommitRecord previous,
                           Set<String> committedSegments) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    this.reader = reader;
    this.committedPapers = committedPapers;
    this.papers = committedPapers.count();
    this.rebuild = rebuild;
    this.previous = previous;
    this.committedSegments = committedSegments;
    this.lanes = new WriteLanes(writer, LANES, LANE_QUEUE);
  }

  /**
   * Opens the index in {@code indexDir} for writing, creating it when there is none.
   *
   * @param rebuild whether to build a fresh index that replaces the committed one at {@link #commit}, rather than add
   *                to it; an index of another schema version can only be rebuilt
   * @throws IndexBusyException    when another process is writing it
   * @throws IndexProblemException when it was built with another schema version and this is not a rebuild
   * @throws IndexWriteException   when the directory cannot be written
   */
  static PaperIndexWriter open(Path indexDir, boolean rebuild) throws IOException {
    Directory directory;
    try {
      Files.createDirectories(indexDir);
      directory = FSDirectory.open(indexDir);
    } catch (IOException e) {
      throw IndexWriteException.of(indexDir, e);
    }
    IndexWriter writer = null;
    DirectoryReader reader = null;
    try {
      if (rebuild) {
        dropUnreadableCommitPoint(directory);
      }
      IndexWriterConfig config = new IndexWriterConfig(PaperSchema.analyzer())
          .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false)
          .setRAMBufferSizeMB(RAM_BUFFER_MB)
          .setMergePolicy(new SmallSegmentMerges(LANES))
          .setMaxFullFlushMergeWaitMillis(SmallSegmentMerges.COMMIT_WAIT_MS)
          // Stored fields in small blocks: showing a hit decompresses little more than its paper.
          .setCodec(new PaperCodec())
          // A compound file would copy each flushed segment (160 MB at 300k records) once more, for fewer files.
          .setUseCompoundFile(false);
      writer = new IndexWriter(directory, config);
      writeLockHolder(indexDir);
      // A rebuild needs nothing of the old index, which may be of another schema or damaged beyond reading.
      CommitRecord previous = null;
      if (!rebuild && DirectoryReader.indexExists(directory)) {
        Map<String, String> lastCommit = SegmentInfos.readLatestCommit(directory).getUserData();
        CommitRecord.requireCurrentSchema(indexDir, lastCommit);
        previous = CommitRecord.fromUserData(lastCommit);
      }
      reader = DirectoryReader.open(writer);
      Set<String> committedSegments = segmentNames(reader);
      // A rebuild's writer starts empty, so its reader sees no papers.
      return new PaperIndexWriter(indexDir, directory, writer, reader, new CommittedPapers(reader), rebuild, previous,
          committedSegments);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw IndexBusyException.locked(indexDir, "wait for it to finish and run this again", e);
    } catch (IOException | RuntimeException e) {
      if (reader != null) {
        reader.close();
      }
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      if (e instanceof IOException io && IndexDamage.isDamage(io)) {
        throw IndexDamage.problem(indexDir, io);
      }
      if (e instanceof IOException io && !(e instanceof IndexProblemException)) {
        throw IndexWriteException.of(indexDir, io);
      }
      throw e;
    }
  }

  /**
   * Deletes the commit point of an index that a rebuild is about to replace when it cannot be read (damaged, or
   * written by a Lucene too old or too new): Lucene starts a fresh index only in a directory whose last commit it can
   * read, and nothing can be searched through that commit anyway. The segment files it named go at the first commit.
   */
  private static void dropUnreadableCommitPoint(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    try {
      SegmentInfos.readLatestCommit(directory);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException e) {
      try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        for (String file : directory.listAll()) {
          if (file.startsWith(IndexFileNames.SEGMENTS) || file.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
            directory.deleteFile(file);
          }
        }
      }
    }
  }


  /** Says who holds the lock: this process, since now. Written atomically, so a reader sees all of it or nothing. */
  private static void writeLockHolder(Path indexDir) throws IOException {
    Path holder = indexDir.resolve(IndexBusyException.LOCK_HOLDER_FILE);
    Path temporary = indexDir.resolve(IndexBusyException.LOCK_HOLDER_FILE + ".tmp");
    Files.writeString(temporary, "pid " + ProcessHandle.current().pid() + " since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, holder, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Set<String> segmentNames(DirectoryReader reader) {
    Set<String> names = new HashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      names.add(segmentName(leaf));
    }
    return names;
  }

  private static String segmentName(LeafReaderContext leaf) {
    return FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment
        ? segment.getSegmentName()
        : leaf.reader().toString();
  }

  /**
   * Adds a paper, or merges it into the indexed record of the same paper. {@link Outcome#PENDING} means that the
   * record merges into a paper this run wrote before; {@link #settle()} does that and says what it came to.
   *
   * @throws IOException when the index cannot be read or a document could not be written
   */
  Outcome add(Paper paper) throws IOException {
    try {
      return addOrMerge(paper);
    } catch (IOException | RuntimeException | AssertionError e) {
      IndexDamage.throwIfDamaged(indexDir, reader, e); // a merge reads the indexed record
      if (e instanceof IOException io) {
        throw IndexWriteException.of(indexDir, io);
      }
      throw e;
    }
  }

  private Outcome addOrMerge(Paper paper) throws IOException {
    Indexed before = indexedBefore(paper.id());
    if (before != null && before.writtenAt() > readerSees && !recent.containsKey(paper.id())) {
      pending.add(paper);
      return Outcome.PENDING;
    }
    return write(paper, before);
  }

  /** What the index holds of a paper: this run's write of it, or else the committed one; null when neither. */
  private Indexed indexedBefore(String id) throws IOException {
    Indexed written = indexed.get(id);
    if (written != null) {
      return written;
    }
    OptionalLong fingerprint = committedPapers.fingerprint(id);
    return fingerprint.isPresent() ? new Indexed(fingerprint.getAsLong(), 0) : null;
  }

  private Outcome write(Paper paper, Indexed before) throws IOException {
    Paper merged = before == null ? paper : PaperMerge.merge(stored(paper.id()), paper);
    long fingerprint = PaperDocument.fingerprint(merged);
    if (before != null && before.fingerprint() == fingerprint) {
      return Outcome.UNCHANGED;
    }
    // An id the index does not hold needs no delete, which Lucene would otherwise look up in every segment.
    lanes.write(merged.id(), before == null ? null : new Term(PaperSchema.ID, merged.id()),
        () -> PaperDocument.toDocument(merged, fingerprint));
    indexed.put(merged.id(), new Indexed(fingerprint, ++writes));
    recent.put(merged.id(), merged);
    if (before != null) {
      return Outcome.UPDATED;
    }
    papers++;
    return Outcome.ADDED;
  }

  /**
   * Merges the {@link Outcome#PENDING} records into the papers they belong to, after the writes queued so far are
   * done and one reader sees them, and returns what they came to (none of them {@code PENDING}).
   *
   * @throws IOException when the index cannot be read or written
   */
  List<Outcome> settle() throws IOException {
    List<Outcome> outcomes = new ArrayList<>(pending.size());
    while (!pending.isEmpty()) {
      try {
        lanes.flush();
      } catch (IOException e) {
        throw IndexWriteException.of(indexDir, e);
      }
      DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
      readerSees = writes;
      List<Paper> waiting = List.copyOf(pending);
      pending.clear();
      for (Paper paper : waiting) {
        Outcome outcome = add(paper);
        if (outcome != Outcome.PENDING) {
          outcomes.add(outcome);
        }
      }
    }
    return outcomes;
  }

  /** The indexed record of a paper, which {@link #reader} sees unless this run wrote it lately. */
  private Paper stored(String id) throws IOException {
    Paper cached = recent.get(id);
    if (cached != null) {
      return cached;
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
    return papers;
  }

  /** How many papers the last commit holds, as searchers see it. */
  int committedPaperCount() {
    return committedPapers.count();
  }

  /**
   * Verifies what this run wrote, then makes it durable and visible to searchers in one step, recording what the index
   * now holds.
   *
   * @param sources the files this run read; a rebuild's index holds only these, an update adds them to the earlier ones
   * @throws IndexWriteException when the index cannot be written, or what was written does not verify
   */
  void commit(List<IndexInfo.Source> sources) throws IOException {
    if (!pending.isEmpty()) {
      throw new IllegalStateException("settle() the pending records before the commit");
    }
    try {
      lanes.flush();
      verify();
      Instant now = Instant.now();
      boolean fresh = rebuild || previous == null;
      writer.setLiveCommitData(new CommitRecord(PaperSchema.VERSION, papers,
          fresh || previous.created() == null ? now : previous.created(), now, CommitRecord.currentPaperdexVersion(),
          fresh ? sources : CommitRecord.mergeSources(previous.sources(), sources)).toUserData().entrySet());
      writer.commit();
      committed = true;
    } catch (IOException e) {
      throw IndexWriteException.of(indexDir, e);
    }
  }

  /**
   * Checks the segments this run wrote against their checksums, and that the index holds one document per paper,
   * before they become the committed index.
   */
  private void verify() throws IOException {
    DirectoryReader latest = DirectoryReader.openIfChanged(reader, writer);
    if (latest != null) {
      reader.close();
      reader = latest;
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      if (!committedSegments.contains(segmentName(leaf))) {
        leaf.reader().checkIntegrity();
      }
    }
    if (reader.numDocs() != papers) {
      throw new IOException("verification failed: " + reader.numDocs() + " documents were written for "
          + papers + " papers");
    }
  }

  /** Closes the writer; without a commit, the run's changes are discarded. */
  @Override
  public void close() throws IOException {
    try (Directory closedLast = directory) {
      Files.deleteIfExists(indexDir.resolve(IndexBusyException.LOCK_HOLDER_FILE));
      try {
        lanes.close();
        committedPapers.close();
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
