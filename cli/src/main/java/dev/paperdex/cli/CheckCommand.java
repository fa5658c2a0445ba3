package dev.paperdex.cli;

import dev.paperdex.indexer.IndexBusyException;
import dev.paperdex.searcher.IndexProblemException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex check}: Lucene's CheckIndex over the index, failing on any damage. */
@Command(name = "check",
    mixinStandardHelpOptions = true,
    description = {"Verify the index with Lucene's CheckIndex: every segment, its postings, stored fields and doc "
        + "values. Exits 0 when the index is healthy, 1 when it is damaged, missing or being written."},
    footer = {"", "Examples:",
        "  paperdex check",
        "  paperdex check --index /srv/paperdex/index && echo healthy"})
final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path index = parent.indexLocation().path();
    if (!Files.isDirectory(index)) {
      throw IndexProblemException.noIndex(index);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (FSDirectory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        throw IndexProblemException.noIndex(index);
      }
      CheckIndex.Status status;
      try (CheckIndex check = new CheckIndex(directory)) {
        status = check.checkIndex();
      } catch (LockObtainFailedException e) {
        throw IndexBusyException.locked(index, "check it when that run has finished", e);
      }
      if (status.clean) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          out.printf("index is healthy: %,d papers in %d %s (%s)%n", reader.numDocs(), status.numSegments,
              status.numSegments == 1 ? "segment" : "segments", index);
        }
        return 0;
      }
      spec.commandLine().getErr().println("paperdex: the index at " + index + " is damaged: "
          + (status.missingSegments ? "its commit point cannot be read"
              : status.numBadSegments + " of " + status.numSegments + " segments are broken")
          + "; rebuild it from your sources with `paperdex index --rebuild SOURCE…`");
      return PaperdexCommand.EXIT_FAILURE;
    }
  }
}
