package dev.paperdex.cli;

import dev.paperdex.indexer.harvest.HarvestClock;
import dev.paperdex.indexer.harvest.HarvestListener;
import dev.paperdex.indexer.harvest.Harvester;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options {@code harvest} and {@code update} share: what to fetch, into which directory, and how politely. */
final class HarvestOptions {

  @Option(names = "--dir", paramLabel = "DIR",
      description = "The harvest directory (default: $PAPERDEX_HARVEST, else $XDG_DATA_HOME/paperdex/harvest, "
          + "else ~/.local/share/paperdex/harvest). One directory holds one harvest.")
  Path dir;

  @Option(names = "--query", paramLabel = "QUERY",
      description = "Harvest the arXiv API with this query, in arXiv's syntax (such as 'cat:cs.DC'), newest update "
          + "first, instead of OAI-PMH.")
  String query;

  @Option(names = "--metadata", paramLabel = "FORMAT",
      description = "OAI-PMH metadata format: arXiv (default), arXivRaw (with every version) or oai_dc.")
  String metadata;

  @Option(names = "--set", paramLabel = "SET",
      description = "OAI-PMH set, such as cs, math or physics:hep-th (default: all of arXiv).")
  String set;

  @Option(names = "--from", paramLabel = "DAY", converter = DayConverter.Since.class,
      description = "OAI-PMH: the first day (of arXiv's datestamps) to fetch. Needed the first time; later runs "
          + "go on from the day the last complete run started.")
  LocalDate from;

  @Option(names = "--until", paramLabel = "DAY", converter = DayConverter.Until.class,
      description = "OAI-PMH: the last day to fetch (default: up to now).")
  LocalDate until;

  @Option(names = "--max-results", paramLabel = "N",
      description = "API: records per page, 1 to 2000 (default: " + Harvester.DEFAULT_PAGE_SIZE + ").")
  Integer maxResults;

  @Option(names = "--max-records", paramLabel = "N",
      description = "API: end a pass after the N newest records (default: all down to the last run's newest).")
  Long maxRecords;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The server (default: https://oaipmh.arxiv.org/oai, or https://export.arxiv.org/api/query "
          + "with --query).")
  URI endpoint;

  @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "3",
      description = "Seconds between requests, 3 or more as arXiv asks (default: ${DEFAULT-VALUE}).")
  double delay;

  @Option(names = "--max-retries", paramLabel = "N", defaultValue = "" + Harvester.DEFAULT_MAX_RETRIES,
      description = "How often a failed request is tried again before the run stops (default: ${DEFAULT-VALUE}).")
  int maxRetries;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Seconds one response may take (default: ${DEFAULT-VALUE}).")
  double timeout;

  /** The harvest directory: {@code --dir}, else {@code $PAPERDEX_HARVEST}, else beside the default index. */
  Path directory(Environment env) {
    if (dir != null) {
      return dir;
    }
    return env.get("PAPERDEX_HARVEST")
        .map(Path::of)
        .orElseGet(() -> IndexLocation.dataHome(env).resolve("paperdex").resolve("harvest"));
  }

  /** A harvester with these options; settings that break arXiv's rules or each other throw IllegalArgumentException. */
  Harvester harvester(Path directory, HarvestClock clock, HarvestListener listener) {
    Harvester.Builder builder = Harvester.builder()
        .withDirectory(directory)
        .withQuery(query)
        .withMetadataFormat(metadata)
        .withSet(set)
        .withFrom(from)
        .withUntil(until)
        .withEndpoint(endpoint)
        .withDelay(seconds(delay))
        .withMaxRetries(maxRetries)
        .withTimeout(seconds(timeout))
        .withClock(clock)
        .withListener(listener);
    if (maxResults != null) {
      builder.withPageSize(maxResults);
    }
    if (maxRecords != null) {
      builder.withMaxRecords(maxRecords);
    }
    return builder.build();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
