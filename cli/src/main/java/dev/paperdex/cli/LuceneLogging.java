package dev.paperdex.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lucene logs start-up advice (such as the vector module hint) through java.util.logging, which is noise for a
 * terminal user: only its severe messages are shown.
 */
final class LuceneLogging {

  /** Held so the setting is not garbage-collected. */
  private static Logger luceneLogger;

  private LuceneLogging() {}

  /** Shows only Lucene's severe messages from now on; any thread may call it, as often as it likes. */
  static synchronized void silence() {
    if (luceneLogger == null) {
      luceneLogger = Logger.getLogger("org.apache.lucene");
      luceneLogger.setLevel(Level.SEVERE);
    }
  }
}
