package dev.paperdex.cli;

import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.harvest.HarvestException;
import dev.paperdex.indexer.harvest.HarvestReport;
import dev.paperdex.indexer.harvest.Harvester;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex update}: harvests, then adds the new and changed papers to the index: the daily job. */
@Command(name = "update",
    mixinStandardHelpOptions = true,
    description = {"Harvest what is new on arXiv (as `paperdex harvest`), then add the new and changed papers to the "
        + "index: the whole daily job.",
        "Indexes every file the harvest directory holds that no update has indexed yet, including those of an "
            + "earlier run that failed; when the harvest fails, what it saved is indexed before the exit code 1."},
    footer = {"", "Examples:",
        "  paperdex update --set cs --from 2026-11-01     # the first time",
        "  paperdex update --set cs                       # every day after",
        "  paperdex update --index ~/idx --dir ~/arxiv/dc --query 'cat:cs.DC'",
        "",
        "A crontab line for a weekday run after arXiv's nightly announcement:",
        "  30 6 * * 1-5  /path/to/paperdex update --set cs >> ~/paperdex-update.log 2>&1",
        "",
        "Exit codes: 0 ok, 1 the harvest or the index failed (what was saved is kept),",
        "2 usage error."})
final class UpdateCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private HarvestOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = options.directory(parent.env());
    HarvestReport harvested;
    HarvestException failure = null;
    try (HarvestProgress progress = parent.harvestProgress(spec.commandLine())) {
      harvested = options.harvester(dir, parent.harvestClock(), progress).harvest();
    } catch (HarvestException e) {
      failure = e;
      harvested = e.report();
    }
    List<Path> files = Harvester.unindexedFiles(dir);
    String fetched = harvested == null ? "fetched nothing" : harvested.summary();
    PrintWriter out = spec.commandLine().getOut();
    if (files.isEmpty()) {
      out.println(fetched + "; added 0, updated 0, unchanged 0, skipped 0");
    } else {
      IndexReport indexed = IndexCommand.run(parent.indexLocation().path(), files, false, false,
          parent.indexProgress(spec.commandLine(), false));
      Harvester.markIndexed(dir, files);
      out.println(fetched + "; added " + indexed.added() + ", updated " + indexed.updated() + ", unchanged "
          + indexed.unchanged() + ", skipped " + indexed.skippedTotal() + "; " + indexed.papers()
          + " papers in the index");
    }
    if (failure != null) {
      err.println("paperdex: " + failure.getMessage());
      return PaperdexCommand.EXIT_FAILURE;
    }
    return 0;
  }
}
