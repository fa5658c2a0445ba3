package dev.paperdex.cli;

import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Runs, on a second thread, the slowest one-off set-up a command that analyses text needs from Lucene, while the main
 * thread reads the command line (picocli's annotations, a good part of a search's start-up): the KStem dictionary
 * that query words are stemmed with (some 40,000 words put in a map) and the standard tokenizer's tables; then the
 * JDK's sentence break iterator that abstract snippets are cut with (its rules are read from the JDK's locale data
 * once and kept: the highlighter gets a copy).
 *
 * <p>It is class initialisation, which the JVM runs once and makes any other thread that needs the class wait for,
 * and the break iterator's cache, which a thread that comes first fills itself: the work is the same and the results
 * too, only sooner. None of these classes' initialisers needs a class whose initialiser needs them back, so the two
 * threads cannot wait for each other.
 */
final class WarmUp {

  private WarmUp() {}

  /** Starts the warm-up, for a command that analyses text (a query, a paper's words); returns at once. */
  static void start() {
    Thread thread = new Thread(WarmUp::run, "paperdex-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      new KStemFilter(new StandardTokenizer());
      BreakIterator.getSentenceInstance(Locale.ROOT);
    } catch (LinkageError e) {
      // Then the main thread meets the same problem when it needs the class, and reports it.
    }
  }
}
