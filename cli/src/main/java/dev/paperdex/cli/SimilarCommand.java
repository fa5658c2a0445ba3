package dev.paperdex.cli;

import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchResults;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex similar ID}: papers like this one, from its title and abstract. */
@Command(name = "similar",
    mixinStandardHelpOptions = true,
    description = "List papers like one in the index, judged by the words of its title and abstract.",
    footer = {"", "Examples:",
        "  paperdex similar 2603.23049",
        "  paperdex similar 2603.23049 --limit 3 --format json",
        "  paperdex similar 2603.23049 --limit 20 --format bibtex > related.bib"})
final class SimilarCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The arXiv id, with or without version, arXiv: or the abs URL.")
  private String id;

  @Mixin
  private ResultOptions output;

  @Override
  public Integer call() throws Exception {
    output.check(spec.commandLine());
    String bare = ShowCommand.bareId(id);
    try (PaperSearcher searcher = PaperSearcher.open(parent.indexLocation().path())) {
      Optional<SearchResults> results = searcher.similar(bare, output.limit);
      if (results.isEmpty()) {
        spec.commandLine().getErr().println("paperdex: no paper " + bare + " in the index");
        return PaperdexCommand.EXIT_FAILURE;
      }
      output.print(results.get(), spec.commandLine(), parent.terminal());
    }
    return 0;
  }
}
