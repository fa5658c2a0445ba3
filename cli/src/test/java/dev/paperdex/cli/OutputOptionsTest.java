package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format, colour, --quiet and --verbose, and the progress bar, through the command line on the bundled data. */
class OutputOptionsTest {

  private static final String ESC = "\u001B[";
  private static final String MATCH = "\u001B[1;33m";
  private static final String OFF = "\u001B[0m";

  @TempDir
  static Path temp;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String index;

  @BeforeAll
  static void indexTheBundledData() {
    index = Cli.indexBundledData(temp.resolve("index"));
  }

  private static Cli.Run run(Cli cli, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--index");
    all.add(2, index);
    Cli.Run run = cli.run(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static Cli.Run run(String... args) {
    return run(new Cli(Map.of()), args);
  }

  @Test
  void jsonIsTheSameByEitherOption() throws Exception {
    JsonNode byFormat = JSON.readTree(run("search", "KV cache", "--format", "json").out());
    JsonNode byAlias = JSON.readTree(run("search", "KV cache", "--json").out());

    assertThat(Cli.ids(byFormat)).containsExactly("2606.08635", "2603.23049", "2603.28795");
    assertThat(Cli.ids(byAlias)).isEqualTo(Cli.ids(byFormat));
    JsonNode title = byFormat.get("hits").get(0).get("title_highlight");
    JsonNode match = title.get("matches").get(0);
    assertThat(title.get("text").asText().substring(match.get(0).asInt(), match.get(1).asInt())).isEqualTo("KV");
  }

  @Test
  void idsAndJsonLinesListTheSameHitsAsJson() throws Exception {
    List<String> ids = Cli.ids(JSON.readTree(run("search", "federated", "--json").out()));

    assertThat(run("search", "federated", "--format", "ids").out().lines()).isEqualTo(ids);
    List<String> lines = run("search", "federated", "--format", "JSONL").out().lines().toList();
    assertThat(lines).hasSameSizeAs(ids);
    assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo(ids.get(0));
    assertThat(run("similar", "2603.23049", "--limit", "2", "-f", "ids").out().lines()).hasSize(2);
  }

  @Test
  void csvAndTsvHaveAHeaderAndOneRowPerHit() {
    String csv = run("search", "Hailo", "--format", "csv").out();
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("rank,score,id,version,title,authors,");
    assertThat(csv).contains(",2603.23640,2,\"LLM Inference at the Edge: Mobile, NPU, and GPU Performance Efficiency "
        + "Trade-offs Under Sustained Load\",Pranay Tummalapalli; Sahil Arayakandy; Ritam Pal; Kautuk Kundan,");

    List<String> tsv = run("show", "2603.23640", "--format", "tsv").out().lines().toList();
    assertThat(tsv).hasSize(2);
    assertThat(tsv.get(1).split("\t", -1)).hasSameSizeAs(tsv.get(0).split("\t", -1))
        .startsWith("2603.23640", "2", "LLM Inference at the Edge: Mobile, NPU, and GPU Performance Efficiency "
            + "Trade-offs Under Sustained Load");
  }

  @Test
  void bibtexOfAPageLoadsInABibtexParserWithUniqueKeys() throws Exception {
    String bibtex = run("search", "federated OR cache", "--limit", "20", "--format", "bibtex").out();

    BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bibtex));
    long entries = bibtex.lines().filter(line -> line.startsWith("@misc{")).count();
    assertThat(database.getEntries()).hasSize((int) entries).hasSizeGreaterThan(5);
    assertThat(database.getEntries().get(new Key("wang2026pcr")).getField(new Key("eprint")).toUserString())
        .isEqualTo("2603.23049");
    String show = run("show", "arXiv:2603.23640v1", "--format", "bibtex").out();
    assertThat(show).startsWith("@misc{tummalapalli2026llm,\n")
        .contains("  author = {Pranay Tummalapalli and Sahil Arayakandy and Ritam Pal and Kautuk Kundan},\n")
        .contains("  archivePrefix = {arXiv},\n");
  }

  @Test
  void jsonWithAnotherFormatIsAUsageError() {
    Cli.Run run = new Cli(Map.of()).run("search", "--index", index, "--json", "--format", "csv", "kv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: --json and --format csv ask for different formats: give one");
  }

