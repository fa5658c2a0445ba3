package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** Shell completion and the man page, both written from the command definitions. */
class CompletionAndManPageTest {

  @TempDir
  Path temp;

  private static final Cli CLI = new Cli(Map.of());

  /** Every command users see, with its own option names, as the command line defines them. */
  private static Map<String, List<String>> commandsAndOptions(CommandSpec root) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandSpec command, Map<String, List<String>> all) {
    List<String> options = new ArrayList<>();
    command.options().stream().filter(o -> !o.hidden()).forEach(o -> options.addAll(List.of(o.names())));
    all.put(command.qualifiedName(), options);
    command.subcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .filter(sub -> !sub.usageMessage().hidden())
        .forEach(sub -> collect(sub, all));
  }

  private static CommandSpec paperdex() {
    return PaperdexCommand.commandLine(new Environment(Map.of(), Cli.HOME)).getCommandSpec();
  }

  /** The page as a reader sees its words: roff's escapes and font changes taken out. */
  private static String plain(String roff) {
    return roff.replace("\\-", "-").replaceAll("\\\\f[BIR]", "").replace("\\&", "").replace("\\e", "\\");
  }

  @Test
  void theCompletionScriptKnowsEveryCommandAndOption() {
    Cli.Run run = CLI.run("generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F _complete_paperdex");
    commandsAndOptions(paperdex()).forEach((command, options) -> {
      String name = command.substring(command.lastIndexOf(' ') + 1);
      assertThat(run.out()).as(command).contains(name);
      options.forEach(option -> assertThat(run.out()).as(command + " " + option).contains(option));
    });
  }

  @Test
  void bashCompletesCommandsAndOptions() throws Exception {
    assertThat(bashCompletions("paperdex se", "paperdex search --li", "paperdex st"))
        .containsExactly("search", "--limit", "stats");
  }

  @Test
  void bashCompletesOptionValuesAsTheyAreTyped() throws Exception {
    assertThat(bashCompletions("paperdex search --sort ''", "paperdex search --sort p", "paperdex search --date ''"))
        .containsExactly("relevance published updated", "published", "published updated");
  }

  /** What bash offers, with the completion script loaded, for each command line (words, the last being completed). */
  private List<String> bashCompletions(String... commandLines) throws Exception {
    Optional<Path> bash = ExternalProcess.onPath("bash");
    Assumptions.assumeTrue(bash.isPresent(), "skipped: no bash on the PATH");
    Path script = temp.resolve("paperdex-completion.bash");
    Files.writeString(script, CLI.run("generate-completion").out());

    String complete = "source " + script + "; complete() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
        + "COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _complete_paperdex 2>/dev/null; echo \"${COMPREPLY[*]}\"; }; "
        + Arrays.stream(commandLines).map(line -> "complete " + line).collect(Collectors.joining("; "));
    ExternalProcess.Result result = ExternalProcess.run(List.of(bash.get().toString(), "-c", complete), temp,
        Map.of(), 30);

    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.out().lines().toList();
  }

  @Test
  void everyValueCompletionOffersIsOneTheHelpNamesAndTheOptionTakes() throws Exception {
    int values = 0;
    for (CommandSpec command : commandSpecs(paperdex())) {
      for (OptionSpec option : command.options()) {
        if (option.completionCandidates() == null) {
          continue;
        }
        for (String value : option.completionCandidates()) {
          String what = command.qualifiedName() + " " + option.longestName() + " " + value;
          assertThat(String.join(" ", option.description())).as(what).contains(value);
          assertThat(option.converters()).as(what).isNotEmpty();
          assertThat(option.converters()[0].convert(value)).as(what).isNotNull();
          values++;
        }
      }
    }
    assertThat(values).isGreaterThan(0);
  }

  private static List<CommandSpec> commandSpecs(CommandSpec command) {
    List<CommandSpec> all = new ArrayList<>(List.of(command));
    command.subcommands().values().forEach(sub -> all.addAll(commandSpecs(sub.getCommandSpec())));
    return all;
  }

  @Test
  void theManPageNamesEveryCommandAndOption() {
    Cli.Run run = CLI.run("generate-man-page");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(".TH \"PAPERDEX\" 1");
    String page = plain(run.out());
    commandsAndOptions(paperdex()).forEach((command, options) -> {
      if (!command.equals("paperdex")) {
        assertThat(page).as(command).contains(".SS " + command + "\n");
      }
      options.forEach(option -> assertThat(page).as(command + " " + option).contains(option));
    });
    assertThat(page).contains("paperdex search \"speculative decoding\"", "Exit codes: 0 ok, 1 failure, 2 usage error.");
  }

  @Test
  void manRendersThePage() throws Exception {
    Optional<Path> man = ExternalProcess.onPath("man");
    Assumptions.assumeTrue(man.isPresent(), "skipped: no man on the PATH");
    Path page = temp.resolve("paperdex.1");
    Files.writeString(page, CLI.run("generate-man-page").out());

    ExternalProcess.Result result = ExternalProcess.run(List.of(man.get().toString(), "-l", page.toString()), temp,
        Map.of("MANPAGER", "cat", "PAGER", "cat", "MANWIDTH", "100", "MAN_KEEP_FORMATTING", ""), 60);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("PAPERDEX(1)", "NAME", "paperdex search", "--limit N", "--index DIR");
  }

  @Command(name = "later", description = "A command added after the man page was written.")
  static final class LaterCommand implements Runnable {
    @Option(names = "--later-option", description = "An option of it.")
    boolean option;

    @Override
    public void run() {}
  }

  @Test
  void aCommandAddedLaterIsInBoth() {
    CommandLine commandLine = PaperdexCommand.commandLine(new Environment(Map.of(), Cli.HOME));
    commandLine.addSubcommand(new LaterCommand());

    assertThat(plain(ManPageCommand.render(commandLine.getCommandSpec())))
        .contains(".SS paperdex later\n", "A command added after", "--later-option");
    assertThat(picocli.AutoComplete.bash("paperdex", commandLine)).contains("later", "--later-option");
  }
}
