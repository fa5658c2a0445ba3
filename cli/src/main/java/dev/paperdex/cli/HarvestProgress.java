package dev.paperdex.cli;

import dev.paperdex.indexer.harvest.HarvestListener;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Shows a harvest's pages, records and waits on stderr, one line each. */
final class HarvestProgress implements HarvestListener {

  private final PrintWriter err;

  HarvestProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void pageSaved(SavedPage page) {
    if (page.records() == 0) {
      err.println("page " + page.number() + ": no records, nothing new");
      return;
    }
    String of = page.listSize() == null ? "" : " of " + page.listSize();
    err.println("page " + page.number() + ": " + page.records() + (page.records() == 1 ? " record" : " records")
        + " (" + page.runRecords() + of + ") → " + page.file().getFileName());
  }

  @Override
  public void waiting(Duration wait, String why) {
    err.println("waiting " + seconds(wait) + " s " + why);
  }

  @Override
  public void retrying(URI uri, String problem, int attempt, int maxAttempts) {
    err.println("attempt " + attempt + " of " + maxAttempts + " failed: " + problem + " (" + uri + ")");
  }

  @Override
  public void noted(String message) {
    err.println("note: " + message);
  }

  /** Seconds to a tenth, without a trailing {@code .0}: {@code 3}, {@code 2.4}. */
  private static String seconds(Duration wait) {
    String seconds = String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
    return seconds.endsWith(".0") ? seconds.substring(0, seconds.length() - 2) : seconds;
  }
}
