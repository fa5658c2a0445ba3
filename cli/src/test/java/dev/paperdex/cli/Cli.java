package dev.paperdex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperdex.indexer.harvest.HarvestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the paperdex command line in-process, as a user would type it, capturing its output and exit code. */
final class Cli {

  /** The repository root, holding the bundled data/. */
  static final Path HOME = Path.of(System.getProperty("paperdex.home", "..")).toAbsolutePath().normalize();

  record Run(int exitCode, String out, String err) {}

  private final Environment env;
  private final HarvestClock clock;
  private final boolean onTerminal;

  Cli(Map<String, String> variables) {
    this(variables, HarvestClock.system());
  }

  /** A command line whose harvests wait by {@code clock}. */
  Cli(Map<String, String> variables, HarvestClock clock) {
    this(variables, clock, false);
  }

  private Cli(Map<String, String> variables, HarvestClock clock, boolean onTerminal) {
    this(new Environment(variables, HOME), clock, onTerminal);
  }

  private Cli(Environment env, HarvestClock clock, boolean onTerminal) {
    this.env = env;
    this.clock = clock;
    this.onTerminal = onTerminal;
  }

  /** Runs as if standard output and error were a terminal, as the launcher would say they are. */
  static Cli onTerminal(Map<String, String> variables) {
    return new Cli(variables, HarvestClock.system(), true);
  }

  /** This command line, run as if standard output and error were a terminal. */
  Cli onTerminal() {
    return new Cli(env, clock, true);
  }

  /** The ids of a JSON result's hits, in rank order. */
  static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  /** Indexes the bundled data/ into {@code dir} through the index command; returns the index path. */
  static String indexBundledData(Path dir) {
    Run run = new Cli(Map.of()).run("index", "--index", dir.toString(), HOME.resolve("data").toString());
    if (run.exitCode() != 0) {
      throw new AssertionError("indexing the bundled data failed: " + run.err());
    }
    return dir.toString();
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = PaperdexCommand.commandLine(env, clock, () -> onTerminal, () -> onTerminal, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
