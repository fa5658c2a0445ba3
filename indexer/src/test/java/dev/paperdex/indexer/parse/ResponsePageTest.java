package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.SkipReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a harvester reads from a response page, through the parsers {@code paperdex index} uses. */
class ResponsePageTest {

  @TempDir
  Path temp;

  private ResponsePage read(String content) throws Exception {
    Path file = temp.resolve("page.xml");
    Files.writeString(file, content);
    return ResponsePage.read(new SourceFile(file));
  }

  @Test
  void readsTheRealTokenPageOfArxivsOaiPmh() throws Exception {
    Path dir = OaiSharedDataTest.oaiData();

    ResponsePage page = ResponsePage.read(new SourceFile(dir.resolve("aws-iac/test_arxiv_data.xml")));

    assertThat(page.format()).isEqualTo(Format.OAI_PMH);
    assertThat(page.complete()).isTrue();
    assertThat(page.records()).isEqualTo(5);
    assertThat(page.oai().responseDate()).isEqualTo(Instant.parse("2024-01-27T17:53:42Z"));
    assertThat(page.oai().resumptionToken()).isEqualTo("6960524|1001");
    assertThat(page.oai().completeListSize()).isEqualTo(1162);
    assertThat(page.oai().errors()).isEmpty();
  }

  @Test
  void aCutPageIsIncompleteAndItsBrokenRecordIsAMalformedSkip() throws Exception {
    ResponsePage page = read("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-21T08:45:00Z</responseDate>
        <ListRecords><record><header><identifier>oai:arXiv.org:2611.00001</identifier></header><metadata>
        <arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2611.00001</id><title>Cut""");

    assertThat(page.complete()).isFalse();
    assertThat(page.skips()).extracting(skip -> skip.reason()).containsExactly(SkipReason.MALFORMED);
  }

  @Test
  void readsOaiErrorsAndTheLastPagesEmptyToken() throws Exception {
    ResponsePage error = read("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-21T08:45:00Z</responseDate>
        <error code="badResumptionToken">expired</error></OAI-PMH>
        """);
    ResponsePage last = read("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-21T08:45:00Z</responseDate>
        <ListRecords><resumptionToken cursor="1000" completeListSize="1001"/></ListRecords></OAI-PMH>
        """);

    assertThat(error.oai().hasError("BADRESUMPTIONTOKEN")).isTrue();
    assertThat(error.oai().errors().get(0)).hasToString("badResumptionToken: expired");
    assertThat(error.oai().listRecords()).isFalse();
    assertThat(last.oai().listRecords()).isTrue();
    assertThat(last.oai().resumptionToken()).isNull();
    assertThat(last.oai().completeListSize()).isEqualTo(1001);
  }

  @Test
  void readsAFeedsCountsAndUpdateSpanAndAnErrorFeedsMessage() throws Exception {
    ResponsePage feed = read("""
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
          <opensearch:totalResults>214881</opensearch:totalResults><opensearch:startIndex>10</opensearch:startIndex>
          <entry><id>http://arxiv.org/abs/2611.00001v1</id><title>A</title><updated>2026-11-20T12:00:00Z</updated></entry>
          <entry><id>http://arxiv.org/abs/2611.00002v1</id><title>B</title><updated>2026-11-19T12:00:00Z</updated></entry>
        </feed>
        """);
    ResponsePage error = read("""
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>https://arxiv.org/api/errors#x</id><title>Error</title>
        <summary>incorrect id format for abc</summary></entry></feed>
        """);
    ResponsePage html = read("<html><body>busy</body></html>");

    assertThat(feed.complete()).isTrue();
    assertThat(feed.records()).isEqualTo(2);
    assertThat(feed.feed().totalResults()).isEqualTo(214881);
    assertThat(feed.feed().startIndex()).isEqualTo(10);
    assertThat(feed.newestUpdate()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
    assertThat(feed.oldestUpdate()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
    assertThat(error.records()).isZero();
    assertThat(error.feed().error()).isEqualTo("incorrect id format for abc");
    assertThat(html.format()).isNull();
  }
}
