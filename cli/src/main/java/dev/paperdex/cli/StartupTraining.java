package dev.paperdex.cli;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The session the launcher runs once, in the background, to record the JVM's start-up cache (the JDK 25 AOT cache, or
 * a CDS archive on older JDKs): the everyday reading commands, run through the real command line on an index of the
 * bundled data, output discarded. The cache then holds what a user's {@code paperdex search} loads and little more:
 * the launcher builds that index in a JVM of its own, because every class in the cache costs start-up time too.
 */
final class StartupTraining {

  private StartupTraining() {}

  /** Runs the session on the index in {@code index}. */
  static void run(Environment env, Path index) {
    String dir = index.toString();
    for (String query : List.of("KV cache", "\"KV cache\" serving", "au:guo", "speculativ decodng", "heterogen*")) {
      execute(env, "search", "--index", dir, query);
    }
    execute(env, "search", "--index", dir, "ti:federated OR consensus", "--facets");
    execute(env, "search", "--index", dir, "--since", "2026-03", "--sort", "published", "--limit", "3", "serving");
    for (String id : someIds(index)) {
      execute(env, "show", "--index", dir, id);
      execute(env, "similar", "--index", dir, id, "--limit", "3");
    }
    execute(env, "stats", "--index", dir);
    execute(env, "--help");
    execute(env, "search", "--help");
    execute(env, "search", "--no-such-option");
  }

  private static void execute(Environment env, String... args) {
    CommandLine commandLine = PaperdexCommand.commandLine(env, args);
    commandLine.setOut(new PrintWriter(Writer.nullWriter()));
    commandLine.setErr(new PrintWriter(Writer.nullWriter()));
    commandLine.execute(args);
  }

  private static List<String> someIds(Path index) {
    List<String> ids = new ArrayList<>();
    try (PaperSearcher searcher = PaperSearcher.openForOneShot(index)) {
      for (Hit hit : searcher.search(SearchRequest.builder().withQuery("cache").withLimit(1).build()).hits()) {
        ids.add(hit.paper().id());
      }
    } catch (RuntimeException | IOException e) {
      // No index (no bundled data to build one from): the commands above trained what they could.
    }
    return ids;
  }
}
