package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.internal.PaperCodec;
import dev.paperdex.searcher.internal.SmallBlocksCodec;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rebuilds, the record a commit keeps, and what a busy, unwritable or outdated index tells the user. */
class IndexLifecycleTest {

  @TempDir
  Path temp;

  private Path index() {
    return temp.resolve("index");
  }

  private static Path fixture(String name) {
    try {
      return Path.of(IndexLifecycleTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private IndexReport index(boolean rebuild, Path... sources) throws IOException {
    return Indexer.builder().withIndex(index()).withRebuild(rebuild).build().index(List.of(sources));
  }

  /** Every paper id the committed index holds, in order. */
  private SortedSet<String> ids() throws IOException {
    return IndexContents.ids(index());
  }

  private IndexInfo info() throws IOException {
    try (PaperSearcher searcher = PaperSearcher.open(index())) {
      return searcher.info(5);
    }
  }

  @Test
  void aRebuildReplacesTheIndexWithJustItsSources() throws Exception {
    index(false, fixture("feed-2026.xml"), fixture("kaggle-sample.jsonl"));
    List<String> oldFiles = segmentFiles();

    IndexReport report = index(true, fixture("kaggle-sample.jsonl"));

    assertThat(report.papers()).isEqualTo(report.added());
    assertThat(ids()).hasSize((int) report.papers()).doesNotContain("2604.00001");
    assertThat(info().sources()).extracting(IndexInfo.Source::path)
        .containsExactly(fixture("kaggle-sample.jsonl").toString());
    assertThat(segmentFiles()).as("the old index's files are gone after the switch").doesNotContainAnyElementsOf(oldFiles);
  }

  private List<String> segmentFiles() throws IOException {
    try (var files = Files.list(index())) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("_")).toList();
    }
  }

  @Test
  void aSearcherKeepsTheOldIndexDuringARebuildAndSeesTheNewOneOnRefresh() throws Exception {
    index(false, fixture("kaggle-sample.jsonl"));
    try (PaperSearcher searcher = PaperSearcher.open(index())) {
      int before = searcher.paperCount();

      index(true, fixture("feed-2026.xml"));

      assertThat(searcher.paperCount()).isEqualTo(before);
      assertThat(searcher.refresh()).isTrue();
      assertThat(searcher.paperCount()).isEqualTo(2);
    }
  }

  @Test
  void theCommitRecordsSourcesTimesAndVersion() throws Exception {
    Path feed = Files.copy(fixture("feed-2026.xml"), temp.resolve("feed.xml"));
    Files.setLastModifiedTime(feed, FileTime.from(Instant.parse("2026-03-01T10:00:00Z")));
    Instant beforeFirstRun = Instant.now().minusSeconds(1);
    index(false, feed);
    IndexInfo first = info();
    index(false, fixture("flattened-glued.txt"));
    IndexInfo second = info();

    assertThat(first.created()).isAfter(beforeFirstRun);
    assertThat(first.paperdexVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(first.sources()).containsExactly(
        new IndexInfo.Source(feed.toString(), Files.size(feed), Instant.parse("2026-03-01T10:00:00Z")));
    assertThat(second.created()).as("an update keeps the build time").isEqualTo(first.created());
    assertThat(second.committed()).isAfterOrEqualTo(first.committed());
    assertThat(second.sources()).extracting(IndexInfo.Source::path)
        .containsExactlyInAnyOrder(feed.toString(), fixture("flattened-glued.txt").toString())
        .isSorted();

    Files.writeString(feed, Files.readString(feed) + "\n");
    index(false, feed);
    assertThat(info().sources()).filteredOn(source -> source.path().equals(feed.toString()))
        .extracting(IndexInfo.Source::size).containsExactly(Files.size(feed));
  }

  @Test
  void aSecondWriterIsToldWhoHoldsTheLock() throws Exception {
    index(false, fixture("feed-2026.xml"));

    try (PaperIndexWriter first = PaperIndexWriter.open(index(), false)) {
      assertThatThrownBy(() -> index(true, fixture("flattened-glued.txt")))
          .isInstanceOf(IndexBusyException.class)
          .hasMessageStartingWith("index is busy (locked by pid " + ProcessHandle.current().pid() + " since ")
          .hasMessageContaining("wait for it to finish");
    }
    assertThat(ids()).containsExactly("2604.00001", "astro-ph/0601001");
    assertThat(index().resolve(IndexBusyException.LOCK_HOLDER_FILE)).as("removed when the writer closes").doesNotExist();
  }

  /** Indexes written before paperdex's current codec: in Lucene's own, and in paperdex's first (LZ4 small blocks). */
  @ParameterizedTest
  @ValueSource(strings = {"Lucene104", SmallBlocksCodec.NAME})
  void anIndexWrittenInAnOlderCodecReadsAndTakesUpdatesInPaperdexs(String olderCodec) throws Exception {
    Path built = temp.resolve("built");
    Indexer.builder().withIndex(built).build().index(List.of(fixture("feed-2026.xml")));
    assertThat(segmentCodecs(built)).containsOnly(PaperCodec.NAME);
    // The same papers and commit record rewritten in the older codec, as paperdex wrote them before its own.
    Files.createDirectories(index());
    try (FSDirectory from = FSDirectory.open(built); DirectoryReader reader = DirectoryReader.open(from);
         FSDirectory to = FSDirectory.open(index());
         IndexWriter writer = new IndexWriter(to, new IndexWriterConfig().setCodec(Codec.forName(olderCodec)))) {
      writer.addIndexes(reader.leaves().stream().map(leaf -> (CodecReader) leaf.reader()).toArray(CodecReader[]::new));
      writer.setLiveCommitData(SegmentInfos.readLatestCommit(from).getUserData().entrySet());
      writer.commit();
    }
    assertThat(segmentCodecs(index())).containsOnly(olderCodec);

    index(false, fixture("kaggle-sample.jsonl"));

    // New segments are written in ours; the old one stays as it is, or is merged into ours if small segments were
    // many enough (see SmallSegmentMerges).
    assertThat(segmentCodecs(index())).contains(PaperCodec.NAME).isSubsetOf(olderCodec, PaperCodec.NAME);
    String added = ids().stream().filter(id -> !id.equals("2604.00001") && !id.equals("astro-ph/0601001"))
        .findFirst().orElseThrow();
    try (PaperSearcher searcher = PaperSearcher.open(index())) {
      assertThat(searcher.get("2604.00001")).as("a paper of the old segment").hasValueSatisfying(
          paper -> assertThat(paper.title()).isNotBlank());
      Paper newPaper = searcher.get(added).orElseThrow();
      assertThat(newPaper.title()).as("a paper of the new segment").isNotBlank();
      String oldTitle = searcher.get("2604.00001").orElseThrow().title();
      SearchResults found = searcher.search(SearchRequest.builder()
          .withQuery("id:2604.00001 OR id:" + added).build());
      assertThat(found.hits()).extracting(hit -> hit.paper().title())
          .containsExactlyInAnyOrder(oldTitle, newPaper.title());
    }
    try (FSDirectory directory = FSDirectory.open(index()); CheckIndex check = new CheckIndex(directory)) {
      assertThat(check.checkIndex().clean).as("CheckIndex of the mixed index").isTrue();
    }
  }

  private static List<String> segmentCodecs(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index)) {
      List<String> codecs = new ArrayList<>();
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
        codecs.add(segment.info.getCodec().getName());
      }
      return codecs;
    }
  }

  @Test
  void anIndexOfAnotherSchemaVersionMustBeRebuiltAndARebuildDoesIt() throws Exception {
    Files.createDirectories(index());
    try (FSDirectory directory = FSDirectory.open(index());
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document old = new Document();
      old.add(new StringField("id", "old-layout", Field.Store.YES));
      writer.addDocument(old);
      writer.setLiveCommitData(Map.of(PaperSchema.SCHEMA_VERSION_KEY, "1").entrySet());
      writer.commit();
    }

    assertThatThrownBy(() -> index(false, fixture("feed-2026.xml")))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageContaining("has schema version 1")
        .hasMessageEndingWith("rebuild it with `paperdex index --rebuild SOURCE…`");
    assertThatThrownBy(() -> PaperSearcher.open(index()))
        .isInstanceOf(IndexProblemException.class)
        .hasMessageEndingWith("rebuild it with `paperdex index --rebuild SOURCE…`");

    index(true, fixture("feed-2026.xml"));
    assertThat(ids()).containsExactly("2604.00001", "astro-ph/0601001");
    assertThat(info().schemaVersion()).isEqualTo(PaperSchema.VERSION);
  }

  @Test
  void aStrictRebuildWithASkipKeepsTheOldIndex() throws Exception {
    index(false, fixture("feed-2026.xml"));

    IndexReport report = Indexer.builder().withIndex(index()).withRebuild(true).withStrict(true).build()
        .index(List.of(fixture("kaggle-sample.jsonl"), fixture("unknown.csv")));

    assertThat(report.committed()).isFalse();
    assertThat(ids()).containsExactly("2604.00001", "astro-ph/0601001");
  }

  @Test
  void anIndexDirectoryThatCannotBeCreatedIsOneClearError() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    String unchanged = "; nothing of this run was committed and the index is as it was "
        + "(choose a writable directory with --index, or fix its permissions)";

    assertThatThrownBy(() -> Indexer.builder().withIndex(file).build().index(List.of(fixture("feed-2026.xml"))))
        .isInstanceOf(IndexWriteException.class)
        .hasMessage("cannot write the index at " + file + ": " + file + " is a file, not a directory" + unchanged);
    assertThatThrownBy(() -> Indexer.builder().withIndex(file.resolve("index")).build()
        .index(List.of(fixture("feed-2026.xml"))))
        .isInstanceOf(IndexWriteException.class)
        .hasMessage("cannot write the index at " + file.resolve("index") + ": not a directory" + unchanged);
  }
}
