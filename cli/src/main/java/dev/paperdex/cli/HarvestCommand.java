package dev.paperdex.cli;

import dev.paperdex.indexer.harvest.HarvestReport;
import dev.paperdex.indexer.harvest.Harvester;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex harvest}: fetches what is new on arXiv into a harvest directory. */
@Command(name = "harvest",
    mixinStandardHelpOptions = true,
    description = {"Fetch new papers from arXiv into a harvest directory of gzipped raw responses, which "
        + "`paperdex index DIR` reads: OAI-PMH ListRecords by default, the arXiv API with --query.",
        "One request at a time, at least 3 s apart; busy servers (503, 429) are waited out, failures retried with "
            + "backoff. The state is saved after every page, so the next run fetches only what is new and a "
            + "stopped run resumes where it stopped. Progress goes to stderr."},
    footer = {"", "Examples:",
        "  paperdex harvest --set cs --from 2026-11-01",
        "  paperdex harvest --set cs",
        "  paperdex harvest --dir ~/hep-th --metadata arXivRaw --set physics:hep-th \\",
        "      --from 2026-11-20",
        "  paperdex harvest --dir ~/arxiv/dc --query 'cat:cs.DC' --max-records 1000",
        "",
        "Exit codes: 0 ok, 1 the server failed past the retry limit or refused",
        "(what was saved is kept), 2 usage error."})
final class HarvestCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private HarvestOptions options;

  @Override
  public Integer call() throws Exception {
    Path dir = options.directory(parent.env());
    HarvestReport report;
    try (HarvestProgress progress = parent.harvestProgress(spec.commandLine())) {
      report = options.harvester(dir, parent.harvestClock(), progress).harvest();
    }
    int unindexed = Harvester.unindexedFiles(dir).size();
    spec.commandLine().getOut().println(report.summary() + " into " + dir + "; " + unindexed
        + (unindexed == 1 ? " file" : " files") + " not yet indexed (paperdex update indexes them)");
    return 0;
  }
}
