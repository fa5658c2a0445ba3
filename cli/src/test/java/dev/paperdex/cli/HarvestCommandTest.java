package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.harvest.FakeClock;
import dev.paperdex.indexer.harvest.Pages;
import dev.paperdex.indexer.harvest.ReplayServer;
import dev.paperdex.indexer.harvest.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperdex harvest} and {@code paperdex update} against a local stand-in for arXiv's OAI-PMH (five records in
 * three pages), with a clock that does not really wait: output, progress, exit codes and the one-line failures.
 */
class HarvestCommandTest {

  @TempDir
  Path temp;

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-21T09:00:00Z"));
  private ReplayServer server;
  private Cli cli;
  private Path dir;
  private Path index;

  @BeforeEach
  void start() throws Exception {
    server = new ReplayServer(Pages::threePages);
    cli = new Cli(Map.of("XDG_DATA_HOME", temp.resolve("xdg").toString()), clock);
    dir = temp.resolve("harvest");
    index = temp.resolve("index");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Run run(String command, String... more) {
    return run(cli, command, more);
  }

  private Cli.Run run(Cli cli, String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--index", index.toString(), "--dir",
        dir.toString(), "--endpoint", server.endpoint().toString(), "--set", "cs"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private static void assertNoStackTrace(Cli.Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void harvestSavesThePagesAndShowsPagesRecordsAndWaitsOnStderr() {
    Cli.Run run = run("harvest", "--from", "2026-11-20");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("fetched 3 pages, 5 records into " + dir
        + "; 3 files not yet indexed (paperdex update indexes them)\n");
    assertThat(run.err()).isEqualTo("""
        page 1: 2 records (2 of 5) → oai-arXiv-cs-20261121T090000Z-00001.xml.gz
        waiting 3 s before the next request
        page 2: 2 records (4 of 5) → oai-arXiv-cs-20261121T090000Z-00002.xml.gz
        waiting 3 s before the next request
        page 3: 1 record (5 of 5) → oai-arXiv-cs-20261121T090000Z-00003.xml.gz
        """);
    assertThat(cli.run("index", "--index", index.toString(), dir.toString()).out())
        .startsWith("3 files, 5 records: 5 added");
  }

  @Test
  void onATerminalTheHarvestIsABarAndUnderQuietItSaysNothing() {
    Cli.Run onTerminal = run(cli.onTerminal(), "harvest", "--from", "2026-11-20");

    assertThat(onTerminal.exitCode()).isEqualTo(0);
    assertThat(onTerminal.err()).contains("\rharvesting").contains("5/5").doesNotContain("page 1:");

    Cli.Run quiet = run(cli.onTerminal(), "harvest", "--quiet");
    assertThat(quiet.exitCode()).isEqualTo(0);
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).startsWith("fetched 1 page, 0 records");
  }

  @Test
  void theDefaultHarvestDirectoryIsBesideTheDefaultIndex() throws Exception {
    Cli.Run run = cli.run("harvest", "--endpoint", server.endpoint().toString(), "--set", "cs", "--from",
        "2026-11-20");

    assertThat(run.exitCode()).isEqualTo(0);
    Path harvest = temp.resolve("xdg/paperdex/harvest");
    try (Stream<Path> files = Files.list(harvest)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .contains(".paperdex-harvest.json", "oai-arXiv-cs-20261121T090000Z-00003.xml.gz");
    }
  }

  @Test
  void aFirstHarvestWithoutFromIsAUsageErrorThatSaysWhatToDo() {
    Cli.Run run = run("harvest");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("paperdex: nothing harvested here yet: say from which day with --from "
        + "YYYY-MM-DD (later runs go on from where the last one ended)\n");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void settingsAgainstArxivsRulesAreUsageErrors() {
    Cli.Run fast = run("harvest", "--from", "2026-11-20", "--delay", "1");
    Cli.Run mixed = run("harvest", "--query", "cat:cs.DC");
    Cli.Run badDay = run("harvest", "--from", "2026-13-01");

    assertThat(fast.exitCode()).isEqualTo(2);
    assertThat(fast.err()).isEqualTo("paperdex: the delay between requests must be at least 3 s: arXiv asks for no "
        + "more than one request every 3 seconds\n");
    assertThat(mixed.exitCode()).isEqualTo(2);
    assertThat(mixed.err()).contains("an API harvest (a query) takes none of them");
    assertThat(badDay.exitCode()).isEqualTo(2);
    assertThat(badDay.err()).contains("'2026-13-01' is not a date");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aServerThatKeepsFailingExitsWithOneLineNamingTheUrlAndTheReason() {
    server.inject(request -> true, Reply.status(500, "oops", Map.of()), Reply.status(500, "oops", Map.of()));

    Cli.Run run = run("harvest", "--from", "2026-11-20", "--max-retries", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).endsWith("paperdex: gave up on " + server.endpoint()
        + "?verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-20 after 2 attempts: HTTP 500; what was "
        + "saved is kept, and the next run resumes here\n");
    assertThat(run.err()).contains("attempt 1 of 2 failed: HTTP 500 (" + server.endpoint(),
        "waiting 10 s before trying again");
    assertNoStackTrace(run);
  }

  @Test
  void updateHarvestsThenIndexesAndSaysWhatChanged() {
    Cli.Run first = run("update", "--from", "2026-11-20");

    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(first.out()).isEqualTo(
        "fetched 3 pages, 5 records; added 5, updated 0, unchanged 0, skipped 0; 5 papers in the index\n");
    Cli.Run show = cli.run("show", "--index", index.toString(), "2611.00003");
    assertThat(show.out()).contains("Paper number 3");

    Cli.Run next = run("update");

    assertThat(next.exitCode()).isEqualTo(0);
    assertThat(server.requests().get(3)).containsEntry("from", "2026-11-21");
    assertThat(next.out()).isEqualTo("fetched 1 page, 0 records; added 0, updated 0, unchanged 0, skipped 0\n");
    assertThat(next.err()).as("the clock has not moved since the last answer, so even a new run waits")
        .isEqualTo("waiting 3 s before the next request\npage 1: no records, nothing new\n");
  }

  @Test
  void anUpdateWhoseHarvestFailsIndexesWhatItSavedAndTheNextUpdateGoesOn() {
    server.inject(request -> "6960524|1001".equals(request.get("resumptionToken")),
        Reply.drop(), Reply.drop(), Reply.drop(), Reply.drop());

    Cli.Run failed = run("update", "--from", "2026-11-20", "--max-retries", "1");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).isEqualTo(
        "fetched 1 page, 2 records; added 2, updated 0, unchanged 0, skipped 0; 2 papers in the index\n");
    assertThat(failed.err()).contains("paperdex: gave up on " + server.endpoint()
        + "?verb=ListRecords&resumptionToken=6960524%7C1001 after 2 attempts: the connection failed (HTTP/1.1 header parser received no bytes)");
    assertThat(failed.err()).doesNotContain("note:");
    assertNoStackTrace(failed);

    Cli.Run resumed = run("update");

    assertThat(resumed.exitCode()).isEqualTo(0);
    assertThat(resumed.err()).startsWith("note: resuming after page 1 (2 records)");
    assertThat(resumed.out()).isEqualTo(
        "fetched 2 pages, 3 records; added 3, updated 0, unchanged 0, skipped 0; 5 papers in the index\n");
  }

  @Test
  void helpShowsRealExamples() {
    assertThat(cli.run("harvest", "--help").out()).contains("paperdex harvest --set cs --from 2026-11-01",
        "--query", "--max-records", "--endpoint", "--delay");
    assertThat(cli.run("update", "--help").out()).contains("paperdex update --set cs", "crontab");
    assertThat(cli.run("--help").out()).contains("harvest", "update");
  }
}
