package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line that names a working subcommand builds that one only; the rest of the time, all of them. The
 * everyday reading commands are defined in code, not with annotations, which are slow to read at start-up.
 */
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

  @Test
  void theEverydayCommandsAreDefinedWithoutAnnotations() {
    for (Class<?> type : List.of(PaperdexCommand.class, SearchCommand.class, ShowCommand.class, SimilarCommand.class,
        ResultOptions.class, ResultOptions.FormatOption.class)) {
      List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
      elements.addAll(Arrays.asList(type.getDeclaredFields()));
      assertThat(elements).as(type.getSimpleName())
          .allMatch(element -> Arrays.stream(element.getAnnotations())
              .noneMatch(annotation -> annotation.annotationType().getName().startsWith("picocli.")));
    }
  }

  @Test
  void theSharedOptionsWorkBeforeAndAfterTheSubcommand(@TempDir Path dir) {
    String index = Cli.indexBundledData(dir.resolve("index"));
    Cli cli = new Cli(Map.of());

    Cli.Run before = cli.run("--index", index, "--quiet", "search", "KV cache", "--format", "ids");
    Cli.Run after = cli.run("search", "KV cache", "--format", "ids", "--index", index, "-q");
    assertThat(before.exitCode()).isZero();
    assertThat(before.out()).isNotBlank().isEqualTo(after.out());

    for (String[] args : new String[][] {{"--index", index, "-q", "search", "-v", "KV cache"},
        {"--index", index, "-q", "stats", "--verbose"}}) {
      Cli.Run both = cli.run(args);
      assertThat(both.exitCode()).as(args[3]).isEqualTo(2);
      assertThat(both.err()).as(args[3]).startsWith("paperdex: --quiet and --verbose cannot be used together");
    }
  }
}
