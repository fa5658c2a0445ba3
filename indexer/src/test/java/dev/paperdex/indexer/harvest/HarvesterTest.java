package dev.paperdex.indexer.harvest;

import static dev.paperdex.indexer.harvest.Pages.oaiError;
import static dev.paperdex.indexer.harvest.Pages.oaiPage;
import static dev.paperdex.indexer.harvest.Pages.oaiRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.Indexer;
import dev.paperdex.indexer.harvest.ReplayServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvests over OAI-PMH from a local server that answers with pages written for the tests and injects the faults
 * arXiv's servers show: what is retried, what is saved, what the listener hears, and that a stopped and resumed run
 * ends with exactly the records of a clean run.
 */
class HarvesterTest {

  static final LocalDate FROM = LocalDate.of(2026, 11, 20);

  @TempDir
  Path temp;

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-21T09:00:00Z"));
  final Heard heard = new Heard(true);
  final List<ReplayServer> servers = new ArrayList<>();

  ReplayServer server(Function<Map<String, String>, Reply> replay) throws IOException {
    ReplayServer server = new ReplayServer(replay);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stopServers() {
    servers.forEach(ReplayServer::close);
  }

  Harvester.Builder oai(ReplayServer server, Path dir) {
    return Harvester.builder()
        .withDirectory(dir)
        .withEndpoint(server.endpoint())
        .withSet("cs")
        .withFrom(FROM)
        .withMaxRetries(3)
        .withTimeout(Duration.ofSeconds(5))
        .withClock(clock)
        .withListener(heard);
  }

  static TreeSet<String> ids(int from, int to) {
    TreeSet<String> ids = new TreeSet<>();
    oaiRecords(from, to).forEach(record -> ids.add(record.replaceAll("(?s).*<id>([^<]+)</id>.*", "$1")));
    return ids;
  }

  @Test
  void followsResumptionTokensToTheEndAndSavesEveryPageForTheIndexer() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = temp.resolve("harvest");

    HarvestReport report = oai(server, dir).build().harvest();

    assertThat(report.pages()).isEqualTo(3);
    assertThat(report.records()).isEqualTo(5);
    assertThat(report.upToDate()).isTrue();
    assertThat(server.requests()).containsExactly(
        Map.of("verb", "ListRecords", "metadataPrefix", "arXiv", "set", "cs", "from", "2026-11-20"),
        Map.of("verb", "ListRecords", "resumptionToken", "6960524|1001"),
        Map.of("verb", "ListRecords", "resumptionToken", "6960524|2001"));
    assertThat(Saved.files(dir)).containsExactly(
        "oai-arXiv-cs-20261121T090000Z-00001.xml.gz",
        "oai-arXiv-cs-20261121T090000Z-00002.xml.gz",
        "oai-arXiv-cs-20261121T090000Z-00003.xml.gz");
    assertThat(report.files()).extracting(path -> path.getFileName().toString()).isEqualTo(Saved.files(dir));
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
    assertThat(clock.sleeps()).as("one request at a time, 3 s apart").containsExactly(
        Duration.ofSeconds(3), Duration.ofSeconds(3));
    assertThat(heard.lines).containsExactly(
        "page 1: 2 records, 2 of 5", "wait 3 s before the next request",
        "page 2: 2 records, 4 of 5", "wait 3 s before the next request",
        "page 3: 1 records, 5 of 5");

    HarvestState state = HarvestState.load(dir).orElseThrow();
    assertThat(state.pass()).isNull();
    assertThat(state.watermark()).isEqualTo(Pages.FIRST_RESPONSE_DATE);
    assertThat(state.unindexed()).isEqualTo(Saved.files(dir));
    assertThat(Saved.partFiles(dir)).isEmpty();

    IndexReport indexed = Indexer.builder().withIndex(temp.resolve("index")).build().index(List.of(dir));
    assertThat(indexed.files()).isEqualTo(3);
    assertThat(indexed.added()).isEqualTo(5);
    assertThat(indexed.skippedTotal()).isZero();
  }

