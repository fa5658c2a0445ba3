package dev.paperdex.cli;

import dev.paperdex.cli.output.OutputFormat;
import dev.paperdex.cli.output.PaperWriter;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How many results to show and in what form: the options every command that lists papers shares. */
final class ResultOptions {

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
      description = "How many papers to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin
  FormatOption format;

  /** Rejects a negative limit, and --json with another format, as usage errors of {@code command}. */
  void check(CommandLine command) {
    if (limit < 0) {
      throw new CommandLine.ParameterException(command, "--limit must be 0 or more, not " + limit);
    }
    format.check(command);
  }

  /** Prints {@code results} on {@code command}'s output, in the format asked for, or for people. */
  void print(SearchResults results, CommandLine command, Terminal terminal) throws IOException {
    Optional<PaperWriter> writer = format.format().writer();
    if (writer.isPresent()) {
      writer.get().writeResults(results, command.getOut());
    } else {
      new HitPrinter(command.getOut(), terminal).print(results);
    }
  }

  /** {@code --format} and its old alias {@code --json}: for the commands that print papers. */
  static final class FormatOption {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
        converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Names.class,
        description = "text (default, for people), json, jsonl (one object per line), csv, tsv, bibtex or ids "
            + "(one id per line).")
    private OutputFormat format;

    @Option(names = "--json", description = "The same as --format json.")
    private boolean json;

    void check(CommandLine command) {
      if (json && format != OutputFormat.TEXT && format != OutputFormat.JSON) {
        throw new CommandLine.ParameterException(command, "--json and --format " + format.label()
            + " ask for different formats: give one");
      }
    }

    OutputFormat format() {
      return json ? OutputFormat.JSON : format;
    }
  }
}
