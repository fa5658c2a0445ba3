package dev.paperdex.cli;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code paperdex} command's entry point. */
public final class Main {

  /**
   * Held so the setting is not garbage-collected: Lucene logs start-up advice (such as the vector module hint)
   * through java.util.logging, which is noise for a terminal user.
   */
  private static final Logger LUCENE_LOGGER = Logger.getLogger("org.apache.lucene");

  private Main() {}

  /**
   * Runs the command line and exits with its exit code. With the system property {@code paperdex.training} set to an
   * index directory, runs the launcher's start-up training session on it instead (see {@link StartupTraining}).
   */
  public static void main(String[] args) {
    LUCENE_LOGGER.setLevel(Level.SEVERE);
    // picocli otherwise looks for Groovy's Closure class on the whole class path at start-up, and fails.
    System.setProperty("picocli.disable.closures", "true");
    String trainingIndex = System.getProperty("paperdex.training");
    if (trainingIndex != null) {
      StartupTraining.run(Environment.system(), Path.of(trainingIndex));
      System.exit(0);
    }
    System.exit(PaperdexCommand.commandLine(Environment.system(), args).execute(args));
  }
}
