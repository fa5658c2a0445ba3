package dev.paperdex.indexer.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.indexer.normalize.ArxivId;
import dev.paperdex.indexer.normalize.Authors;
import dev.paperdex.searcher.internal.TeX;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the Kaggle/Cornell arXiv metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}): JSON lines, one object
 * per paper with the keys {@code id, submitter, authors, title, comments, journal-ref, doi, report-no, categories,
 * license, abstract, versions, update_date, authors_parsed}, and in some copies {@code msc-class} and
 * {@code acm-class}. Any of them may be {@code null}; {@code versions} may be empty and {@code authors_parsed} absent.
 *
 * <p>The file is streamed line by line as bytes, so a snapshot of any size is never held in memory. Each line is
 * decoded as strict UTF-8 and parsed on its own: a broken line is one skip, and reading goes on with the next.
 */
final class KaggleJsonParser implements PaperParser {

  /** A line longer than this is dropped unread, so a file without line breaks cannot exhaust memory. */
  static final int MAX_LINE_BYTES = Utf8Lines.MAX_LINE_BYTES;

  private static final ObjectReader JSON = new ObjectMapper().reader();
  private static final int MAX_DETAIL_CHARS = 160;

  /** {@code versions[].created} without its weekday, for the rare date whose weekday does not match. */
  private static final DateTimeFormatter CREATED_NO_WEEKDAY =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss[ 'GMT']", Locale.ENGLISH);
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  /**
   * Comments that say the paper was withdrawn: "This paper has been withdrawn (by the author)", "withdrawn by
   * arXiv admin", or a sentence that starts with "Withdrawn" ("Withdrawn due to an error"), but not "withdrawn from
   * ApJ" nor a mention of another withdrawn paper.
   */
  private static final Pattern WITHDRAWN = Pattern.compile(
      "\\b(?:this|the) (?:paper|article|submission|manuscript|preprint|reprint|e-?print|version)(?: of the paper)?"
          + " (?:has (?:now )?been|is|was|is being|is hereby) withdrawn"
          + "|\\bwithdrawn by (?:the )?(?:authors?|arxiv)"
          + "|(?:^|[.;]\\s+)\\W*(?:paper |article )?(?:(?:has been|is) )?withdrawn\\b(?! from)",
      Pattern.CASE_INSENSITIVE);
  /** The word every sentence of {@link #WITHDRAWN} has. */
  private static final String WITHDRAWN_WORD = "withdrawn";
  /** The size arXiv gives a withdrawn version. */
  private static final String WITHDRAWN_SIZE = "0kb";

  @Override
  public void parse(SourceFile file, RecordSink sink) throws IOException {
    String name = file.name();
    try (Utf8Lines lines = new Utf8Lines(file.open(), MAX_LINE_BYTES)) {
      while (lines.next()) {
        long number = lines.number();
        if (lines.tooLong()) {
          sink.skip(new Skip(name, "line " + number, SkipReason.FIELD_TOO_LONG,
              "the line is longer than " + (MAX_LINE_BYTES >> 20) + " MB"));
          continue;
        }
        if (lines.isBlank()) {
          continue;
        }
        if (!lines.decode()) {
          sink.skip(new Skip(name, "line " + number, SkipReason.MALFORMED,
              "invalid UTF-8 (" + lines.decodeError() + ")"));
          continue;
        }
        Record record;
        try {
          record = readRecord(lines.chars(), lines.charCount());
        } catch (JsonProcessingException e) {
          sink.skip(new Skip(name, "line " + number, SkipReason.MALFORMED, shortReason(e)));
          continue;
        }
        if (record.notAnObject != null) {
          sink.skip(new Skip(name, "line " + number, SkipReason.MALFORMED,
              "the line is a JSON " + record.notAnObject + ", not an object"));
          continue;
        }
        read(record, name, number, sink);
      }
    }
  }

