package dev.paperdex.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** The {@code paperdex} command's entry point. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its exit code. With the system property {@code paperdex.training} set to an
   * index directory, runs the launcher's start-up training session on it instead (see {@link StartupTraining}); only
   * its searches when {@code paperdex.training.session} is {@code search}.
   */
  public static void main(String[] args) {
    // picocli otherwise looks for Groovy's Closure class on the whole class path at start-up, and fails.
    System.setProperty("picocli.disable.closures", "true");
    String trainingIndex = System.getProperty("paperdex.training");
    if (trainingIndex != null) {
      LuceneLogging.silence();
      if ("search".equals(System.getProperty("paperdex.training.session"))) {
        StartupTraining.runSearches(Environment.system(), Path.of(trainingIndex));
      } else {
        StartupTraining.run(Environment.system(), Path.of(trainingIndex));
      }
      System.exit(0);
    }
    CommandLine commandLine = PaperdexCommand.commandLine(Environment.system(), args);
    // Only now: setting up java.util.logging looks for logging providers in every jar on the class path, and the
    // command line has started Lucene's warm-up (see WarmUp) and the index's opening (see EarlySearcher) meanwhile.
    LuceneLogging.silence();
    System.exit(commandLine.execute(args));
  }
}
