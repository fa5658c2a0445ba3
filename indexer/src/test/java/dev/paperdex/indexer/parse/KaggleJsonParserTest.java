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
import java.util.List;
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
  void readsAFieldOfAnotherTypeAsItsTextOrAsMissing() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": 42, \"doi\": true, \"abstract\": [\"x\"],"
        + " \"comments\": {\"a\": 1}, \"report-no\": 1.50, \"license\": null, \"categories\": \"cs.LG\","
        + " \"submitter\": [1, {\"b\": null}], \"title\": 7}\n");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).singleElement().satisfies(paper -> {
      assertThat(paper.title()).isEqualTo("7"); // a key given twice keeps its last value
      assertThat(paper.doi()).isEqualTo("true");
      assertThat(paper.reportNumber()).isEqualTo("1.5");
      assertThat(paper.abstractText()).isNull();
      assertThat(paper.comments()).isNull();
      assertThat(paper.license()).isNull();
    });
  }

  @Test
  void readsTheParsedAuthorsThatArePeopleAndFallsBackToTheAuthorsText() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": \"T\", \"authors\": \"Ann Smith\","
        + " \"authors_parsed\": [\"Jones, Bob\", [], {\"a\": 1}, [\"M{\\\\\\\"u}ller\", \"Jan\", null, \"x\", [1]],"
        + " [\"Okafor\", [\"C.\"], \"Jr.\"], [null, \"Mei\"], [2, true]]}\n"
        + "{\"id\": \"2301.00002\", \"title\": \"T\", \"authors\": \"Ann Smith and Bob Jones\","
        + " \"authors_parsed\": [[], [\"\", \" \"]]}\n"
        + "{\"id\": \"2301.00003\", \"title\": \"T\", \"authors\": \"Ann Smith\", \"authors_parsed\": \"Smith, A.\"}\n"
        + "{\"id\": \"2301.00004\", \"title\": \"T\", \"authors\": \"Ann Smith\","
        + " \"authors_parsed\": [[\"Lee\", \"Kim\", \"\"]], \"authors_parsed\": null}\n"
        + "{\"id\": \"2301.00005\", \"title\": \"T\", \"authors_parsed\": [[\"Lee\", \"Kim\"], [\"Ng\" \"A\"]]}\n");

    assertThat(sink.papers).extracting(Paper::id, Paper::authors).containsExactly(
        tuple("2301.00001", List.of("Jan Müller", "Okafor Jr.", "Mei", "true 2")),
        tuple("2301.00002", List.of("Ann Smith", "Bob Jones")), // no name in the parsed ones
        tuple("2301.00003", List.of("Ann Smith")), // not a list of people
        tuple("2301.00004", List.of("Ann Smith"))); // a key given twice keeps its last value
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isEqualTo("line 5");
    });
  }

  @Test
  void readsTheVersionsThatAreObjectsWithAVersionNumber() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": \"T\", \"versions\": [\"v5\", null, [1],"
        + " {\"version\": null}, {\"version\": \"v1\", \"created\": \"Mon, 2 Apr 2007 19:18:42 GMT\"},"
        + " {\"version\": 3, \"created\": \"Tue, 3 Apr 2007 10:00:00 GMT\", \"size\": \"0kb\", \"extra\": {}}]}\n"
        + "{\"id\": \"2301.00002\", \"title\": \"T\", \"versions\": {\"version\": \"v4\"}}\n");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).extracting(Paper::id, Paper::version, Paper::withdrawn, Paper::published)
        .containsExactly(tuple("2301.00001", 3, true, Instant.parse("2007-04-02T19:18:42Z")),
            tuple("2301.00002", 1, false, null));
  }

  @Test
  void aTruncatedOrBrokenLineIsMalformedAtItsColumn() throws Exception {
    CollectingSink sink = parseText("{\"id\": \"2301.00001\", \"title\": \"Cut her\n"
        + "{\"id\": \"2301.00002\", \"title\": \"T\", \"versions\": [{\"version\": \"v1\"}\n"
        + "{\"id\": \"2301.00003\" \"title\": \"T\"}\n"
        + "{\"id\": \"2301.00004\", \"title\": \"Read\"}\n");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2301.00004");
    assertThat(sink.skips).extracting(Skip::position, Skip::reason).containsExactly(
        tuple("line 1", SkipReason.MALFORMED), tuple("line 2", SkipReason.MALFORMED),
        tuple("line 3", SkipReason.MALFORMED));
    assertThat(sink.skips.get(0).detail())
        .isEqualTo("Unexpected end-of-input: was expecting closing quote for a string value (column 39)");
    assertThat(sink.skips.get(1).detail())
        .startsWith("Unexpected end-of-input: expected close marker for Array").endsWith("… (column 66)");
    assertThat(sink.skips.get(2).detail())
        .isEqualTo("Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries (column 21)");
  }

  @Test
  void aLineThatIsNotAnObjectSaysWhatItIs() throws Exception {
    CollectingSink sink = parseText("[1, 2]\n\"2301.00001\"\n42\nnull\ntrue\n[1, \n");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).extracting(Skip::detail).containsExactly(
        "the line is a JSON array, not an object", "the line is a JSON string, not an object",
        "the line is a JSON number, not an object", "the line is a JSON null, not an object",
        "the line is a JSON boolean, not an object", "Unexpected end-of-input within/between Array entries (column 5)");
  }

  @Test
  void anIdOrTitleOfTheWrongTypeIsMissing() throws Exception {
    CollectingSink sink = parseText("{\"id\": [\"2301.00001\"], \"title\": \"T\"}\n"
        + "{\"id\": 704.0001, \"title\": \"T\"}\n"
        + "{\"id\": \"2301.00003\", \"title\": {\"text\": \"T\"}}\n");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).extracting(Skip::reason, Skip::detail).containsExactly(
        tuple(SkipReason.NO_ID, "the record has no \"id\""),
        tuple(SkipReason.NO_ID, "no arXiv id in \"id\": \"704.0001\""),
        tuple(SkipReason.MISSING_FIELD, "2301.00003 has no title"));
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
