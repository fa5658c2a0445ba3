package dev.paperdex.indexer.harvest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A listener that writes down what a harvest tells it, one short line each, for assertions. */
final class Heard implements HarvestListener {

  final List<String> lines = new ArrayList<>();
  private final boolean waits;

  /** @param waits whether to write down the waits too */
  Heard(boolean waits) {
    this.waits = waits;
  }

  @Override
  public void waiting(Duration wait, String why) {
    if (waits) {
      lines.add("wait " + wait.toSeconds() + " s " + why);
    }
  }

  @Override
  public void retrying(URI uri, String problem, int attempt, int maxAttempts) {
    lines.add("retry " + attempt + "/" + maxAttempts + ": " + problem);
  }

  @Override
  public void pageSaved(SavedPage page) {
    lines.add("page " + page.number() + ": " + page.records() + " records, " + page.runRecords() + " of "
        + page.listSize());
  }

  @Override
  public void noted(String message) {
    lines.add("note " + message);
  }
}
