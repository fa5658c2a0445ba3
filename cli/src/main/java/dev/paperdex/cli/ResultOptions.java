package dev.paperdex.cli;

import static dev.paperdex.cli.PaperdexCommand.flag;
import static dev.paperdex.cli.PaperdexCommand.isSet;

import dev.paperdex.cli.output.OutputFormat;
import dev.paperdex.cli.output.PaperWriter;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How many results to show and in what form: the options every command that lists papers shares, defined in code
 * (see {@link PaperdexCommand}).
 */
final class ResultOptions {

  private final OptionSpec limit = OptionSpec.builder("-n", "--limit").paramLabel("N").type(int.class)
      .defaultValue("10").description("How many papers to show (default: ${DEFAULT-VALUE}).").build();
  private final FormatOption format = new FormatOption();

  /** Adds these options to {@code command}. */
  ResultOptions addTo(CommandSpec command) {
    command.addOption(limit);
    format.addTo(command);
    return this;
  }

  /** {@code --limit}. */
  int limit() {
    return limit.<Integer>getValue();
  }

  /** Rejects a negative limit, and --json with another format, as usage errors of {@code command}. */
  void check(CommandLine command) {
    if (limit() < 0) {
      throw new CommandLine.ParameterException(command, "--limit must be 0 or more, not " + limit());
    }
    format.check(command);
  }

  /** Prints {@code results} on {@code command}'s output, in the format asked for, or for people. */
  void print(SearchResults results, CommandLine command, Terminal terminal) throws IOException {
    Optional<PaperWriter> writer = format.format().writer();
    if (writer.isPresent()) {
      writer.get().writeResults(results, command.getOut());
    } else {
      // Through a writer that flushes once, at the end: the command's own flushes at every line (picocli's autoflush),
      // one write to the terminal or pipe each.
      PrintWriter out = new PrintWriter(command.getOut(), false);
      new HitPrinter(out, terminal).print(results);
      out.flush();
    }
  }

  /** {@code --format} and its old alias {@code --json}: for the commands that print papers. */
  static final class FormatOption {

    private final OptionSpec format = OptionSpec.builder("-f", "--format").paramLabel("FORMAT")
        .type(OutputFormat.class).defaultValue("text")
        .converters(new OutputFormat.Converter()).completionCandidates(new OutputFormat.Names())
        .description("text (default, for people), json, jsonl (one object per line), csv, tsv, bibtex or ids "
            + "(one id per line).").build();
    private final OptionSpec json = flag("--json").description("The same as --format json.").build();

    /** Adds these options to {@code command}. */
    FormatOption addTo(CommandSpec command) {
      command.addOption(format);
      command.addOption(json);
      return this;
    }

    void check(CommandLine command) {
      OutputFormat format = this.format.getValue();
      if (isSet(json) && format != OutputFormat.TEXT && format != OutputFormat.JSON) {
        throw new CommandLine.ParameterException(command, "--json and --format " + format.label()
            + " ask for different formats: give one");
      }
    }

    OutputFormat format() {
      return isSet(json) ? OutputFormat.JSON : this.format.getValue();
    }
  }
}
