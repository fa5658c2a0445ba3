package dev.paperdex.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

  Cli(Map<String, String> variables) {
    this.env = new Environment(variables, HOME);
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
    CommandLine commandLine = PaperdexCommand.commandLine(env, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
