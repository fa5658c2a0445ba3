package dev.paperdex.indexer.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.Indexer;
import dev.paperdex.indexer.harvest.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvests real arXiv responses from {@code ../shared/data} replayed by a local server: OAI-PMH pages, the recorded
 * {@code 503} flow control, a real {@code noRecordsMatch}, the API's paged {@code all:testing} search and its error
 * feed. Skips when {@code ../shared} is not there.
 */
class HarvestSharedDataTest {

  private static final Pattern RECORD = Pattern.compile("(?s)<record>.*?</record>\\s*");

  @TempDir
  Path temp;

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-21T09:00:00Z"));
  final Heard heard = new Heard(true);

  static Path shared(String relative) {
    Path dir = Path.of(System.getProperty("paperdex.shared", "../../shared")).resolve("data").resolve(relative);
    Assumptions.assumeTrue(Files.exists(dir), () -> "skipped: " + dir + " is not here (../shared is optional)");
    return dir;
  }

  Harvester.Builder harvester(ReplayServer server, Path dir) {
    return Harvester.builder().withDirectory(dir).withEndpoint(server.endpoint()).withClock(clock)
        .withListener(heard).withMaxRetries(2);
  }

  @Test
  void arxivsRecorded503FlowControlIsWaitedOutThenThePageIsKept() throws Exception {
    Path recording = shared("arxiv-oai/paperhive-oai-pmh/raw-nock-json/"
        + "oaipmh-listrecords---should-list-identifiers-from-arxiv.json");
    List<Reply> replies = new ArrayList<>();
    for (JsonNode exchange : new ObjectMapper().readTree(recording.toFile())) {
      Map<String, String> headers = new LinkedHashMap<>();
      JsonNode raw = exchange.get("rawHeaders");
      for (int i = 0; i + 1 < raw.size(); i += 2) {
        String name = raw.get(i).asText();
        if (name.equals("Retry-After") || name.equals("Content-Type")) {
          headers.put(name, raw.get(i + 1).asText());
        }
      }
      replies.add(Reply.status(exchange.get("status").asInt(), exchange.get("response").asText(), headers));
    }
    assertThat(replies).extracting(Reply::status).containsExactly(503, 200);
    ReplayServer server = new ReplayServer(request -> replies.get(1));
    server.inject(replies.get(0));
    Path dir = temp.resolve("harvest");

    try (server) {
      harvester(server, dir).withFrom(LocalDate.of(2015, 1, 1)).withUntil(LocalDate.of(2015, 1, 3)).build().harvest();
    }

    assertThat(heard.lines).startsWith("retry 1/3: HTTP 503 (service unavailable)", "wait 10 s before trying again");
    assertThat(Saved.files(dir)).containsExactly("oai-arXiv-20261121T090000Z-00001.xml.gz");
    assertThat(Saved.ids(dir)).hasSize(2);
    assertThat(HarvestState.load(dir).orElseThrow().watermark()).as("the day after until, not the response date")
        .isEqualTo("2015-01-04T00:00:00Z");
  }

  /** The real 46-record {@code cs} response, served as three pages of 20, 20 and 6 linked by resumption tokens. */
  static Function<Map<String, String>, Reply> realRecordsInThreePages() throws Exception {
    String whole = Files.readString(shared("arxiv-oai/invenio-oaiharvester/sample_arxiv_response_listrecords_cs.xml"));
    List<String> records = new ArrayList<>();
    Matcher record = RECORD.matcher(whole);
    while (record.find()) {
      records.add(record.group());
    }
    assertThat(records).hasSize(46);
    String head = whole.substring(0, whole.indexOf("<record>"));
    String tail = "</ListRecords>\n</OAI-PMH>\n";
    return request -> {
      int page = Integer.parseInt(request.getOrDefault("resumptionToken", "7045178|0").split("\\|")[1]) / 20;
      List<String> slice = records.subList(page * 20, Math.min(records.size(), page * 20 + 20));
      boolean last = page * 20 + 20 >= records.size();
      String token = "<resumptionToken cursor=\"" + page * 20 + "\" completeListSize=\"46\">"
          + (last ? "" : "7045178|" + (page + 1) * 20) + "</resumptionToken>\n";
      return Reply.ok(head + String.join("", slice) + token + tail);
    };
  }

