package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's exit codes: 0 when it worked, 1 when it failed (no index, no such paper or file), 2 for a wrong
 * command line; a failure or usage error says what on stderr in one line (plus the usage hint), never a stack trace.
 * And every command's --help shows real examples.
 */
class ExitCodesTest {

  @TempDir
  static Path temp;

  private static final Cli CLI = new Cli(Map.of());
  private static String index;
  private static String nowhere;
  private static Path corpus;
  private static Path queries;
  private static Path qrels;

  @BeforeAll
  static void prepare() throws IOException {
    index = Cli.indexBundledData(temp.resolve("index"));
    nowhere = temp.resolve("nowhere").toString();
    corpus = Files.writeString(temp.resolve("corpus.jsonl"), """
        {"_id": "d1", "title": "Cache reuse", "text": "KV cache reuse for serving."}
        {"_id": "d2", "title": "Federated learning", "text": "Training on phones."}
        """);
    queries = Files.writeString(temp.resolve("queries.jsonl"), """
        {"_id": "q1", "text": "kv cache"}
        """);
    qrels = Files.writeString(temp.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
  }

  static Stream<Arguments> commands() {
    String data = Cli.HOME.resolve("data").toString();
    String freshIndex = temp.resolve("fresh").toString();
    List<String> eval = List.of("eval", "--queries", queries.toString(), "--qrels", qrels.toString());
    return Stream.of(
        Arguments.of(0, List.of("search", "--index", index, "KV cache")),
        Arguments.of(1, List.of("search", "--index", nowhere, "KV cache")),
        Arguments.of(2, List.of("search", "--index", index, "--limit", "many", "KV cache")),
        Arguments.of(2, List.of("search", "--index", index, "kv \"cache")),
        Arguments.of(0, List.of("show", "--index", index, "2603.23640")),
        Arguments.of(1, List.of("show", "--index", index, "2601.99999")),
        Arguments.of(2, List.of("show", "--index", index)),
        Arguments.of(0, List.of("similar", "--index", index, "2603.23049")),
        Arguments.of(1, List.of("similar", "--index", index, "2601.99999")),
        Arguments.of(2, List.of("similar", "--index", index, "2603.23049", "--limit", "-1")),
        Arguments.of(0, List.of("index", "--index", freshIndex, data)),
        Arguments.of(1, List.of("index", "--index", freshIndex, temp.resolve("missing.xml").toString())),
        Arguments.of(2, List.of("index", "--index", freshIndex)),
        Arguments.of(0, List.of("stats", "--index", index)),
        Arguments.of(1, List.of("stats", "--index", nowhere)),
        Arguments.of(2, List.of("stats", "--index", index, "--top", "0")),
        Arguments.of(0, List.of("check", "--index", index)),
        Arguments.of(1, List.of("check", "--index", nowhere)),
        Arguments.of(2, List.of("check", "--index", index, "surplus")),
        Arguments.of(0, concat(eval, "--corpus", corpus.toString())),
        Arguments.of(1, concat(eval, "--corpus", temp.resolve("missing.jsonl").toString())),
        Arguments.of(2, eval),
        Arguments.of(0, List.of()),
        Arguments.of(2, List.of("frobnicate")),
        Arguments.of(2, List.of("search", "--index", index, "--quiet", "--verbose", "KV cache")),
        Arguments.of(2, List.of("search", "--index", index, "--format", "yaml", "KV cache")),
        Arguments.of(2, List.of("search", "--index", index, "--color", "sometimes", "KV cache")));
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  @ParameterizedTest(name = "{0}: paperdex {1}")
  @MethodSource("commands")
  void exitCode(int expected, List<String> args) {
    Cli.Run run = CLI.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(expected);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    if (expected != 0) {
      assertThat(run.err()).startsWith("paperdex: ");
      assertThat(run.err().lines().filter(line -> !line.startsWith("Try 'paperdex")).count()).isEqualTo(1);
    }
    if (expected == 2) {
      assertThat(run.out()).isEmpty();
    }
  }

  @ParameterizedTest(name = "paperdex {0} --help")
  @MethodSource("commandNames")
  void everyCommandsHelpShowsExamplesOfItself(String command) {
    Cli.Run run = CLI.run(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Examples:").contains("  paperdex " + command + " ")
        .contains("--quiet").contains("--verbose").contains("--index");
  }

  static Stream<String> commandNames() {
    return Stream.of("search", "show", "similar", "index", "stats", "check", "eval");
  }

  @Test
  void theFormatChoicesAreListedInTheHelp() {
    assertThat(CLI.run("search", "--help").out()).contains("json, jsonl").contains("bibtex or ids");
    assertThat(CLI.run("show", "--help").out()).contains("--format");
  }
}