  @Test
  void onATerminalMatchesAreColouredInTitlesAuthorsAndPassages() {
    String authors = run(Cli.onTerminal(Map.of()), "search", "au:guo", "--limit", "1").out();
    assertThat(authors).contains(MATCH + "Guo" + OFF);

    String title = run(Cli.onTerminal(Map.of()), "search", "KV cache", "--limit", "1").out();
    assertThat(title.lines().findFirst().orElseThrow()).contains(MATCH + "KV" + OFF);
    assertThat(title.lines().skip(4)).as("the passages").anyMatch(line -> line.contains(MATCH + "cache" + OFF));
  }

  @Test
  void noColourInAPipeUnderNoColorOrWhenToldNot() {
    assertThat(run("search", "KV cache").out()).doesNotContain(ESC);
    assertThat(run(Cli.onTerminal(Map.of("NO_COLOR", "1")), "search", "KV cache").out()).doesNotContain(ESC);
    assertThat(run(Cli.onTerminal(Map.of("TERM", "dumb")), "search", "KV cache").out()).doesNotContain(ESC);
    assertThat(run(Cli.onTerminal(Map.of()), "search", "KV cache", "--color=never").out()).doesNotContain(ESC);
    assertThat(run("search", "KV cache", "--color", "always").out()).contains(MATCH + "KV" + OFF);
  }

  @Test
  void humanOutputFitsTheTerminalWidth() {
    for (int columns : new int[] {50, 80, 120}) {
      String out = run(new Cli(Map.of("COLUMNS", Integer.toString(columns))), "search", "federated", "--limit", "5")
          .out();
      assertThat(out.lines().filter(line -> !line.matches("\\d+ papers match .*")))
          .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(columns));
    }
  }

  @Test
  void theProgressBarRunsOnlyWhenStderrIsATerminal() {
    Path fresh = temp.resolve("bar");
    Cli.Run onTerminal = Cli.onTerminal(Map.of()).run("index", "--index", fresh.toString(),
        Cli.HOME.resolve("data").toString());

    assertThat(onTerminal.exitCode()).isZero();
    assertThat(onTerminal.err()).contains("\rindexing").contains(" kB").contains("30 records");
    assertThat(onTerminal.out()).startsWith("2 files, 30 records: 29 added, 1 updated");

    Cli.Run piped = new Cli(Map.of()).run("index", "--index", fresh.toString(), Cli.HOME.resolve("data").toString());
    // Without the checkout's path, which may hold the word (a worktree named wt-indexing, say).
    assertThat(piped.err().replace(Cli.HOME.toString(), "")).doesNotContain("\r").doesNotContain("indexing")
        .doesNotContain(ESC);
    assertThat(piped.out().lines()).hasSize(1);

    Cli.Run quiet = Cli.onTerminal(Map.of()).run("index", "--quiet", "--index", fresh.toString(),
        Cli.HOME.resolve("data").toString());
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void quietLeavesOutNotesButKeepsSkipsAndVerboseNamesEachFile() {
    String data = Cli.HOME.resolve("data").toString();
    String target = temp.resolve("loudness").toString();
    Path notPaper = Cli.HOME.resolve("README.md");

    Cli.Run normal = new Cli(Map.of()).run("index", "--index", target, data, notPaper.toString());
    assertThat(normal.err()).contains("note: ").contains("skipped: " + notPaper);

    Cli.Run quiet = new Cli(Map.of()).run("index", "-q", "--index", target, data, notPaper.toString());
    assertThat(quiet.err()).doesNotContain("note: ").contains("skipped: " + notPaper);
    assertThat(quiet.out()).contains("1 skipped");

    Cli.Run verbose = new Cli(Map.of()).run("index", "--verbose", "--index", target, data);
    assertThat(verbose.err()).contains("reading " + Path.of(data, "000_8193fee60cf6185c.txt"));

    Cli.Run search = run("search", "--verbose", "KV cache");
    assertThat(search.err()).startsWith("query: ").contains("index: " + index).contains("time: opening the index ");
  }

  @Test
  void quietLeavesOutTheNoteAboutIndexingTheBundledData() {
    Map<String, String> freshHome = Map.of("XDG_DATA_HOME", temp.resolve("xdg").toString());

    Cli.Run quiet = new Cli(freshHome).run("search", "--quiet", "KV cache");
    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).contains("3 papers match");
  }
}
