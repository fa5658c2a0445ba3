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

/** search's filters and orders, show and similar, through the command line, on the bundled data. */
class SearchOptionsAndCommandsTest {

  @TempDir
  static Path temp;

  private static final Cli CLI = new Cli(Map.of());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String index;

  @BeforeAll
  static void indexTheBundledData() {
    index = Cli.indexBundledData(temp.resolve("index"));
  }

  private static Cli.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--index");
    all.add(2, index);
    return CLI.run(all.toArray(String[]::new));
  }

  private static JsonNode json(String... args) throws Exception {
    Cli.Run run = run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void listsByDateWithoutAQuery() throws Exception {
    JsonNode results = json("search", "--since", "2026-06-07", "--sort", "published", "--limit", "3", "--json");

    assertThat(results.get("total").asInt()).isEqualTo(5);
    assertThat(Cli.ids(results)).containsExactly("2606.08761", "2606.08635", "2606.08590");
  }

  @Test
  void pagesWithOffset() throws Exception {
    List<String> firstTwo = Cli.ids(json("search", "federated", "--limit", "2", "--json"));

    assertThat(Cli.ids(json("search", "federated", "--offset", "1", "--limit", "1", "--json")))
        .containsExactly(firstTwo.get(1));
  }

  @Test
  void countsFacetsOnRequest() throws Exception {
    JsonNode facets = json("search", "federated learning", "--facets", "--json").get("facets");

    assertThat(facets.get("years").get(0).get("value").asText()).isEqualTo("2026");
    assertThat(facets.get("years").get(0).get("count").asInt()).isEqualTo(3);
    assertThat(run("search", "federated learning", "--facets").out()).contains("Years       2026 3 · 2024 1");
  }

  @Test
  void explainsTheQueryOnStderr() {
    Cli.Run run = run("search", "au:guo_m", "--explain");

    assertThat(run.err()).startsWith("query: author_key:guo_m");
    assertThat(run.out()).contains("2 papers match \"au:guo_m\"");
  }

  @Test
  void explainsABareWordAsTheSameFieldsInTheSameOrderInEveryProcess() {
    assertThat(run("search", "serving", "--explain").err()).startsWith(
        "query: (title:serving)^3.0 (authors:serving)^2.0 abstract:serving (comments:serving)^0.5\n");
  }

  @Test
  void suggestsSpellingsAndOtherFieldsWhenNothingMatches() {
    assertThat(run("search", "speculativ decodng").out()).contains("Did you mean: \"speculative decode\"?");
    assertThat(run("search", "ti:hailo").out()).contains("'hailo' occurs in abstract in 1 paper");
  }

  @Test
  void showsTheWholeRecord() throws Exception {
    Cli.Run run = run("show", "https://arxiv.org/abs/2603.23640v1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("2603.23640v2\nLLM Inference at the Edge")
        .contains("Authors       Pranay Tummalapalli, Sahil Arayakandy, Ritam Pal, Kautuk Kundan")
        .contains("Published     2026-03-24").contains("Updated       2026-06-07")
        .contains("Deploying large language models on-device");
    JsonNode paper = json("show", "2603.23640", "--json");
    assertThat(paper.get("version").asInt()).isEqualTo(2);
    assertThat(paper.get("comments").asText()).isEqualTo("14 pages, 5 figures, 10 tables");
  }

  @Test
  void listsSimilarPapersButNeverThePaperItself() throws Exception {
    List<String> similar = Cli.ids(json("similar", "2603.23049", "--limit", "5", "--json"));

    assertThat(similar).hasSize(5).doesNotContain("2603.23049");
  }

  @Test
  void anUnknownPaperIsAFailure() {
    Cli.Run show = run("show", "2699.99999");
    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).isEqualTo("paperdex: no paper 2699.99999 in the index\n");
    assertThat(run("similar", "2699.99999").exitCode()).isEqualTo(1);
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertThat(run("search", "kv", "--sort", "random").err()).contains("'random' is not an order");
    assertThat(run("search", "kv", "--since", "last week").err()).contains("'last week' is not a date");
    assertThat(run("search", "kv", "--since", "2026-05", "--until", "2026-04").err())
        .contains("--since 2026-05-01 is after --until 2026-04-30");
    assertThat(run("search", "--cat", "Basket Weaving").err())
        .isEqualTo("paperdex: category filter 'Basket Weaving': no arXiv category is called 'Basket Weaving': use a "
            + "code such as cs.DC, an archive such as cs, or the start of a category's name\n");
    assertThat(run("search").err()).contains("give a QUERY, or --cat, --since or --until");
    for (String[] args : new String[][] {{"search", "kv", "--sort", "random"}, {"search", "--cat", "Basket Weaving"},
        {"search"}, {"search", "kv", "--offset", "-1"}, {"search", "foo:bar"}}) {
      Cli.Run run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err().strip().lines().findFirst().orElseThrow()).startsWith("paperdex: ");
      assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
