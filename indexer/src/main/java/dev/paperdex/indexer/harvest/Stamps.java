package dev.paperdex.indexer.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The times in saved files' names, such as {@code 20261121T084500Z}: sortable, and safe in any file system. */
final class Stamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A saved page's name, such as {@code oai-arXiv-cs-20261121T084500Z-00001.xml.gz}, with its stamp. */
  private static final Pattern IN_NAME = Pattern.compile("-(\\d{8}T\\d{6}Z)-\\d+\\.xml\\.gz$");

  private Stamps() {}

  /** The stamp of {@code time}, to the second. */
  static String of(Instant time) {
    return FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The time of a stamp. */
  static Instant parse(String stamp) {
    return FORMAT.parse(stamp, Instant::from);
  }

  /** The latest stamp in the names of the pages saved in {@code dir}, or {@code null} when there are none. */
  static String latestIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> IN_NAME.matcher(path.getFileName().toString()))
          .filter(Matcher::find)
          .map(matcher -> matcher.group(1))
          .max(Comparator.naturalOrder())
          .orElse(null);
    }
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
