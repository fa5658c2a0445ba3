package dev.paperdex.indexer.harvest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one harvest run did.
 *
 * @param pages    the pages fetched and checked
 * @param records  the records on them (OAI-PMH records, deleted ones included, or API entries)
 * @param files    the files saved, in harvest order
 * @param upToDate whether the run reached the end of what is new; {@code false} when it stopped early (a failure)
 * @param took     how long the run took
 */
public record HarvestReport(int pages, long records, List<Path> files, boolean upToDate, Duration took) {

  /** Makes the file list immutable. */
  public HarvestReport {
    files = List.copyOf(files);
  }

  /** One line for the user, such as {@code fetched 3 pages, 2104 records}. */
  public String summary() {
    return "fetched " + pages + (pages == 1 ? " page, " : " pages, ") + records
        + (records == 1 ? " record" : " records");
  }
}
