package dev.paperdex.indexer.harvest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The times in saved files' names, such as {@code 20261121T084500Z}: sortable, and safe in any file system. */
final class Stamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Stamps() {}

  /** The stamp of {@code time}, to the second. */
  static String of(Instant time) {
    return FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The time of a stamp. */
  static Instant parse(String stamp) {
    return FORMAT.parse(stamp, Instant::from);
  }

  /** The stamp of {@code now}, or a second after {@code previous} when that is not earlier, so names never repeat. */
  static String after(String previous, Instant now) {
    if (previous == null) {
      return of(now);
    }
    Instant next = parse(previous).plusSeconds(1);
    return of(now.isAfter(next) ? now : next);
  }
}
