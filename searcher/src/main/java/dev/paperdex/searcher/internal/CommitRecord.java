package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.OtherSchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What every commit of a paperdex index records about itself, kept in Lucene's commit user data: the one place that
 * names those keys and encodes them, so that the indexer writes and the searcher reads the same thing.
 *
 * @param schemaVersion   the {@link PaperSchema#VERSION} the index was written with
 * @param papers          how many papers the commit holds
 * @param created         when the index was first built (or last rebuilt), or {@code null} when not recorded
 * @param committed       when this commit was made, or {@code null} when not recorded
 * @param paperdexVersion the version of paperdex that made this commit, or {@code null} when not recorded
 * @param sources         the source files the index was built from, one entry per path, latest reading wins
 */
public record CommitRecord(int schemaVersion, long papers, Instant created, Instant committed, String paperdexVersion,
                           List<IndexInfo.Source> sources) {

  private static final String SCHEMA_VERSION_KEY = PaperSchema.SCHEMA_VERSION_KEY;
  private static final String PAPERS_KEY = "paperdex.papers";
  private static final String CREATED_KEY = "paperdex.created";
  private static final String COMMITTED_KEY = "paperdex.committed";
  private static final String VERSION_KEY = "paperdex.version";
  private static final String SOURCES_KEY = "paperdex.sources";

  private static final String PAPERDEX_VERSION = readPaperdexVersion();

  /** Makes the source list immutable. */
  public CommitRecord {
    sources = List.copyOf(sources);
  }

  /** The version of this paperdex, as its build recorded it. */
  public static String currentPaperdexVersion() {
    return PAPERDEX_VERSION;
  }

  /**
   * Checks that a commit of the index in {@code indexDir} was written with this paperdex's schema version.
   *
   * @throws OtherSchemaException saying to rebuild, when it names another version or none
   */
  public static void requireCurrentSchema(Path indexDir, Map<String, String> userData) throws OtherSchemaException {
    String version = userData.get(SCHEMA_VERSION_KEY);
    if (!String.valueOf(PaperSchema.VERSION).equals(version)) {
      throw new OtherSchemaException(indexDir, version, decodeSources(userData.getOrDefault(SOURCES_KEY, "")));
    }
  }

  /** Reads a commit's user data; what it does not record is {@code null}, 0 or empty. */
  public static CommitRecord fromUserData(Map<String, String> userData) {
    return new CommitRecord(
        parseInt(userData.get(SCHEMA_VERSION_KEY)),
        parseLong(userData.get(PAPERS_KEY)),
        parseInstant(userData.get(CREATED_KEY)),
        parseInstant(userData.get(COMMITTED_KEY)),
        userData.get(VERSION_KEY),
        decodeSources(userData.getOrDefault(SOURCES_KEY, "")));
  }

  /** The user data to store with a commit. */
  public Map<String, String> toUserData() {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_VERSION_KEY, String.valueOf(schemaVersion));
    data.put(PAPERS_KEY, String.valueOf(papers));
    putIfKnown(data, CREATED_KEY, created);
    putIfKnown(data, COMMITTED_KEY, committed);
    putIfKnown(data, VERSION_KEY, paperdexVersion);
    data.put(SOURCES_KEY, encodeSources(sources));
    return data;
  }

  /**
   * The sources of {@code earlier} updated by the files of a new run: a path read again gets its new size and time,
   * a new path is added, the rest are kept, all in path order.
   */
  public static List<IndexInfo.Source> mergeSources(List<IndexInfo.Source> earlier, List<IndexInfo.Source> latest) {
    Map<String, IndexInfo.Source> byPath = new java.util.TreeMap<>();
    earlier.forEach(source -> byPath.put(source.path(), source));
    latest.forEach(source -> byPath.put(source.path(), source));
    return new ArrayList<>(byPath.values());
  }

  private static void putIfKnown(Map<String, String> data, String key, Object value) {
    if (value != null) {
      data.put(key, value.toString());
    }
  }

  /** One line a source: size, modification time in epoch milliseconds and path, tab-separated; path escaped. */
  private static String encodeSources(List<IndexInfo.Source> sources) {
    StringBuilder text = new StringBuilder();
    for (IndexInfo.Source source : sources) {
      text.append(source.size()).append('\t').append(source.modified().toEpochMilli()).append('\t')
          .append(source.path().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append('\n');
    }
    return text.toString();
  }

  private static List<IndexInfo.Source> decodeSources(String text) {
    List<IndexInfo.Source> sources = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length < 3) {
        continue;
      }
      try {
        sources.add(new IndexInfo.Source(unescape(parts[2]), Long.parseLong(parts[0]),
            Instant.ofEpochMilli(Long.parseLong(parts[1]))));
      } catch (NumberFormatException notOurs) {
        // A line another writer put there: the record is informative, so it is left out rather than fatal.
      }
    }
    return sources;
  }

  private static String unescape(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        char next = path.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long parseLong(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant parseInstant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String readPaperdexVersion() {
    try (InputStream in = CommitRecord.class.getResourceAsStream("paperdex-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
