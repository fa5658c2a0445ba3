package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Paper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KaggleJsonParserTest {

  @TempDir
  Path temp;

  @Test
  void readsEveryFieldOfAModernRecord() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");

    Paper paper = sink.byId().get("2101.01234");
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.title()).isEqualTo("Sparse Mixtures of Experts for Tabular Data");
    assertThat(paper.abstractText())
        .isEqualTo("We route each row of a table to a few experts. "
            + "The router is trained jointly and scales to wide tables.");
    assertThat(paper.authors()).containsExactly("Maja Lindqvist", "Chinedu E. Okafor", "Samuel Brown Jr.");
    assertThat(paper.categories()).containsExactly("cs.LG", "stat.ML", "cs.AI");
    assertThat(paper.primaryCategory()).isEqualTo("cs.LG");
    assertThat(paper.published()).isEqualTo(Instant.parse("2021-01-05T10:11:12Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2021-03-17T08:00:01Z"));
    assertThat(paper.comments()).isEqualTo("14 pages, 6 figures; v2: typos fixed");
    assertThat(paper.journalRef()).isEqualTo("J. Tab. Learn. 3 (2021) 45-58");
    assertThat(paper.doi()).isEqualTo("10.5555/jtl.2021.0045");
    assertThat(paper.reportNumber()).isEqualTo("TAB-21-007");
    assertThat(paper.mscClass()).isEqualTo("68T05, 62H30");
    assertThat(paper.acmClass()).isEqualTo("I.2.6; H.2.8");
    assertThat(paper.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(paper.withdrawn()).isFalse();
    assertThat(sink.positions.get(0)).isEqualTo("line 1");
  }

  @Test
  void readsAnOldStyleRecordWithoutVersionsOrParsedAuthors() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");

    Paper paper = sink.byId().get("astro-ph/9912345");
    assertThat(paper.version()).isEqualTo(1);
    assertThat(paper.title()).isEqualTo("Blue compact galaxies in the local volume");
    assertThat(paper.categories()).containsExactly("astro-ph");
    // TeX accents (G\"oran \"Ostlin, P\'erez) are TeX's business: only the split and the order are checked here.
    assertThat(paper.authors()).hasSize(3);
    assertThat(paper.authors().get(0)).startsWith("G").endsWith("stlin");
    assertThat(paper.authors().get(1)).isEqualTo("Jens Hjorth");
    assertThat(paper.authors().get(2)).startsWith("M. P").endsWith("rez");
    // no versions: update_date is the only date, and it says nothing about when v1 was submitted
    assertThat(paper.published()).isNull();
    assertThat(paper.updated()).isEqualTo(Instant.parse("2008-11-13T00:00:00Z"));
    assertThat(paper.doi()).isNull();
    assertThat(paper.journalRef()).isNull();
    assertThat(paper.mscClass()).isNull();
    assertThat(paper.license()).isNull();
    assertThat(sink.positions.get(1)).isEqualTo("line 2");
  }

  @Test
  void aNullAbstractOrNullAuthorsAreFine() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");

    Paper noAbstract = sink.byId().get("quant-ph/0601001");
    assertThat(noAbstract.abstractText()).isNull();
    assertThat(noAbstract.authors()).containsExactly("Ada Quill");
    assertThat(noAbstract.published()).isEqualTo(Instant.parse("2006-01-16T14:00:00Z"));
    assertThat(noAbstract.updated()).isEqualTo(noAbstract.published());

    Paper noAuthors = sink.byId().get("2510.04321");
    assertThat(noAuthors.authors()).isEmpty();
    assertThat(noAuthors.abstractText()).isEqualTo("Still read.");
    assertThat(noAuthors.published()).isNull();
    assertThat(noAuthors.updated()).isNull();
  }

  @Test
  void marksAWithdrawnPaperAndDropsTheSubjectClassOfAnOldId() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");

    Paper paper = sink.byId().get("math/0602001");
    assertThat(paper.withdrawn()).isTrue();
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.published()).isEqualTo(Instant.parse("2006-02-03T09:30:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2010-10-02T12:00:00Z"));
    assertThat(paper.categories()).containsExactly("math.AG", "math.NT");
    assertThat(sink.papers).filteredOn(Paper::withdrawn).extracting(Paper::id).containsExactly("math/0602001");
  }

  @Test
  void skipsEachBadLineOnceAndReadsOn() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");

    assertThat(sink.papers).extracting(Paper::id)
        .containsExactly("2101.01234", "astro-ph/9912345", "quant-ph/0601001", "math/0602001", "2510.04321");
    assertThat(sink.skips).extracting(Skip::position, Skip::reason).containsExactly(
        tuple("line 5", SkipReason.MALFORMED),
        tuple("line 6", SkipReason.NO_ID),
        tuple("line 8", SkipReason.MALFORMED),
        tuple("line 9", SkipReason.MISSING_FIELD),
        tuple("line 10", SkipReason.NO_ID));
    assertThat(sink.skips).allSatisfy(skip -> {
      assertThat(skip.file()).endsWith("kaggle-sample.jsonl");
      assertThat(skip.detail()).doesNotContain("\n").hasSizeLessThan(250);
    });
    assertThat(sink.skips.get(2).detail()).contains("not an object");
    assertThat(sink.skips.get(3).detail()).contains("2102.00042").contains("title");
    assertThat(sink.skips.get(4).detail()).contains("not an arxiv id");
  }

  @Test
  void skipsALineThatIsNotUtf8AndKeepsItsNeighbours() throws Exception {
    CollectingSink sink = CollectingSink.parse(new KaggleJsonParser(), "kaggle-invalid-utf8.jsonl");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2201.00001", "2201.00003");
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isEqualTo("line 2");
      assertThat(skip.detail()).contains("invalid UTF-8");
    });
  }

  @Test
  void readsAGzippedCopyTheSame() throws Exception {
    Path gzipped = temp.resolve("snapshot.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write(Files.readAllBytes(CollectingSink.fixture("kaggle-sample.jsonl")));
    }
    CollectingSink plain = CollectingSink.parse(new KaggleJsonParser(), "kaggle-sample.jsonl");
    CollectingSink sink = new CollectingSink();

    new KaggleJsonParser().parse(new SourceFile(gzipped), sink);

    assertThat(sink.papers).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source")
        .containsExactlyElementsOf(plain.papers);
    assertThat(sink.positions.get(0)).isEqualTo("line 1");
    assertThat(sink.skips).extracting(Skip::position, Skip::reason, Skip::detail)
        .containsExactlyElementsOf(
            plain.skips.stream().map(skip -> tuple(skip.position(), skip.reason(), skip.detail())).toList());
  }

  @Test
  void dropsALineTooLongToBeARecordWithoutReadingItWhole() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": \""
        + "x".repeat(KaggleJsonParser.MAX_LINE_BYTES) + "\"}\n{\"id\": \"2301.00002\", \"title\": \"Next\"}\n");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2301.00002");
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.FIELD_TOO_LONG);
      assertThat(skip.position()).isEqualTo("line 1");
    });
  }

  @Test
  void toleratesWindowsLineEndsAByteOrderMarkAndNoFinalLineBreak() throws Exception {
    CollectingSink sink = parseText("\uFEFF{\"id\": \"2301.00001\", \"title\": \"First\"}\r\n\r\n"
        + "{\"id\": \"2301.00002v3\", \"title\": \"Second\", \"versions\": [{\"version\": \"v1\"}]}");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).extracting(Paper::id, Paper::title, Paper::version)
        .containsExactly(tuple("2301.00001", "First", 1), tuple("2301.00002", "Second", 3));
    assertThat(sink.positions.get(1)).isEqualTo("line 3");
  }

  @Test
  void aLineWithTwoValuesIsMalformed() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": \"A\"} {\"id\": \"2301.00002\"}\n");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isEqualTo("line 1");
      assertThat(skip.detail()).contains("unexpected text after the JSON value");
    });
  }

  @Test
  void readsCreatedTimesWhoseWeekdayIsWrong() {
    assertThat(KaggleJsonParser.created("Mon, 2 Apr 2007 19:18:42 GMT")).isEqualTo("2007-04-02T19:18:42Z");
    assertThat(KaggleJsonParser.created("Fri, 2 Apr 2007 19:18:42 GMT")).isEqualTo("2007-04-02T19:18:42Z");
    assertThat(KaggleJsonParser.created("Tue, 24 Jul 2007 20:10:27 GMT")).isEqualTo("2007-07-24T20:10:27Z");
    assertThat(KaggleJsonParser.created("Thu, 29 Feb 2024 23:59:59 GMT")).isEqualTo("2024-02-29T23:59:59Z");
    assertThat(KaggleJsonParser.created("2007-04-02T19:18:42Z")).isEqualTo("2007-04-02T19:18:42Z");
    assertThat(KaggleJsonParser.created("yesterday")).isNull();
  }

  private CollectingSink parseText(String text) throws Exception {
    Path file = Files.createTempFile(temp, "kaggle", ".jsonl");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    CollectingSink sink = new CollectingSink();
    new KaggleJsonParser().parse(new SourceFile(file), sink);
    return sink;
  }
}
