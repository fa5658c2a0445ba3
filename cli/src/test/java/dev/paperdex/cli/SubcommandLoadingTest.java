package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A command line that names a working subcommand builds that one only; the rest of the time, all of them. */
class SubcommandLoadingTest {

  private static final Environment ENV = new Environment(Map.of(), Cli.HOME);

  private static Iterable<String> subcommands(String... args) {
    return PaperdexCommand.commandLine(ENV, args).getSubcommands().keySet();
  }

  @Test
  void aWorkingSubcommandComesAlone() {
    assertThat(subcommands("search", "KV cache")).containsExactly("search");
    assertThat(subcommands("--index", "search", "show", "2603.23640")).containsExactly("show");
    assertThat(subcommands("--index=/tmp/idx", "stats", "--help")).containsExactly("stats");
  }

  @Test
  void helpCompletionAndMistakesGetThemAll() {
    Iterable<String> all = PaperdexCommand.commandLine(ENV).getSubcommands().keySet();

    assertThat(all).contains("search", "show", "similar", "index", "stats", "check", "eval", "generate-completion",
        "generate-man-page", "help");
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "search"}, {"generate-completion"},
        {"generate-man-page"}, {"serch", "kv"}, {"--index"}}) {
      assertThat(subcommands(args)).as(String.join(" ", args)).containsExactlyElementsOf(all);
    }
  }

  @Test
  void theVersionAloneNeedsNone() {
    assertThat(subcommands("--version")).isEmpty();
    assertThat(subcommands("--index", "idx", "-V")).isEmpty();
    assertThat(subcommands("--version", "--help")).contains("search", "help");
    assertThat(subcommands("--help", "search")).contains("search", "show", "help");

    Cli.Run run = new Cli(Map.of()).run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("paperdex ");
  }

  @Test
  void usageErrorsReadTheSameEitherWay() {
    Cli.Run run = new Cli(Map.of()).run("search", "--limit", "many", "kv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: Invalid value for option '--limit'")
        .contains("Try 'paperdex search --help' for usage.");
  }
}
