package dev.paperdex.cli;

import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex search QUERY}: ranked results with highlighted titles and abstract passages. */
@Command(name = "search",
    mixinStandardHelpOptions = true,
    description = {"Search titles, authors and abstracts; every word must match somewhere, title matches count most.",
        "With no index yet at the default location, the bundled data/ is indexed first."},
    footer = {"", "Examples:",
        "  paperdex search \"speculative decoding\"",
        "  paperdex search '\"KV cache\" serving' --limit 3",
        "  paperdex search Hailo --json"})
final class SearchCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "1..*",
      description = "Words or \"quoted phrases\"; several arguments are joined with spaces.")
  private List<String> query;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
      description = "How many results to show (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--json", description = "Print the results as one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
    }
    IndexLocation location = parent.indexLocation();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    buildBundledIndexIfMissing(location, err);
    try (PaperSearcher searcher = PaperSearcher.open(location.path())) {
      SearchResults results = searcher.search(
          SearchRequest.builder().withQuery(String.join(" ", query)).withLimit(limit).build());
      if (json) {
        out.println(JsonResults.toJson(results));
      } else {
        new HitPrinter(out, Terminal.of(parent.env())).print(results);
      }
    }
    return 0;
  }

  /** A first search at the default location indexes the bundled data, so that paperdex works out of the box. */
  private void buildBundledIndexIfMissing(IndexLocation location, PrintWriter err) throws Exception {
    if (!location.isDefault() || indexExists(location.path()) || !parent.env().hasBundledData()) {
      return;
    }
    Path data = parent.env().bundledData();
    err.println("paperdex: no index at " + location.path() + " yet; indexing the bundled " + data + " first");
    err.println("paperdex: " + IndexCommand.run(location.path(), List.of(data), false, err).summary());
  }

  private static boolean indexExists(Path dir) throws IOException {
    if (!dir.toFile().isDirectory()) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }
}
