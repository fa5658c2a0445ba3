package dev.paperdex.indexer.harvest;

import static dev.paperdex.indexer.harvest.Pages.feed;
import static dev.paperdex.indexer.harvest.Pages.feedEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdex.indexer.harvest.ReplayServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Harvests the arXiv API from a local server that pages through written entries, newest update first. */
class ApiHarvestTest {

  @TempDir
  Path temp;

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-21T09:00:00Z"));
  final Heard heard = new Heard(false);
  /** Paper numbers, newest update first; paper n was updated on day n of November. */
  final List<Integer> papers = new ArrayList<>(List.of(20, 19, 18, 17, 16));
  ReplayServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new ReplayServer(request -> {
      int start = Integer.parseInt(request.get("start"));
      int max = Integer.parseInt(request.get("max_results"));
      List<Integer> page = papers.subList(Math.min(start, papers.size()), Math.min(start + max, papers.size()));
      return Reply.ok(feed(papers.size(), start, page.stream().map(ApiHarvestTest::entry).toList()));
    });
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static String entry(int paper) {
    return feedEntry(paper, String.format("2026-11-%02dT12:00:00Z", paper));
  }

  static String id(int paper) {
    return String.format("2611.%05d", paper);
  }

  Harvester.Builder api(Path dir) {
    return Harvester.builder()
        .withDirectory(dir)
        .withEndpoint(server.endpoint())
        .withQuery("cat:cs.DC")
        .withPageSize(2)
        .withMaxRetries(2)
        .withClock(clock)
        .withListener(heard);
  }

  @Test
  void pagesWithStartAndMaxResultsNewestUpdateFirstUntilTotalResults() throws Exception {
    Path dir = temp.resolve("api");

    HarvestReport report = api(dir).build().harvest();

    assertThat(server.requests()).extracting(request -> request.get("start")).containsExactly("0", "2", "4");
    assertThat(server.requests().get(0)).isEqualTo(Map.of("search_query", "cat:cs.DC", "start", "0",
        "max_results", "2", "sortBy", "lastUpdatedDate", "sortOrder", "descending"));
    assertThat(report.records()).isEqualTo(5);
    assertThat(heard.lines).containsExactly("page 1: 2 records, 2 of 5", "page 2: 2 records, 4 of 5",
        "page 3: 1 records, 5 of 5");
    assertThat(Saved.files(dir)).containsExactly(
        "api-cat_cs.DC-20261121T090000Z-00001.xml.gz",
        "api-cat_cs.DC-20261121T090000Z-00002.xml.gz",
        "api-cat_cs.DC-20261121T090000Z-00003.xml.gz");
    assertThat(Saved.ids(dir)).containsExactly(id(16), id(17), id(18), id(19), id(20));
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    assertThat(HarvestState.load(dir).orElseThrow().watermark()).isEqualTo("2026-11-20T12:00:00Z");
  }

  @Test
  void theNextPassStopsAtThePageThatReachesTheLastPassNewestUpdate() throws Exception {
    Path dir = temp.resolve("api");
    api(dir).build().harvest();
    papers.addAll(0, List.of(23, 22, 21));

    HarvestReport second = api(dir).build().harvest();

    assertThat(server.requests().subList(3, 5)).extracting(request -> request.get("start")).containsExactly("0", "2");
    assertThat(second.records()).isEqualTo(4);
    assertThat(Saved.ids(dir)).contains(id(21), id(22), id(23)).hasSize(8);
    assertThat(HarvestState.load(dir).orElseThrow().watermark()).isEqualTo("2026-11-23T12:00:00Z");
  }

  @Test
  void anEmptyPageBelowTotalResultsIsRetried() throws Exception {
    Path dir = temp.resolve("api");
    server.inject(request -> request.get("start").equals("2"), Reply.ok(feed(5, 2, List.of())));

    api(dir).build().harvest();

    assertThat(heard.lines).contains("retry 1/3: the page starting at 2 came back empty, though the query has 5 results");
    assertThat(server.requests()).extracting(request -> request.get("start")).containsExactly("0", "2", "2", "4");
    assertThat(Saved.ids(dir)).hasSize(5);
  }