  @Test
  void theNextRunAsksFromTheDayOfTheLastListAndNoRecordsMatchIsNothingNew() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = temp.resolve("harvest");
    oai(server, dir).build().harvest();
    int sleepsBefore = clock.sleeps().size();

    HarvestReport second = oai(server, dir).withFrom(null).build().harvest();

    assertThat(clock.sleeps().subList(sleepsBefore, clock.sleeps().size()))
        .as("a run started right after another still waits 3 s after the last answer")
        .containsExactly(Duration.ofSeconds(3));
    assertThat(server.requests().get(3)).containsEntry("from", "2026-11-21").doesNotContainKey("resumptionToken");
    assertThat(second.pages()).isEqualTo(1);
    assertThat(second.records()).isZero();
    assertThat(second.files()).isEmpty();
    assertThat(second.upToDate()).isTrue();
    assertThat(Saved.files(dir)).hasSize(3);
    assertThat(HarvestState.load(dir).orElseThrow().watermark()).isEqualTo("2026-11-22T08:45:00Z");
  }

  @Test
  void aFirstRunWithoutAFromDayIsRefusedWithAHint() throws Exception {
    ReplayServer server = server(Pages::threePages);

    assertThatThrownBy(() -> oai(server, temp.resolve("h")).withFrom(null).build().harvest())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--from YYYY-MM-DD");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a503WithRetryAfterIsWaitedOutAndTheUserHearsWhy() throws Exception {
    ReplayServer server = server(Pages::threePages)
        .inject(request -> "6960524|1001".equals(request.get("resumptionToken")),
            Reply.status(503, "<html><body><h1>Retry after 10 seconds</h1></body></html>", Map.of("Retry-After", "10")),
            Reply.status(429, "slow down", Map.of("Retry-After", "7")));
    Path dir = temp.resolve("harvest");

    HarvestReport report = oai(server, dir).build().harvest();

    assertThat(report.records()).isEqualTo(5);
    assertThat(server.requests()).hasSize(5);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(7),
        Duration.ofSeconds(3));
    assertThat(heard.lines).contains("retry 1/4: HTTP 503 (service unavailable)", "wait 10 s before trying again",
        "retry 2/4: HTTP 429 (too many requests)", "wait 7 s before trying again");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void serverErrorsBackOffExponentially() throws Exception {
    ReplayServer server = server(Pages::threePages)
        .inject(request -> request.containsKey("from"), Reply.status(500, "oops", Map.of()),
            Reply.status(502, "bad gateway", Map.of()), Reply.status(500, "oops", Map.of()));
    Path dir = temp.resolve("harvest");

    oai(server, dir).build().harvest();

    assertThat(clock.sleeps().subList(0, 3)).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(heard.lines).contains("retry 1/4: HTTP 500", "retry 2/4: HTTP 502", "retry 3/4: HTTP 500");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void afterTheRetryLimitTheRunStopsWithTheUrlAndReasonAndTheNextRunResumesToTheSameRecords() throws Exception {
    ReplayServer server = server(Pages::threePages)
        .inject(request -> "6960524|1001".equals(request.get("resumptionToken")),
            Reply.status(500, "oops", Map.of()), Reply.status(500, "oops", Map.of()),
            Reply.status(500, "oops", Map.of()), Reply.status(500, "oops", Map.of()));
    Path dir = temp.resolve("harvest");

    assertThatThrownBy(() -> oai(server, dir).build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessage("gave up on " + server.endpoint() + "?verb=ListRecords&resumptionToken=6960524%7C1001 after 4 "
            + "attempts: HTTP 500; what was saved is kept, and the next run resumes here")
        .satisfies(e -> assertThat(((HarvestException) e).report().pages()).isEqualTo(1));
    assertThat(Saved.files(dir)).containsExactly("oai-arXiv-cs-20261121T090000Z-00001.xml.gz");
    assertThat(Saved.partFiles(dir)).isEmpty();
    HarvestState stopped = HarvestState.load(dir).orElseThrow();
    assertThat(stopped.pass().token()).isEqualTo("6960524|1001");
    assertThat(stopped.pass().pages()).isEqualTo(1);
    assertThat(stopped.watermark()).isNull();

    HarvestReport resumed = oai(server, dir).build().harvest();

    assertThat(server.requests().get(5)).containsEntry("resumptionToken", "6960524|1001");
    assertThat(resumed.pages()).isEqualTo(2);
    assertThat(heard.lines).contains("note resuming after page 1 (2 records) of the list started 20261121T090000Z");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
    assertThat(Saved.files(dir)).hasSize(3);
  }

  @Test
  void aDroppedConnectionAndAResetInTheBodyAreRetried() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Reply page2 = Pages.threePages(Map.of("resumptionToken", "6960524|1001"));
    // The JDK's client may try a GET once more by itself when the connection closes before any response
    server.inject(request -> "6960524|1001".equals(request.get("resumptionToken")),
        Reply.drop(), Reply.drop(), page2.droppedMidBody());
    Path dir = temp.resolve("harvest");

    oai(server, dir).build().harvest();

    assertThat(heard.lines).filteredOn(line -> line.startsWith("retry"))
        .hasSizeBetween(2, 3)
        .allSatisfy(line -> assertThat(line).contains("the connection failed"));
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void aTruncatedBodyIsRetriedAndNeverSavedAsGood() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Reply page2 = Pages.threePages(Map.of("resumptionToken", "6960524|1001"));
    server.inject(request -> "6960524|1001".equals(request.get("resumptionToken")),
        page2.cut(0.6), page2.gzipped().cut(0.5), page2.cut(0.97), page2.cut(0.3));
    Path dir = temp.resolve("harvest");

    assertThatThrownBy(() -> oai(server, dir).build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("after 4 attempts: the response is truncated");
    assertThat(heard.lines).filteredOn(line -> line.startsWith("retry")).containsExactly(
        "retry 1/4: the response is truncated",
        "retry 2/4: the response is truncated or damaged (Unexpected end of ZLIB input stream)",
        "retry 3/4: the response is truncated");
    assertThat(Saved.files(dir)).containsExactly("oai-arXiv-cs-20261121T090000Z-00001.xml.gz");
    assertThat(Saved.partFiles(dir)).isEmpty();

    oai(server, dir).build().harvest();
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void aResponseSlowerThanTheTimeoutIsRetried() throws Exception {
    ReplayServer server = server(Pages::threePages);
    server.inject(request -> "6960524|2001".equals(request.get("resumptionToken")),
        Pages.threePages(Map.of("resumptionToken", "6960524|2001")).after(Duration.ofSeconds(2)));
    Path dir = temp.resolve("harvest");

    oai(server, dir).withTimeout(Duration.ofMillis(300)).build().harvest();

    assertThat(heard.lines).contains("retry 1/4: no complete response within 0.3 s");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void anHtmlPageInsteadOfXmlIsRetried() throws Exception {
    ReplayServer server = server(Pages::threePages)
        .inject(Reply.status(200, "<html><body>Service temporarily busy</body></html>", Map.of()));
    Path dir = temp.resolve("harvest");

    oai(server, dir).build().harvest();

    assertThat(heard.lines).contains("retry 1/4: the response is not an OAI-PMH response");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void anExpiredResumptionTokenRestartsTheListFromItsFromDayOnce() throws Exception {
    ReplayServer server = server(Pages::threePages)
        .inject(request -> "6960524|2001".equals(request.get("resumptionToken")),
            Reply.ok(oaiError("2026-11-21T10:00:00Z", "badResumptionToken", "The token has expired.")));
    Path dir = temp.resolve("harvest");

    HarvestReport report = oai(server, dir).build().harvest();

    assertThat(server.requests()).extracting(request -> request.getOrDefault("resumptionToken", request.get("from")))
        .containsExactly("2026-11-20", "6960524|1001", "6960524|2001", "2026-11-20", "6960524|1001", "6960524|2001");
    assertThat(heard.lines).contains("note the resumption token was refused (badResumptionToken: The token has expired.); "
        + "asking for the list again from 2026-11-20");
    assertThat(report.upToDate()).isTrue();
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
    assertThat(Saved.files(dir)).as("the restarted list has names that sort after the first one's").containsExactly(
        "oai-arXiv-cs-20261121T090000Z-00001.xml.gz",
        "oai-arXiv-cs-20261121T090000Z-00002.xml.gz",
        "oai-arXiv-cs-20261121T090006Z-00001.xml.gz",
        "oai-arXiv-cs-20261121T090006Z-00002.xml.gz",
        "oai-arXiv-cs-20261121T090006Z-00003.xml.gz");
  }

  @Test
  void aTokenThatKeepsExpiringStopsTheRunInsteadOfLooping() throws Exception {
    ReplayServer server = server(request -> request.containsKey("resumptionToken")
        ? Reply.ok(oaiError("2026-11-21T10:00:00Z", "badResumptionToken", "expired"))
        : Pages.threePages(request));

    assertThatThrownBy(() -> oai(server, temp.resolve("h")).withMaxRetries(1).build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessageStartingWith("the server forgot the list 2 times");
  }

  @Test
  void anOaiErrorStopsTheRunAtOnceWithItsMessage() throws Exception {
    ReplayServer server = server(request -> Reply.ok(oaiError("2026-11-21T10:00:00Z", "cannotDisseminateFormat",
        "'arXivRaw' is not supported by the item or by the repository.")));

    assertThatThrownBy(() -> oai(server, temp.resolve("h")).withMetadataFormat("arXivRaw").build().harvest())
        .isInstanceOf(HarvestException.class)
        .hasMessage(server.endpoint() + "?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-11-20: arXiv's "
            + "OAI-PMH answered with an error: cannotDisseminateFormat: 'arXivRaw' is not supported by the item or by "
            + "the repository.");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aKilledRunResumesAtTheFirstUnsavedPageAndEndsWithTheRecordsOfACleanRun() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path clean = temp.resolve("clean");
    oai(server, clean).build().harvest();

    for (int killAfter = 1; killAfter <= 2; killAfter++) {
      Path dir = temp.resolve("killed-" + killAfter);
      int pagesBeforeKill = killAfter;
      Harvester killed = oai(server, dir).withListener(new HarvestListener() {
        @Override
        public void pageSaved(SavedPage page) {
          if (page.number() == pagesBeforeKill) {
            throw new IllegalStateException("killed");
          }
        }
      }).build();
      assertThatThrownBy(killed::harvest).hasMessage("killed");
      assertThat(Saved.files(dir)).hasSize(killAfter);

      int before = server.requests().size();
      HarvestReport resumed = oai(server, dir).build().harvest();

      assertThat(resumed.pages()).isEqualTo(3 - killAfter);
      assertThat(server.requests().get(before)).containsKey("resumptionToken");
      assertThat(Saved.ids(dir)).isEqualTo(Saved.ids(clean));
      assertThat(Saved.files(dir)).hasSameSizeAs(Saved.files(clean));
    }
  }

  @Test
  void anExplicitFromOtherThanTheStoppedListsStartsANewListInsteadOfResuming() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = temp.resolve("harvest");
    Harvester stopped = oai(server, dir).withListener(new HarvestListener() {
      @Override
      public void pageSaved(SavedPage page) {
        throw new IllegalStateException("killed");
      }
    }).build();
    assertThatThrownBy(stopped::harvest).hasMessage("killed");

    oai(server, dir).withFrom(FROM.minusDays(1)).build().harvest();

    assertThat(server.requests().get(1)).containsEntry("from", "2026-11-19").doesNotContainKey("resumptionToken");
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void aListStartedInTheSameSecondAsTheLastNeverOverwritesItsPages() throws Exception {
    ReplayServer server = server(request -> request.containsKey("resumptionToken") ? Pages.threePages(request)
        : Reply.ok(oaiPage("2026-11-21T08:45:00Z", oaiRecords(0, 2), null, 0, 2)));
    Path dir = temp.resolve("harvest");
    HarvestClock frozen = new HarvestClock() {
      @Override
      public Instant now() {
        return Instant.parse("2026-11-21T09:00:00Z");
      }

      @Override
      public void sleep(Duration duration) {}
    };

    oai(server, dir).withClock(frozen).build().harvest();
    oai(server, dir).withClock(frozen).withFrom(FROM.plusDays(1)).build().harvest();

    assertThat(Saved.files(dir)).containsExactly(
        "oai-arXiv-cs-20261121T090000Z-00001.xml.gz",
        "oai-arXiv-cs-20261121T090001Z-00001.xml.gz");
  }

  @Test
  void aPartFileLeftByAKillIsRemovedAndNeverIndexed() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = Files.createDirectories(temp.resolve("harvest"));
    Files.writeString(dir.resolve(".oai-arXiv-cs-20261121T090000Z-00001.xml.gz.part"), "<OAI-PMH><ListRec");

    oai(server, dir).build().harvest();

    assertThat(Saved.partFiles(dir)).isEmpty();
    assertThat(Saved.ids(dir)).isEqualTo(ids(0, 5));
  }

  @Test
  void aDirectoryHoldsOneHarvestAndOneRunAtATime() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = temp.resolve("harvest");
    oai(server, dir).build().harvest();

    assertThatThrownBy(() -> oai(server, dir).withSet("math").build().harvest())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir + " holds the harvest of OAI-PMH ListRecords, metadata arXiv, set cs, not of OAI-PMH "
            + "ListRecords, metadata arXiv, set math: harvest that into another directory");

    Harvester busy = oai(server, dir).withFrom(null).withListener(new HarvestListener() {
      @Override
      public void requesting(URI uri, int attempt) {
        assertThatThrownBy(() -> oai(server, dir).withFrom(null).build().harvest())
            .isInstanceOf(HarvestException.class)
            .hasMessage(dir + " is busy: another paperdex harvest or update is using it");
        throw new IllegalStateException("checked");
      }
    }).build();
    assertThatThrownBy(busy::harvest).hasMessage("checked");
  }

  @Test
  void unindexedFilesAreThoseNotYetMarkedIndexed() throws Exception {
    ReplayServer server = server(Pages::threePages);
    Path dir = temp.resolve("harvest");
    HarvestReport report = oai(server, dir).build().harvest();

    assertThat(Harvester.unindexedFiles(dir)).isEqualTo(report.files());
    Harvester.markIndexed(dir, report.files().subList(0, 2));
    assertThat(Harvester.unindexedFiles(dir)).containsExactly(report.files().get(2));
    assertThat(Harvester.unindexedFiles(temp.resolve("nothing-here"))).isEmpty();
  }

  @Test
  void settingsThatBreakArxivsRulesOrContradictEachOtherAreRefused() {
    Path dir = temp.resolve("h");
    assertThatThrownBy(() -> Harvester.builder().withDirectory(dir).withDelay(Duration.ofSeconds(1)).build())
        .hasMessageContaining("at least 3 s");
    assertThatThrownBy(() -> Harvester.builder().withDirectory(dir).withQuery("cat:cs.DC").withSet("cs").build())
        .hasMessageContaining("OAI-PMH settings");
    assertThatThrownBy(() -> Harvester.builder().withDirectory(dir).withMaxRecords(10).build())
        .hasMessageContaining("API settings");
    assertThatThrownBy(() -> Harvester.builder().withDirectory(dir).withMetadataFormat("marc").build())
        .hasMessageContaining("use arXiv, arXivRaw or oai_dc");
    assertThatThrownBy(() -> Harvester.builder().withDirectory(dir).withFrom(FROM).withUntil(FROM.minusDays(1))
        .build()).hasMessageContaining("is after until");
  }
}
