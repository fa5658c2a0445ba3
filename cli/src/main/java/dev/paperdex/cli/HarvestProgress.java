package dev.paperdex.cli;

import dev.paperdex.indexer.harvest.HarvestListener;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a harvest's pages, records and waits on stderr: on a terminal as a progress bar over the records of the list
 * (when the server says how many there are) with the wait before the next request beside it; elsewhere one line per
 * page and wait. Retries and notes always get a line of their own; under {@code --quiet} nothing shows but errors.
 */
final class HarvestProgress implements HarvestListener, AutoCloseable {

  private final PrintWriter err;
  private final boolean showBar;
  private final boolean quiet;
  private final int columns;
  private StderrBar bar;

  /**
   * @param showBar whether to draw a bar: stderr is a terminal and the user did not ask for quiet
   * @param quiet   whether to show nothing but errors
   * @param columns the terminal's width
   */
  HarvestProgress(PrintWriter err, boolean showBar, boolean quiet, int columns) {
    this.err = err;
    this.showBar = showBar && !quiet;
    this.quiet = quiet;
    this.columns = columns;
  }

  @Override
  public void pageSaved(SavedPage page) {
    if (showBar) {
      if (bar == null) {
        bar = new StderrBar(err, "harvesting", page.listSize() == null ? 0 : page.listSize(), "", 1, columns);
      }
      if (page.listSize() != null) {
        bar.maxHint(page.listSize());
      }
      bar.stepTo(page.runRecords());
      bar.message(page.number() + (page.number() == 1 ? " page" : " pages"));
      return;
    }
    if (page.records() == 0) {
      println("page " + page.number() + ": no records, nothing new");
      return;
    }
    String of = page.listSize() == null ? "" : " of " + page.listSize();
    println("page " + page.number() + ": " + page.records() + (page.records() == 1 ? " record" : " records")
        + " (" + page.runRecords() + of + ") → " + page.file().getFileName());
  }

  @Override
  public void waiting(Duration wait, String why) {
    if (bar != null) {
      bar.message("waiting " + seconds(wait) + " s " + why);
    } else {
      println("waiting " + seconds(wait) + " s " + why);
    }
  }

  @Override
  public void retrying(URI uri, String problem, int attempt, int maxAttempts) {
    println("attempt " + attempt + " of " + maxAttempts + " failed: " + problem + " (" + uri + ")");
  }

  @Override
  public void noted(String message) {
    println("note: " + message);
  }

  private void println(String message) {
    if (!quiet) {
      StderrBar.println(err, bar, message);
    }
  }

  /** Takes the bar away, so that the summary starts on a clean line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** Seconds to a tenth, without a trailing {@code .0}: {@code 3}, {@code 2.4}. */
  private static String seconds(Duration wait) {
    String seconds = String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
    return seconds.endsWith(".0") ? seconds.substring(0, seconds.length() - 2) : seconds;
  }
}
