package dev.paperdex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.paperdex.searcher.SearchResults;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How many results to show and in what form: the options every command that lists papers shares. */
final class ResultOptions {

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
      description = "How many papers to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the results as one JSON object.")
  boolean json;

  /** Rejects a negative limit as a usage error of {@code command}. */
  void check(CommandLine command) {
    if (limit < 0) {
      throw new CommandLine.ParameterException(command, "--limit must be 0 or more, not " + limit);
    }
  }

  /** Prints {@code results} on {@code command}'s output, as JSON or for people. */
  void print(SearchResults results, CommandLine command, Environment env) throws JsonProcessingException {
    if (json) {
      command.getOut().println(JsonResults.toJson(results));
    } else {
      new HitPrinter(command.getOut(), Terminal.of(env)).print(results);
    }
  }
}
