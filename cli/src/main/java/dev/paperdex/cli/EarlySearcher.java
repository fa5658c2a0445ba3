package dev.paperdex.cli;

import dev.paperdex.searcher.PaperSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The index, opened on a second thread as soon as the command line names a command that reads it, while the main
 * thread builds and parses the command line: opening it (finding Lucene's codecs, which opens every jar on the class
 * path, and reading the segments) was a third of a quick search's time before the query.
 *
 * <p>It is only a head start: the command takes the searcher for the index it resolved from the parsed command line
 * ({@link #take}), and opens that index itself when it is another one or the early opening failed, so that what the
 * user sees, errors included, is what it would have been without it. A searcher nobody took is closed
 * ({@link #discard}).
 */
final class EarlySearcher {

  private final Path index;
  private final CompletableFuture<PaperSearcher> opening = new CompletableFuture<>();
  private boolean taken;

  private EarlySearcher(Path index) {
    this.index = index;
  }

  /** Starts opening the index in {@code index} for one-shot use; returns at once. */
  static EarlySearcher start(Path index) {
    EarlySearcher early = new EarlySearcher(index);
    Thread thread = new Thread(early::open, "paperdex-open-index");
    thread.setDaemon(true);
    thread.start();
    return early;
  }

  private void open() {
    try {
      // Opening the index is where Lucene may first log; it must find its logger silenced.
      LuceneLogging.silence();
      opening.complete(PaperSearcher.openForOneShot(index));
    } catch (Throwable e) { // whatever it is, the command must not wait for ever, and meets it again itself
      opening.completeExceptionally(e);
    }
  }

  /**
   * The searcher for {@code index}: the one opened early when it is for that index and opened, else one opened now
   * (which reports the problem, if there is one, just as a command that opened it itself would).
   */
  synchronized PaperSearcher take(Path index) throws IOException {
    if (!taken && index.equals(this.index)) {
      taken = true;
      try {
        return opening.join();
      } catch (RuntimeException e) {
        // Opened again below: then the failure, or success in the meantime (a first search building the index of
        // the bundled data), is the command's own.
      }
    }
    discard();
    return PaperSearcher.openForOneShot(index);
  }

  /** Closes the searcher opened early unless a command took it, when it is opened; returns at once. */
  synchronized void discard() {
    if (taken) {
      return;
    }
    taken = true;
    opening.thenAccept(EarlySearcher::close);
  }

  private static void close(PaperSearcher searcher) {
    try {
      searcher.close();
    } catch (IOException e) {
      // Nothing was written: a searcher that was never used has nothing to lose.
    }
  }
}