  @Test
  void aPageThatStartsElsewhereThanAskedIsRetried() throws Exception {
    Path dir = temp.resolve("api");
    server.inject(request -> request.get("start").equals("2"), Reply.ok(feed(5, 0, List.of(entry(20), entry(19)))));

    api(dir).build().harvest();

    assertThat(heard.lines).contains("retry 1/3: the page starts at 0, not at the 2 asked for");
    assertThat(Saved.ids(dir)).hasSize(5);
  }

  @Test
  void anEmptyPageThatStaysEmptyStopsTheRunAndTheNextRunResumesAtItsStart() throws Exception {
    Path dir = temp.resolve("api");
    Reply empty = Reply.ok(feed(5, 2, List.of()));
    server.inject(request -> request.get("start").equals("2"), empty, empty, empty);

    assertThatThrownBy(() -> api(dir).build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("start=2&max_results=2")
        .hasMessageContaining("after 3 attempts: the page starting at 2 came back empty");
    assertThat(HarvestState.load(dir).orElseThrow().pass().nextStart()).isEqualTo(2);

    api(dir).build().harvest();
    assertThat(server.requests().get(4)).containsEntry("start", "2");
    assertThat(Saved.ids(dir)).hasSize(5);
  }

  @Test
  void maxRecordsEndsThePassWithTheNewestRecords() throws Exception {
    Path dir = temp.resolve("api");

    HarvestReport report = api(dir).withMaxRecords(3).build().harvest();

    assertThat(server.requests()).extracting(request -> request.get("max_results")).containsExactly("2", "1");
    assertThat(report.records()).isEqualTo(3);
    assertThat(report.upToDate()).isTrue();
    assertThat(Saved.ids(dir)).containsExactly(id(18), id(19), id(20));
    assertThat(heard.lines).contains("page 2: 1 records, 3 of 3");
  }

  @Test
  void anErrorFeedStopsTheRunWithArxivsMessage() throws Exception {
    Path dir = temp.resolve("api");
    server.inject(Reply.status(400, """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/x</id>
          <opensearch:totalResults>1</opensearch:totalResults>
          <entry>
            <id>https://arxiv.org/api/errors#malformed_query</id>
            <title>Error</title>
            <summary>malformed query: cat:cs.DC AND</summary>
          </entry>
        </feed>
        """, Map.of("Content-Type", "application/atom+xml")));

    assertThatThrownBy(() -> api(dir).build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessage("HTTP 400 from " + server.endpoint() + "?search_query=cat%3Acs.DC&start=0&max_results=2"
            + "&sortBy=lastUpdatedDate&sortOrder=descending: malformed query: cat:cs.DC AND");
    assertThat(server.requests()).hasSize(1);
    assertThat(Saved.files(dir)).isEmpty();
  }

  @Test
  void aKilledPassResumesAtItsNextStartAndEndsWithTheRecordsOfACleanRun() throws Exception {
    Path clean = temp.resolve("clean");
    api(clean).build().harvest();
    TreeSet<String> expected = Saved.ids(clean);
    Path dir = temp.resolve("killed");
    Harvester killed = api(dir).withListener(new HarvestListener() {
      @Override
      public void pageSaved(SavedPage page) {
        throw new IllegalStateException("killed after page " + page.number());
      }
    }).build();
    assertThatThrownBy(killed::harvest).hasMessage("killed after page 1");
    int before = server.requests().size();

    HarvestReport resumed = api(dir).build().harvest();

    assertThat(server.requests().subList(before, server.requests().size()))
        .extracting(request -> request.get("start")).containsExactly("2", "4");
    assertThat(resumed.records()).isEqualTo(3);
    assertThat(Saved.ids(dir)).isEqualTo(expected);
  }
}
