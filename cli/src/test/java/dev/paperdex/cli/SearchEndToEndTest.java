package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden end-to-end test: index the bundled seed files through the CLI, then assert ranked ids of real queries. */
class SearchEndToEndTest {

  @TempDir
  static Path temp;

  private static final Cli CLI = new Cli(Map.of());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String index;

  @BeforeAll
  static void indexTheBundledData() {
    index = temp.resolve("index").toString();
    Cli.Run run = CLI.run("index", "--index", index, Cli.HOME.resolve("data").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("2 files, 30 records: 29 added, 1 updated, 0 unchanged, 0 skipped; "
        + "29 papers in the index");
  }

  private static JsonNode searchJson(String... queryAndOptions) throws Exception {
    List<String> args = new ArrayList<>(List.of("search", "--index", index, "--json"));
    args.addAll(List.of(queryAndOptions));
    Cli.Run run = CLI.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void hailoFindsTheEdgeInferencePaperOnceAtItsLatestVersion() throws Exception {
    JsonNode results = searchJson("Hailo");

    assertThat(results.get("total").asInt()).isEqualTo(1);
    JsonNode hit = results.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo("2603.23640");
    assertThat(hit.get("version").asInt()).isEqualTo(2);
    assertThat(hit.get("published").asText()).isEqualTo("2026-03-24T18:28:38Z");
    assertThat(hit.get("updated").asText()).isEqualTo("2026-06-07T18:38:40Z");
    assertThat(hit.get("authors")).extracting(JsonNode::asText)
        .containsExactly("Pranay Tummalapalli", "Sahil Arayakandy", "Ritam Pal", "Kautuk Kundan");
    JsonNode snippet = hit.get("snippets").get(0);
    JsonNode match = snippet.get("matches").get(0);
    assertThat(snippet.get("text").asText().substring(match.get(0).asInt(), match.get(1).asInt())).isEqualTo("Hailo");
  }

  @Test
  void kvCacheRanksTheTwoKvCachePapersFirst() throws Exception {
    assertThat(Cli.ids(searchJson("KV cache"))).containsExactly("2606.08635", "2603.23049", "2603.28795");
  }

  @Test
  void rankedIdsOfOtherQueries() throws Exception {
    assertThat(Cli.ids(searchJson("federated learning")))
        .containsExactly("2411.03231", "2606.08252", "2606.08197", "2601.09166");
    assertThat(Cli.ids(searchJson("grassroots logic programs"))).containsExactly("2602.06934", "2601.17957");
    assertThat(Cli.ids(searchJson("Byzantine consensus"))).containsExactly("2603.23458");
    assertThat(Cli.ids(searchJson("Minyi Guo"))).containsExactly("2603.23049", "2403.16125");
    assertThat(Cli.ids(searchJson("\"load balancing\""))).containsExactly("2603.23329");
  }

  @Test
  void speculativeDecodingFallsBackToPapersWithSomeOfTheWords() throws Exception {
    JsonNode results = searchJson("speculative decoding");

    assertThat(results.get("partial").asBoolean()).isTrue();
    assertThat(Cli.ids(results)).contains("2606.04581", "2606.08635");
  }

  @Test
  void theLimitCutsTheListButNotTheTotal() throws Exception {
    JsonNode results = searchJson("federated", "--limit", "2");

    assertThat(results.get("total").asInt()).isEqualTo(5);
    assertThat(Cli.ids(results)).hasSize(2);
  }

  @Test
  void humanOutputShowsRankIdTitleAuthorsDatesPassagesAndTotal() {
    Cli.Run run = CLI.run("search", "--index", index, "Hailo");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(" 1. 2603.23640v2  LLM Inference at the Edge: Mobile, NPU, and GPU Performance Efficiency")
        .contains("    Pranay Tummalapalli, Sahil Arayakandy, Ritam Pal, Kautuk Kundan\n")
        .contains("    2026-03-24 · updated 2026-06-07\n")
        .contains("Raspberry Pi 5 with")
        .contains("Hailo-10H NPU")
        .doesNotContain("\u001B[");
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .matches("1 paper matches \"Hailo\" · showing 1 · \\d+ ms");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void noMatchSaysSo() {
    Cli.Run run = CLI.run("search", "--index", index, "zebrafish");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("No papers match \"zebrafish\" \\(\\d+ ms\\)\\.\\s*");
  }
}
