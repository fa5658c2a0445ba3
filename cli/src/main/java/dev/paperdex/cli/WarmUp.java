package dev.paperdex.cli;

import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Runs, on a second thread, the slowest one-off set-up a command that reads the index needs from Lucene, while the
 * main thread reads the command line (picocli's annotations, a good part of a search's start-up): the KStem
 * dictionary that query words are stemmed with (some 40,000 words put in a map), the standard tokenizer's tables, and
 * MMapDirectory's native {@code madvise} link. Together they were about a fifth of a search's start-up time, all on
 * the main thread.
 *
 * <p>It is all class initialisation, which the JVM runs once and makes any other thread that needs the class wait
 * for: the work is the same and the results too, only sooner. None of these classes' initialisers needs a class
 * whose initialiser needs them back, so the two threads cannot wait for each other.
 */
final class WarmUp {

  /** The commands that open the index, and of them those that analyse text (a query, a paper's words). */
  private static final Set<String> OPEN_THE_INDEX = Set.of("search", "similar", "show");
  private static final Set<String> ANALYSE_TEXT = Set.of("search", "similar");

  private WarmUp() {}

  /** Starts the warm-up when {@code args} name a command that reads the index; returns at once. */
  static void startFor(String... args) {
    if (Arrays.stream(args).noneMatch(OPEN_THE_INDEX::contains)) {
      return;
    }
    boolean analysesText = Arrays.stream(args).anyMatch(ANALYSE_TEXT::contains);
    Thread thread = new Thread(() -> run(analysesText), "paperdex-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run(boolean analysesText) {
    try {
      Class.forName("org.apache.lucene.store.MMapDirectory", true, WarmUp.class.getClassLoader());
      if (analysesText) {
        new KStemFilter(new StandardTokenizer());
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // Then the main thread meets the same problem when it needs the class, and reports it.
    }
  }
}
