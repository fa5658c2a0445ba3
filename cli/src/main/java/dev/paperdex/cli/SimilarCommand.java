package dev.paperdex.cli;

import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchResults;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code paperdex similar ID}: papers like this one, from its title and abstract. */
final class SimilarCommand implements Callable<Integer> {

  private final PaperdexCommand parent;
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("similar");
  private final PositionalParamSpec id = ShowCommand.idParameter(spec);
  private final ResultOptions output = new ResultOptions().addTo(spec);

  SimilarCommand(PaperdexCommand parent) {
    this.parent = parent;
    PaperdexCommand.withStandardHelp(spec);
    spec.usageMessage()
        .description("List papers like one in the index, judged by the words of its title and abstract.")
        .footer("", "Examples:",
            "  paperdex similar 2603.23049",
            "  paperdex similar 2603.23049 --limit 3 --format json",
            "  paperdex similar 2603.23049 --limit 20 --format bibtex > related.bib");
  }

  /** The command's definition. */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws Exception {
    output.check(spec.commandLine());
    String bare = ShowCommand.bareId(id.getValue());
    try (PaperSearcher searcher = parent.openSearcher(parent.indexLocation().path())) {
      Optional<SearchResults> results = searcher.similar(bare, output.limit());
      if (results.isEmpty()) {
        spec.commandLine().getErr().println("paperdex: no paper " + bare + " in the index");
        return PaperdexCommand.EXIT_FAILURE;
      }
      output.print(results.get(), spec.commandLine(), parent.terminal());
    }
    return 0;
  }
}
