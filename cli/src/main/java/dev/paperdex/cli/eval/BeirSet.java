package dev.paperdex.cli.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paperdex.indexer.parse.SourceFile;
import dev.paperdex.indexer.parse.Utf8Lines;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A test collection in BEIR's format: a corpus ({@code corpus.jsonl}, one {@code {"_id", "title", "text"}} object a
 * line), queries ({@code queries.jsonl}, one {@code {"_id", "text"}} object a line) and relevance judgments (a qrels
 * TSV file whose first line is the header {@code query-id<TAB>corpus-id<TAB>score}, then one judgment a line).
 *
 * <p>Each file may be gzipped, told by its first bytes, not its name. Files are read as strict UTF-8, line by line
 * (by {@link Utf8Lines}); blank lines are skipped, and a line longer than {@link Utf8Lines#MAX_LINE_BYTES} is refused. The queries and judgments are read at once by {@link #read}; the corpus is streamed by
 * {@link #corpus()}, so a corpus of any size needs little memory. Anything malformed is a {@link BadFileException}
 * naming the file and line.
 *
 * <p>As in BEIR, only queries with judgments are evaluated: the qrels select the queries, so a split needs no option
 * of its own. Every judged query must be in the queries file. Ids may not contain white space, since TREC run and
 * qrels files could not hold them.
 */
public final class BeirSet {

  /** How much of a malformed value an error message quotes. */
  private static final int QUOTED_CHARS = 60;
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s");
  private static final ObjectReader JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .reader();

  /**
   * One corpus document.
   *
   * @param id    its {@code _id}
   * @param title its {@code title}, or {@code null}
   * @param text  its {@code text}, or {@code null}
   * @param line  the line of the corpus file it was read from
   */
  public record Doc(String id, String title, String text, long line) {}

  /**
   * One judged query.
   *
   * @param id         its {@code _id}
   * @param text       its {@code text}
   * @param judgments  corpus id to relevance grade, in the qrels file's order: 1 or more is relevant, 0 and less is
   *                   judged not relevant
   */
  public record Query(String id, String text, Map<String, Integer> judgments) {

    /** Makes the judgments immutable, keeping their order. */
    public Query {
      judgments = Collections.unmodifiableMap(new LinkedHashMap<>(judgments));
    }

    /** Whether any judged document is relevant (grade 1 or more). */
    public boolean hasRelevant() {
      return judgments.values().stream().anyMatch(grade -> grade >= Metrics.RELEVANT_GRADE);
    }
  }

  /** A malformed file: the message is {@code file, line N: what is wrong}, one line for the user. */
  public static final class BadFileException extends RuntimeException {

    BadFileException(Path file, long line, String problem) {
      super(file + ", line " + line + ": " + problem);
    }

    BadFileException(Path file, String problem) {
      super(file + ": " + problem);
    }
  }

  private final Path corpusFile;
  private final List<Query> queries;

  private BeirSet(Path corpusFile, List<Query> queries) {
    this.corpusFile = corpusFile;
    this.queries = List.copyOf(queries);
  }

  /**
   * Reads the judgments and the judged queries, and checks that the corpus can be opened (it is read later, by
   * {@link #corpus()}).
   *
   * @throws BadFileException            when the queries or qrels are malformed, or a judged query has no text
   * @throws java.nio.file.NoSuchFileException when a file is missing
   * @throws IOException                 when a file cannot be read
   */
  public static BeirSet read(Path corpus, Path queries, Path qrels) throws IOException {
    for (Path file : List.of(corpus, queries, qrels)) {
      if (Files.isDirectory(file)) {
        throw new BadFileException(file, "is a directory: name the file in it");
      }
    }
    try (InputStream check = open(corpus)) {
      check.read();
    }
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    Map<String, Long> firstLines = new HashMap<>();
    readQrels(qrels, judgments, firstLines);
    Map<String, String> texts = readQueries(queries, judgments.keySet());
    List<Query> judged = new ArrayList<>();
    for (Map.Entry<String, String> query : texts.entrySet()) {
      judged.add(new Query(query.getKey(), query.getValue(), judgments.get(query.getKey())));
    }
    for (String id : judgments.keySet()) {
      if (!texts.containsKey(id)) {
        throw new BadFileException(qrels, firstLines.get(id), "query '" + id + "' is not in " + queries);
      }
    }
    return new BeirSet(corpus, judged);
  }

  /** The judged queries, in the queries file's order. */
  public List<Query> queries() {
    return queries;
  }

  /** The corpus file. */
  public Path corpusFile() {
    return corpusFile;
  }

  /** The ids of the documents judged relevant (grade 1 or more) to any judged query, each once. */
  public Set<String> relevantDocIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Query query : queries) {
      query.judgments().forEach((doc, grade) -> {
        if (grade >= Metrics.RELEVANT_GRADE) {
          ids.add(doc);
        }
      });
    }
    return ids;
  }

  /**
   * Streams the corpus, one document a line. Close it when done. Its iterator throws {@link BadFileException} for a
   * malformed line and {@link UncheckedIOException} when the file cannot be read.
   */
  public Corpus corpus() throws IOException {
    return new Corpus(corpusFile);
  }

  /** The corpus documents, read one line at a time. */
  public static final class Corpus implements Iterator<Doc>, Closeable {
    private final Path file;
    private final Utf8Lines lines;
    private Doc next;

    private Corpus(Path file) throws IOException {
      this.file = file;
      this.lines = lines(file);
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          String line = nextLine(file, lines);
          if (line != null) {
            next = doc(file, lines.number(), line);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return next != null;
    }

    @Override
    public Doc next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Doc doc = next;
      next = null;
      return doc;
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }

  // ---- reading ----

  private static void readQrels(Path file, Map<String, Map<String, Integer>> judgments, Map<String, Long> firstLines)
      throws IOException {
    Map<String, Long> judgedOn = new HashMap<>();
    try (Utf8Lines lines = lines(file)) {
      String line = nextLine(file, lines);
      if (line == null) {
        throw new BadFileException(file, "the file is empty: expected the header line "
            + "query-id<TAB>corpus-id<TAB>score and one judgment a line");
      }
      String[] header = line.split("\t", -1);
      if (header.length != 3 || isInteger(header[2].strip())) {
        throw new BadFileException(file, lines.number(), "expected the header line query-id<TAB>corpus-id<TAB>score, "
            + "found " + (header.length == 3 ? "a judgment" : quoted(line)) + ": BEIR qrels start with a header");
      }
      while ((line = nextLine(file, lines)) != null) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
          throw new BadFileException(file, lines.number(), "expected 3 tab-separated fields (query-id, corpus-id, "
              + "score), found " + fields.length + (fields.length == 1 && line.contains(" ")
              ? " (fields are separated by tabs, not spaces)" : ""));
        }
        String query = id(file, lines.number(), "query-id", fields[0].strip());
        String doc = id(file, lines.number(), "corpus-id", fields[1].strip());
        String score = fields[2].strip();
        if (!isInteger(score)) {
          throw new BadFileException(file, lines.number(), "the score " + quoted(score) + " is not a whole number");
        }
        int grade = Integer.parseInt(score);
        Map<String, Integer> ofQuery = judgments.computeIfAbsent(query, id -> new LinkedHashMap<>());
        firstLines.putIfAbsent(query, lines.number());
        Integer before = ofQuery.putIfAbsent(doc, grade);
        String pair = query + "\t" + doc;
        if (before != null && before != grade) {
          throw new BadFileException(file, lines.number(), "query '" + query + "' judges '" + doc + "' " + grade
              + " here but " + before + " on line " + judgedOn.get(pair));
        }
        judgedOn.putIfAbsent(pair, lines.number());
      }
    }
    if (judgments.isEmpty()) {
      throw new BadFileException(file, "there are no judgments after the header line");
    }
  }

  private static boolean isInteger(String text) {
    if (text.isEmpty() || text.length() > 10) {
      return false;
    }
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The texts of the queries in {@code wanted}, in the file's order; every line is checked, wanted or not. */
  private static Map<String, String> readQueries(Path file, Set<String> wanted) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Long> seenOn = new HashMap<>();
    try (Utf8Lines lines = lines(file)) {
      String line;
      while ((line = nextLine(file, lines)) != null) {
        JsonNode query = object(file, lines.number(), line, "{\"_id\": \"…\", \"text\": \"…\"}");
        String id = id(file, lines.number(), "_id", stringField(file, lines.number(), query, "_id"));
        String text = stringField(file, lines.number(), query, "text");
        Long before = seenOn.putIfAbsent(id, lines.number());
        if (before != null) {
          throw new BadFileException(file, lines.number(), "query '" + id + "' was already given on line " + before);
        }
        if (wanted.contains(id)) {
          if (text == null || text.isBlank()) {
            throw new BadFileException(file, lines.number(), "query '" + id + "' has no \"text\"");
          }
          texts.put(id, text);
        }
      }
    }
    return texts;
  }

  private static Doc doc(Path file, long number, String line) {
    JsonNode doc = object(file, number, line, "{\"_id\": \"…\", \"title\": \"…\", \"text\": \"…\"}");
    String id = id(file, number, "_id", stringField(file, number, doc, "_id"));
    return new Doc(id, stringField(file, number, doc, "title"), stringField(file, number, doc, "text"), number);
  }

  private static JsonNode object(Path file, long number, String line, String example) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadFileException(file, number, "not valid JSON: " + shortReason(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      String type = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new BadFileException(file, number, "expected a JSON object such as " + example + ", found a JSON " + type);
    }
    return node;
  }

  /** A string field's value, or {@code null} when it is missing or null; numbers are taken as written. */
  private static String stringField(Path file, long number, JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw new BadFileException(file, number, "\"" + name + "\" must be a string, not a JSON "
          + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  private static String id(Path file, long number, String name, String id) {
    if (id == null || id.isBlank()) {
      throw new BadFileException(file, number, "the " + name + " is missing or empty");
    }
    if (WHITE_SPACE.matcher(id).find()) {
      throw new BadFileException(file, number, "the " + name + " " + quoted(id)
          + " contains white space, which TREC run and qrels files cannot hold");
    }
    return id;
  }

  private static String quoted(String text) {
    String shown = text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "…" : text;
    return "'" + shown.replace("\t", "\\t") + "'";
  }

  /** Jackson's message without the source excerpt: one short line with the column. */
  private static String shortReason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    if (message.startsWith("Trailing token")) {
      message = "unexpected text after the JSON value";
    }
    for (String cut : new String[] {"\n", " (start marker", " at [Source"}) {
      int at = message.indexOf(cut);
      if (at > 0) {
        message = message.substring(0, at);
      }
    }
    if (message.length() > 2 * QUOTED_CHARS) {
      message = message.substring(0, 2 * QUOTED_CHARS) + "…";
    }
    JsonLocation location = e.getLocation();
    return location != null && location.getColumnNr() > 0 ? message + " (column " + location.getColumnNr() + ")"
        : message;
  }

  /** A file, gzipped or not, as buffered bytes. */
  private static InputStream open(Path file) throws IOException {
    try {
      return new SourceFile(file).open();
    } catch (ZipException | EOFException e) {
      throw new BadFileException(file, "starts like a gzip file but is not one (" + reason(e) + ")");
    }
  }

  /** The lines of a file, gzipped or not. */
  private static Utf8Lines lines(Path file) throws IOException {
    return new Utf8Lines(open(file));
  }

  /**
   * The next line that is not blank, as strict UTF-8 without its line break (and a byte order mark), or {@code null}
   * at the end; a line that is too long, not UTF-8 or in damaged gzip data is a {@link BadFileException}.
   */
  private static String nextLine(Path file, Utf8Lines lines) throws IOException {
    while (true) {
      try {
        if (!lines.next()) {
          return null;
        }
      } catch (ZipException | EOFException e) {
        throw new BadFileException(file, lines.number() + 1, "the gzip data is damaged or cut short (" + reason(e)
            + ")");
      }
      if (lines.tooLong()) {
        throw new BadFileException(file, lines.number(), "the line is longer than " + (lines.maxLineBytes() >> 20)
            + " MB");
      }
      if (!lines.decode()) {
        throw new BadFileException(file, lines.number(), "not valid UTF-8 (" + lines.decodeError() + ")");
      }
      String text = lines.text();
      if (!text.isBlank()) {
        return text;
      }
    }
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