  @Test
  void realRecordsOverThreePagesKilledAndResumedEndAsACleanRunAndAllIndex() throws Exception {
    try (ReplayServer server = new ReplayServer(realRecordsInThreePages())) {
      Path clean = temp.resolve("clean");
      harvester(server, clean).withSet("cs").withFrom(LocalDate.of(2015, 1, 16)).build().harvest();
      Path killed = temp.resolve("killed");
      Harvester stopsAfterPage2 = harvester(server, killed).withSet("cs").withFrom(LocalDate.of(2015, 1, 16))
          .withListener(new HarvestListener() {
            @Override
            public void pageSaved(SavedPage page) {
              if (page.number() == 2) {
                throw new IllegalStateException("killed");
              }
            }
          }).build();
      assertThatThrownBy(stopsAfterPage2::harvest).hasMessage("killed");

      HarvestReport resumed = harvester(server, killed).withSet("cs").build().harvest();

      assertThat(resumed.pages()).isEqualTo(1);
      assertThat(resumed.records()).isEqualTo(6);
      TreeSet<String> cleanIds = Saved.ids(clean);
      assertThat(cleanIds).hasSize(46);
      assertThat(Saved.ids(killed)).isEqualTo(cleanIds);
      assertThat(heard.lines).contains("page 3: 6 records, 46 of 46");
      assertThat(HarvestState.load(killed).orElseThrow().watermark()).isEqualTo("2016-01-18T15:33:12Z");

      IndexReport report = Indexer.builder().withIndex(temp.resolve("index")).build().index(List.of(killed));
      assertThat(report.added()).isEqualTo(46);
      assertThat(report.skippedTotal()).isZero();
    }
  }

  @Test
  void arxivsRealNoRecordsMatchIsNothingNew() throws Exception {
    String empty = Files.readString(shared("arxiv-oai/invenio-oaiharvester/sample_empty_response.xml"));
    Path dir = temp.resolve("harvest");
    try (ReplayServer server = new ReplayServer(request -> Reply.ok(empty))) {
      HarvestReport report = harvester(server, dir).withSet("physics:hep-lat").withFrom(LocalDate.of(2015, 1, 17))
          .build().harvest();

      assertThat(report.upToDate()).isTrue();
      assertThat(report.records()).isZero();
    }
    assertThat(Saved.files(dir)).isEmpty();
    assertThat(HarvestState.load(dir).orElseThrow().watermark()).isEqualTo("2016-06-02T19:13:02Z");
  }

  @Test
  void realApiPagesAreFetchedByStartAndAnEmptyPageAmongThemIsRetried() throws Exception {
    Path xml = shared("arxiv-api/arxiv.py-fixtures-2026/xml");
    Map<String, String> pages = new LinkedHashMap<>();
    try (var files = Files.list(xml)) {
      for (Path file : files.toList()) {
        Matcher page = Pattern.compile("q_testing_s(\\d+)_m10_").matcher(file.getFileName().toString());
        if (page.find() && !file.getFileName().toString().contains("df962dbeea2e")) {
          pages.put(page.group(1), Files.readString(file));
        }
      }
    }
    assertThat(pages.keySet()).contains("0", "10", "20", "30", "40", "50");
    Path dir = temp.resolve("api");
    try (ReplayServer server = new ReplayServer(request -> Reply.ok(pages.get(request.get("start"))))) {
      server.inject(request -> request.get("start").equals("20"), Reply.ok(Pages.feed(214881, 20, List.of())));

      HarvestReport report = harvester(server, dir).withQuery("all:testing").withPageSize(10).withMaxRecords(60)
          .build().harvest();

      assertThat(server.requests()).extracting(request -> request.get("start"))
          .containsExactly("0", "10", "20", "20", "30", "40", "50");
      assertThat(report.records()).isEqualTo(60);
    }
    assertThat(heard.lines).contains(
        "retry 1/3: the page starting at 20 came back empty, though the query has 214881 results",
        "page 6: 10 records, 60 of 60");
    assertThat(Saved.files(dir)).hasSize(6).allMatch(name -> name.startsWith("api-all_testing-20261121T090000Z-"));
    assertThat(Saved.ids(dir)).hasSizeGreaterThan(50);
  }

  @Test
  void theApisRealErrorFeedStopsTheRunWithItsMessage() throws Exception {
    String error = Files.readString(shared("arxiv-api/arxiv.py-fixtures-2026/xml/id_abc_s0_m100_b79c8dcf6bc3.xml"));
    try (ReplayServer server = new ReplayServer(request -> Reply.status(400, error, Map.of()))) {
      assertThatThrownBy(() -> harvester(server, temp.resolve("api")).withQuery("id:abc").build().harvest())
          .isInstanceOf(HarvestException.class)
          .hasMessageEndingWith(": incorrect id format for abc");
      assertThat(server.requests()).hasSize(1);
    }
    assertThat(clock.sleeps()).isEqualTo(List.of());
  }
}
