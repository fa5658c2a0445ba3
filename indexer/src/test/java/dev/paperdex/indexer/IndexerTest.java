package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.PaperSearcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

  @TempDir
  Path temp;

  private final List<Skip> skips = new ArrayList<>();

  private static Path fixture(String name) {
    try {
      return Path.of(IndexerTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private IndexReport index(Path... sources) throws IOException {
    return index(false, sources);
  }

  private IndexReport index(boolean strict, Path... sources) throws IOException {
    return Indexer.builder()
        .withStrict(strict)
        .withIndex(temp.resolve("index"))
        .withListener(new IndexListener() {
          @Override
          public void skipped(Skip skip) {
            skips.add(skip);
          }
        })
        .build()
        .index(List.of(sources));
  }

  private Paper stored(String id) throws IOException {
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      return searcher.get(id).orElseThrow();
    }
  }

  @Test
  void twoVersionsOfOnePaperBecomeOneDocumentAtTheLatestVersion() throws Exception {
    IndexReport report = index(fixture("flattened-spaced.txt"), fixture("flattened-glued.txt"));

    assertThat(report.files()).isEqualTo(2);
    assertThat(report.records()).isEqualTo(6);
    assertThat(report.added()).isEqualTo(5);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.papers()).isEqualTo(5);
    Paper paper = stored("2605.00011");
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.abstractText()).endsWith("and now in parallel.");
    assertThat(paper.published()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2026-05-02T12:00:00Z"));
  }

  @Test
  void anOlderVersionReadLaterDoesNotReplaceANewerOne() throws Exception {
    index(fixture("flattened-glued.txt"));
    IndexReport report = index(fixture("flattened-spaced.txt"));

    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(report.added()).isEqualTo(2);
    assertThat(stored("2605.00011").version()).isEqualTo(2);
  }

  @Test
  void indexingTheSameSourcesAgainChangesNothing() throws Exception {
    index(fixture("feed-2026.xml"), fixture("flattened-spaced.txt"), fixture("flattened-glued.txt"));
    IndexReport again = index(fixture("feed-2026.xml"), fixture("flattened-spaced.txt"), fixture("flattened-glued.txt"));

    assertThat(again.added()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(again.records()).isEqualTo(8);
    assertThat(again.papers()).isEqualTo(7);
  }

  @Test
  void reportsProgressInRecordsAndBytesReadOfTheFilesAsStored() throws Exception {
    Path gz = temp.resolve("snapshot.jsonl.gz");
    Random random = new Random(7);
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gz)), UTF_8)) {
      for (int i = 1; i <= 3000; i++) {
        // Random words, so that the file stays larger than the reading buffers even when gzipped.
        String words = random.ints(40, 0, 1 << 30).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        out.write(String.format("{\"id\": \"2201.%05d\", \"title\": \"Paper %d\", \"abstract\": \"%s\"}%n", i, i,
            words));
      }
    }
    Path feed = fixture("feed-2026.xml");
    long gzSize = Files.size(gz);
    long total = gzSize + Files.size(feed);
    List<long[]> progress = new ArrayList<>();
    long[] started = new long[2];

    Indexer.builder().withIndex(temp.resolve("index")).withListener(new IndexListener() {
      @Override
      public void started(int files, long bytes) {
        started[0] = files;
        started[1] = bytes;
      }

      @Override
      public void progressed(long records, long bytes) {
        progress.add(new long[] {records, bytes});
      }
    }).build().index(List.of(gz, feed));

    assertThat(started).containsExactly(2, total);
    assertThat(progress).last().satisfies(last -> assertThat(last).containsExactly(3002, total));
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
      assertThat(progress.get(i)[1]).isGreaterThanOrEqualTo(progress.get(i - 1)[1]);
    }
    assertThat(progress).as("progress within the gzipped file, not only at its end")
        .anyMatch(step -> step[1] > 0 && step[1] < gzSize / 2);
  }

  @Test
  void readsGzippedFilesByContent() throws Exception {
    Path gz = temp.resolve("feed.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(fixture("feed-2026.xml"), out);
    }

    IndexReport report = index(gz);

    assertThat(report.added()).isEqualTo(2);
    assertThat(stored("2604.00001").title()).isEqualTo("Sparse Attention for Long Documents");
  }

  @Test
  void skipsBadFilesWithOneLineEachAndIndexesTheRest() throws Exception {
    Path directory = temp.resolve("mixed");
    Files.createDirectories(directory.resolve("nested"));
    Files.copy(fixture("unknown.csv"), directory.resolve("a-unknown.csv"));
    Files.copy(fixture("error-feed.xml"), directory.resolve("b-error.xml"));
    Files.copy(fixture("truncated-feed.xml"), directory.resolve("nested/c-truncated.xml"));
    Files.copy(fixture("empty-feed.xml"), directory.resolve("nested/d-empty.xml"));

    IndexReport report = index(directory);

    assertThat(report.files()).isEqualTo(4);
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.skipped()).containsEntry(SkipReason.UNKNOWN_FORMAT, 1L)
        .containsEntry(SkipReason.ERROR_RESPONSE, 1L)
        .containsEntry(SkipReason.MALFORMED, 1L);
    assertThat(skips).extracting(Skip::toString).containsExactly(
        directory.resolve("a-unknown.csv") + ": not a format paperdex reads: expected an arXiv API feed, an OAI-PMH response, "
            + "Kaggle snapshot JSON lines or flattened API text",
        directory.resolve("b-error.xml") + ", entry 1: error response from arXiv: incorrect id format for xyz",
        directory.resolve("nested/c-truncated.xml") + ", entry 2: malformed: the file ends inside this entry (truncated)");
    assertThat(report.summary()).contains("3 skipped (1 not a format paperdex reads, 1 malformed, 1 error response");
  }

  @Test
  void aMissingSourceFailsBeforeTouchingTheIndex() throws Exception {
    index(fixture("feed-2026.xml"));

    assertThatThrownBy(() -> index(fixture("flattened-glued.txt"), temp.resolve("no-such-dir")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no-such-dir");

    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      assertThat(searcher.paperCount()).isEqualTo(2);
    }
  }

  @Test
  void aSecondWriterIsToldTheIndexIsBusy() throws Exception {
    index(fixture("feed-2026.xml"));

    try (PaperIndexWriter first = PaperIndexWriter.open(temp.resolve("index"), false)) {
      assertThatThrownBy(() -> index(fixture("flattened-glued.txt")))
          .isInstanceOf(IndexBusyException.class)
          .hasMessageStartingWith("index is busy");
    }
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      assertThat(searcher.paperCount()).isEqualTo(2);
    }
  }

  @Test
  void aRunThatIsNotCommittedLeavesTheIndexAsItWas() throws Exception {
    index(fixture("feed-2026.xml"));

    try (PaperIndexWriter writer = PaperIndexWriter.open(temp.resolve("index"), false)) {
      writer.add(Paper.builder().withId("2699.00001").withTitle("Never committed").build());
    }

    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      assertThat(searcher.paperCount()).isEqualTo(2);
      assertThat(searcher.get("2699.00001")).isEmpty();
    }
  }

  @Test
  void aRecordFromAnotherSourceFillsInWhatTheIndexedOneLacks() throws Exception {
    Path kaggle = Files.writeString(temp.resolve("snapshot.jsonl"), "{\"id\": \"2604.00001\", \"title\": "
        + "\"Sparse Attention for Long Documents\", \"categories\": \"cs.LG cs.CL\", "
        + "\"license\": \"http://creativecommons.org/licenses/by/4.0/\", \"msc-class\": \"68T05\", "
        + "\"versions\": [{\"version\": \"v1\", \"created\": \"Wed, 1 Apr 2026 08:00:00 GMT\"}]}\n");

    index(fixture("feed-2026.xml"));
    IndexReport report = index(kaggle);

    assertThat(report.updated()).isEqualTo(1);
    Paper paper = stored("2604.00001");
    assertThat(paper.version()).isEqualTo(3);
    assertThat(paper.doi()).isEqualTo("10.1234/jss.2026.001");
    assertThat(paper.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(paper.mscClass()).isEqualTo("68T05");
    assertThat(index(fixture("feed-2026.xml"), kaggle).unchanged()).isEqualTo(3);
  }

  @Test
  void eachRecordRemembersWhereItWasRead() throws Exception {
    index(fixture("flattened-glued.txt"));

    assertThat(stored("2605.00014").source()).isEqualTo(fixture("flattened-glued.txt") + ", entry 2");
  }

  @Test
  void aFieldLongerThanAnyRealPapersIsSkippedInEveryFormat() throws Exception {
    String feed = Files.readString(fixture("feed-2026.xml"))
        .replace("Galaxies, observed.", "Galaxies ".repeat(RecordCheck.MAX_FIELD_CHARS / 9 + 1));
    Path huge = Files.writeString(temp.resolve("huge.xml"), feed);

    IndexReport report = index(huge);

    assertThat(report.added()).isEqualTo(1);
    assertThat(skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.FIELD_TOO_LONG);
      assertThat(skip.position()).isEqualTo("entry 2");
      assertThat(skip.detail()).startsWith("astro-ph/0601001: the abstract is 100,007 characters long");
    });
  }

  @Test
  void textThatWasNotValidUtf8IsSkippedRecordByRecord() throws Exception {
    byte[] feed = Files.readAllBytes(fixture("feed-2026.xml"));
    String text = new String(feed, java.nio.charset.StandardCharsets.UTF_8);
    int at = text.indexOf("Galaxies");
    byte[] broken = feed.clone();
    broken[text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length] = (byte) 0xFF;
    Path file = temp.resolve("broken.xml");
    Files.write(file, broken);

    IndexReport report = index(file);

    assertThat(report.added()).isEqualTo(1);
    assertThat(skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.toString()).endsWith("entry 2: malformed: astro-ph/0601001: the abstract holds bytes that are "
          + "not valid UTF-8");
    });
  }

  @Test
  void aStrictRunWithASkipCommitsNothing() throws Exception {
    index(fixture("feed-2026.xml"));

    IndexReport report = index(true, fixture("flattened-glued.txt"), fixture("error-feed.xml"));

    assertThat(report.committed()).isFalse();
    assertThat(report.papers()).isEqualTo(2);
    assertThat(report.summary()).contains("nothing committed (strict), 2 papers in the index");
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      assertThat(searcher.paperCount()).isEqualTo(2);
    }
    assertThat(index(true, fixture("flattened-glued.txt")).committed()).isTrue();
  }

  @Test
  void keepsAndCountsCategoryCodesOutsideArxivsTaxonomy() throws Exception {
    Path kaggle = Files.writeString(temp.resolve("snapshot.jsonl"),
        "{\"id\": \"2301.00001\", \"title\": \"One\", \"categories\": \"cs.XX math-ph math.MP\"}\n"
            + "{\"id\": \"2301.00002\", \"title\": \"Two\", \"categories\": \"cs.XX cs.LG\"}\n");

    IndexReport report = index(kaggle);

    assertThat(report.unknownCategories()).containsExactly(Map.entry("cs.XX", 2L));
    assertThat(report.summary()).endsWith("; categories not in arXiv's taxonomy, kept: cs.XX (2)");
    assertThat(stored("2301.00001").categories()).containsExactly("cs.XX", "math-ph", "math.MP");
  }
}