  /**
   * The one JSON value of the line; more than one is malformed too. An object is read token by token rather than as
   * a tree (a tree per line was most of the parser's time): a string is taken as it is, and any other value is read
   * as the tree it was before ({@link #value}), so that every line reads and fails as it did.
   */
  private static Record readRecord(char[] chars, int length) throws IOException {
    try (JsonParser json = JSON.createParser(chars, 0, length)) {
      Record record = new Record();
      JsonToken first = json.nextToken();
      if (first == JsonToken.START_OBJECT) {
        record.read(json);
      } else {
        JsonNode node = first == null ? null : JSON.readTree(json);
        record.notAnObject = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      }
      if (json.nextToken() != null) {
        throw new JsonParseException(json, "unexpected text after the JSON value");
      }
      return record;
    }
  }

  /**
   * The value at the parser's current token: a string as it is, {@code null} for JSON's null, anything else as a tree
   * (numbers, booleans, arrays and objects are rare in the fields read; their text is then the tree's).
   */
  private static Object value(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    return token == JsonToken.VALUE_NULL ? null : JSON.readTree(json);
  }

  /**
   * The value at the parser's current token as {@link #value} reads it, but a string {@link Text#clean}ed straight
   * from the parser's characters ({@code null} when blank): for the fields that are cleaned anyway, which is all but
   * the id. A string longer than the parser allows is left to {@link #value}, which fails the line as before.
   */
  private static Object cleanedValue(JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_STRING) {
      char[] chars = json.getTextCharacters();
      int offset = json.getTextOffset();
      int length = json.getTextLength();
      if (length <= json.streamReadConstraints().getMaxStringLength()) {
        return Text.clean(chars, offset, length);
      }
    }
    Object value = value(json);
    return value instanceof String text ? Text.clean(text) : value;
  }

  /** The cleaned text of a field that {@link #cleanedValue} read. */
  private static String cleaned(Object value) {
    return value instanceof JsonNode node ? Text.clean(text(node)) : (String) value;
  }

  /**
   * What one line holds: the fields a paper is made of, the id as {@link #value} read it and the rest as
   * {@link #cleanedValue} did (a key given twice keeps its last value, as the tree did), or, for a line that is not an
   * object, what it is.
   */
  private static final class Record {
    String notAnObject;
    Object id;
    Object title;
    Object abstractText;
    Object authors;
    /** {@code authors_parsed} as read by {@link #personParts}, or {@code null} when it is missing or not an array. */
    List<String[]> authorsParsed;
    Object categories;
    Object updateDate;
    Object comments;
    Object doi;
    Object journalRef;
    Object reportNumber;
    Object mscClass;
    Object acmClass;
    Object license;
    Versions versions = Versions.NONE;

    /** Reads the object whose start the parser is at, up to its end; other keys are read and dropped. */
    void read(JsonParser json) throws IOException {
      for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
        json.nextToken();
        switch (key) {
          case "id" -> id = value(json);
          case "title" -> title = cleanedValue(json);
          case "abstract" -> abstractText = cleanedValue(json);
          case "authors" -> authors = cleanedValue(json);
          case "authors_parsed" -> authorsParsed = personParts(json);
          case "categories" -> categories = cleanedValue(json);
          case "versions" -> versions = versions(json);
          case "update_date" -> updateDate = cleanedValue(json);
          case "comments" -> comments = cleanedValue(json);
          case "doi" -> doi = cleanedValue(json);
          case "journal-ref" -> journalRef = cleanedValue(json);
          case "report-no" -> reportNumber = cleanedValue(json);
          case "msc-class" -> mscClass = cleanedValue(json);
          case "acm-class" -> acmClass = cleanedValue(json);
          case "license" -> license = cleanedValue(json);
          default -> value(json); // read all the same, so that what is malformed in it still fails the line
        }
      }
    }
  }

  /** Jackson's message without the source excerpt or stack: one short line with the column. */
  private static String shortReason(JsonProcessingException e) {
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse(e.getClass().getSimpleName());
    int lineBreak = message.indexOf('\n');
    if (lineBreak >= 0) {
      message = message.substring(0, lineBreak);
    }
    if (message.length() > MAX_DETAIL_CHARS) {
      message = message.substring(0, MAX_DETAIL_CHARS) + "…";
    }
    JsonLocation location = e.getLocation();
    return location != null && location.getColumnNr() > 0 ? message + " (column " + location.getColumnNr() + ")"
        : message;
  }

  private static void read(Record record, String file, long number, RecordSink sink) {
    String rawId = text(record.id);
    Optional<ArxivId> id = ArxivId.find(rawId);
    if (id.isEmpty()) {
      sink.skip(new Skip(file, "line " + number, SkipReason.NO_ID, Text.clean(rawId) == null
          ? "the record has no \"id\"" : "no arXiv id in \"id\": " + abbreviate(rawId)));
      return;
    }
    String title = cleaned(record.title);
    if (title == null) {
      sink.skip(new Skip(file, "line " + number, SkipReason.MISSING_FIELD, id.get().id() + " has no title"));
      return;
    }
    Versions versions = record.versions;
    Instant updateDate = Text.instant(cleaned(record.updateDate));
    String comments = TeX.toUnicode(cleaned(record.comments));
    sink.paper(Paper.builder()
        .withId(id.get().id())
        .withVersion(Math.max(1, Math.max(id.get().version(), versions.latest)))
        .withTitle(TeX.toUnicode(title))
        .withAbstract(TeX.toUnicode(cleaned(record.abstractText)))
        .withAuthors(authors(record))
        .withCategories(categories(cleaned(record.categories)))
        .withPublished(versions.published)
        .withUpdated(versions.updated != null ? versions.updated : updateDate)
        .withDoi(cleaned(record.doi))
        .withJournalRef(cleaned(record.journalRef))
        .withComments(comments)
        .withReportNumber(cleaned(record.reportNumber))
        .withMscClass(cleaned(record.mscClass))
        .withAcmClass(cleaned(record.acmClass))
        .withLicense(cleaned(record.license))
        .withWithdrawn(WITHDRAWN_SIZE.equalsIgnoreCase(versions.latestSize)
            || (comments != null && mentionsWithdrawn(comments) && WITHDRAWN.matcher(comments).find()))
        .build(), "line " + number);
  }

  /** Whether {@link #WITHDRAWN} may find something: each of its sentences has the word, in some case. */
  private static boolean mentionsWithdrawn(String comments) {
    for (int k = 0, last = comments.length() - WITHDRAWN_WORD.length(); k <= last; k++) {
      if ((comments.charAt(k) | 0x20) == 'w'
          && comments.regionMatches(true, k, WITHDRAWN_WORD, 0, WITHDRAWN_WORD.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of a scalar field as {@link #value} read it, or {@code null} when it is missing, {@code null}, an array
   * or an object.
   */
  private static String text(Object value) {
    if (!(value instanceof JsonNode node)) {
      return (String) value;
    }
    if (node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.asText();
  }

  /**
   * The {@code authors_parsed} value at the parser, read token by token: each person's surname, forenames and suffix
   * as {@link #text} reads them (anything after the third is read and dropped), or {@code null} when the value is not
   * an array. A person that is not an array, or is an empty one, is left out.
   */
  private static List<String[]> personParts(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      value(json);
      return null;
    }
    List<String[]> people = new ArrayList<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
      if (token != JsonToken.START_ARRAY) {
        value(json); // not a person: nothing in it counts
        continue;
      }
      String[] parts = new String[3];
      int count = 0;
      for (token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
        Object part = value(json);
        if (count < parts.length) {
          parts[count] = text(part);
        }
        count++;
      }
      if (count > 0) {
        people.add(parts);
      }
    }
    return people;
  }

  /** The people of {@code authors_parsed} ([surname, forenames, suffix]) if given, else split from {@code authors}. */
  private static List<String> authors(Record record) {
    List<String[]> parsed = record.authorsParsed;
    if (parsed != null && !parsed.isEmpty()) {
      List<String> people = new ArrayList<>(parsed.size());
      for (String[] parts : parsed) {
        String surname = namePart(parts[0]);
        String name = Authors.fromParts(surname == null ? "" : surname, namePart(parts[1]), namePart(parts[2]));
        if (name != null) {
          people.add(name);
        }
      }
      if (!people.isEmpty()) {
        return people;
      }
    }
    return Authors.split(TeX.toUnicode(cleaned(record.authors)));
  }

  private static String namePart(String part) {
    return part == null ? null : TeX.toUnicode(Text.clean(part));
  }

  /** The space-separated category codes (cleaned) in order, primary first, each once. */
  private static List<String> categories(String codes) {
    if (codes == null) {
      return List.of();
    }
    List<String> categories = new ArrayList<>(4);
    for (String code : codes.split(" ")) {
      if (!categories.contains(code)) {
        categories.add(code);
      }
    }
    return categories;
  }

  /** What the {@code versions} list says: the latest version, and when v1 and the latest were submitted. */
  private record Versions(int latest, Instant published, Instant updated, String latestSize) {
    static final Versions NONE = new Versions(0, null, null, null);
  }

  /** Reads the {@code versions} value at the parser: what its {@code {version, created, size}} objects say. */
  private static Versions versions(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      value(json);
      return Versions.NONE;
    }
    int latest = 0;
    String latestCreated = null;
    String latestSize = null;
    String firstCreated = null;
    for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        value(json); // not a version: nothing in it counts
        continue;
      }
      Object version = null;
      Object created = null;
      Object size = null;
      for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
        json.nextToken();
        switch (key) {
          case "version" -> version = value(json);
          case "created" -> created = value(json);
          case "size" -> size = value(json);
          default -> value(json);
        }
      }
      int number = versionNumber(version);
      if (number <= 0) {
        continue;
      }
      if (number == 1) {
        firstCreated = text(created);
      }
      if (number > latest) {
        latest = number;
        latestCreated = text(created);
        latestSize = Text.clean(text(size));
      }
    }
    return new Versions(latest, created(firstCreated), created(latestCreated), latestSize);
  }

  /** {@code v3}, {@code 3} or 3 as a number, as {@link #value} read it; 0 when it is none of those. */
  private static int versionNumber(Object version) {
    if (version == null) {
      return 0;
    }
    if (version instanceof JsonNode node && node.isInt()) {
      return node.intValue();
    }
    String text = (version instanceof JsonNode node ? node.asText() : (String) version).strip();
    int start = !text.isEmpty() && (text.charAt(0) == 'v' || text.charAt(0) == 'V') ? 1 : 0;
    if (start == text.length() || text.length() - start > 6) {
      return 0;
    }
    int number = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** A {@code versions[].created} time such as {@code Mon, 2 Apr 2007 19:18:42 GMT}; ISO-8601 is taken too. */
  static Instant created(String text) {
    String value = Text.clean(text);
    if (value == null) {
      return null;
    }
    Instant usual = rfc1123(value);
    if (usual != null) {
      return usual;
    }
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // a weekday that does not match the date, or another layout
    }
    int comma = value.indexOf(", ");
    try {
      return LocalDateTime.parse(comma >= 0 ? value.substring(comma + 2) : value, CREATED_NO_WEEKDAY)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Text.instant(value);
    }
  }

  /**
   * Reads the usual {@code Www, D Mon YYYY HH:MM:SS GMT} by hand, five times faster than {@link DateTimeFormatter}
   * (the weekday is not checked); {@code null} for anything else.
   */
  private static Instant rfc1123(String value) {
    int length = value.length();
    if (length < 28 || value.charAt(3) != ',' || value.charAt(4) != ' ' || !value.endsWith(" GMT")) {
      return null;
    }
    int dayDigits = value.charAt(6) == ' ' ? 1 : 2;
    int at = 5 + dayDigits;
    if (length != 28 + dayDigits - 1 || value.charAt(at) != ' ' || value.charAt(at + 4) != ' '
        || value.charAt(at + 9) != ' ' || value.charAt(at + 12) != ':' || value.charAt(at + 15) != ':') {
      return null;
    }
    int month = MONTHS.indexOf(value.substring(at + 1, at + 4));
    int day = digits(value, 5, dayDigits);
    int year = digits(value, at + 5, 4);
    int hour = digits(value, at + 10, 2);
    int minute = digits(value, at + 13, 2);
    int second = digits(value, at + 16, 2);
    if (month < 0 || month % 3 != 0 || (day | year | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by {@code count} digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int number = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  private static String abbreviate(String text) {
    String value = Text.clean(text);
    return value.length() <= 60 ? "\"" + value + "\"" : "\"" + value.substring(0, 60) + "…\"";
  }
}
