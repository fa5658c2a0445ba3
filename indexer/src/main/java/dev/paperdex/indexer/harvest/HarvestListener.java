package dev.paperdex.indexer.harvest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Hears what a harvest does as it goes, to show progress. Every method does nothing by default. */
public interface HarvestListener {

  /**
   * A request is about to be sent.
   *
   * @param attempt 1 for the first try of this request, more for retries
   */
  default void requesting(URI uri, int attempt) {}

  /** The harvester waits before its next request; {@code why} says why, such as {@code between requests}. */
  default void waiting(Duration wait, String why) {}

  /**
   * A request failed and will be tried again.
   *
   * @param problem     what went wrong, such as {@code HTTP 503}
   * @param attempt     the attempt that failed, from 1
   * @param maxAttempts how many attempts the harvester makes before it gives up
   */
  default void retrying(URI uri, String problem, int attempt, int maxAttempts) {}

  /** A page was checked and saved, and the harvest state updated. */
  default void pageSaved(SavedPage page) {}

  /** Something the user should know that is not a page, such as a list restarted after its token expired. */
  default void noted(String message) {}

  /**
   * One page kept in the harvest directory.
   *
   * @param number      the page's number in its list (from 1)
   * @param file        the saved file, or {@code null} when the page held nothing to keep
   * @param records     the records on the page
   * @param runRecords  the records of this run so far
   * @param listSize    how many records the whole list holds, when the server says, else {@code null}
   */
  record SavedPage(int number, Path file, int records, long runRecords, Long listSize) {}
}
