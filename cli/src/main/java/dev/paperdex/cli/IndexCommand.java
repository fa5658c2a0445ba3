package dev.paperdex.cli;

import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.Indexer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex index SOURCE…}: adds or updates papers from files and directories. */
@Command(name = "index",
    mixinStandardHelpOptions = true,
    description = {"Add or update papers in the index from arXiv files and directories (read recursively, "
        + "gzipped or not, format told by content).",
        "Bad files and records are skipped with one line each on stderr; the index is verified and committed once, "
            + "at the end, so an interrupted run changes nothing. Searches keep answering meanwhile."},
    footer = {"", "Examples:",
        "  paperdex index data/",
        "  paperdex index --index /tmp/idx feed1.xml listing.txt.gz",
        "  paperdex index --strict arxiv-metadata-oai-snapshot.json",
        "  paperdex index --rebuild ~/arxiv-harvest data/",
        "  paperdex index --quiet ~/arxiv-harvest   # no notes or progress bar; skips and errors still show",
        "",
        "On a terminal a progress bar (MB read, records, rate, time left) runs on stderr; otherwise only the summary "
            + "line is printed, on stdout."})
final class IndexCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files or directories to read.")
  private List<Path> sources;

  @Option(names = "--strict",
      description = "Fail (exit 1) and commit nothing when any file or record is skipped.")
  private boolean strict;

  @Option(names = "--rebuild",
      description = "Build a fresh index of just these sources and switch to it once it is complete and verified; "
          + "until then searches use the old one. Also the way to move an index to a new schema version.")
  private boolean rebuild;

  @Override
  public Integer call() throws Exception {
    IndexReport report = run(parent.indexLocation().path(), sources, strict, rebuild,
        parent.indexProgress(spec.commandLine(), true));
    spec.commandLine().getOut().println(report.summary());
    if (!report.committed()) {
      spec.commandLine().getErr().println("paperdex: --strict: " + report.skippedTotal()
          + " skipped, so nothing was committed; the index is as it was");
      return PaperdexCommand.EXIT_FAILURE;
    }
    return 0;
  }

  /**
   * Indexes {@code sources} into {@code indexDir} (a fresh index of just them when {@code rebuild}), telling
   * {@code progress} how it goes.
   */
  static IndexReport run(Path indexDir, List<Path> sources, boolean strict, boolean rebuild, IndexProgress progress)
      throws Exception {
    try (progress) {
      return Indexer.builder()
          .withIndex(indexDir)
          .withStrict(strict)
          .withRebuild(rebuild)
          .withListener(progress)
          .build()
          .index(sources);
    }
  }
}
