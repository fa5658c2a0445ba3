package dev.paperdex.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code paperdex} command's entry point. */
public final class Main {

  /**
   * Held so the setting is not garbage-collected: Lucene logs start-up advice (such as the vector module hint)
   * through java.util.logging, which is noise for a terminal user.
   */
  private static final Logger LUCENE_LOGGER = Logger.getLogger("org.apache.lucene");

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    LUCENE_LOGGER.setLevel(Level.SEVERE);
    System.exit(PaperdexCommand.commandLine(Environment.system()).execute(args));
  }
}
