package dev.paperdex.indexer.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        JsonNode record;
        try {
          record = readObject(lines.chars(), lines.charCount());
        } catch (JsonProcessingException e) {
          sink.skip(new Skip(name, "line " + number, SkipReason.MALFORMED, shortReason(e)));
          continue;
        }
        if (record == null || !record.isObject()) {
          String type = record == null ? "nothing" : record.getNodeType().name().toLowerCase(Locale.ROOT);
          sink.skip(new Skip(name, "line " + number, SkipReason.MALFORMED,
              "the line is a JSON " + type + ", not an object"));
          continue;
        }
        read(record, name, number, sink);
      }
    }
  }

  /** The one JSON value of the line; more than one is malformed too. */
  private static JsonNode readObject(char[] chars, int length) throws IOException {
    try (JsonParser json = JSON.createParser(chars, 0, length)) {
      JsonNode node = JSON.readTree(json);
      if (json.nextToken() != null) {
        throw new JsonParseException(json, "unexpected text after the JSON value");
      }
      return node;
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

  private static void read(JsonNode record, String file, long number, RecordSink sink) {
    String rawId = text(record, "id");
    Optional<ArxivId> id = ArxivId.find(rawId);
    if (id.isEmpty()) {
      sink.skip(new Skip(file, "line " + number, SkipReason.NO_ID, Text.clean(rawId) == null
          ? "the record has no \"id\"" : "no arXiv id in \"id\": " + abbreviate(rawId)));
      return;
    }
    String title = Text.clean(text(record, "title"));
    if (title == null) {
      sink.skip(new Skip(file, "line " + number, SkipReason.MISSING_FIELD, id.get().id() + " has no title"));
      return;
    }
    Versions versions = versions(record.get("versions"));
    Instant updateDate = Text.instant(text(record, "update_date"));
    String comments = prose(text(record, "comments"));
    sink.paper(Paper.builder()
        .withId(id.get().id())
        .withVersion(Math.max(1, Math.max(id.get().version(), versions.latest)))
        .withTitle(TeX.toUnicode(title))
        .withAbstract(prose(text(record, "abstract")))
        .withAuthors(authors(record))
        .withCategories(categories(text(record, "categories")))
        .withPublished(versions.published)
        .withUpdated(versions.updated != null ? versions.updated : updateDate)
        .withDoi(Text.clean(text(record, "doi")))
        .withJournalRef(Text.clean(text(record, "journal-ref")))
        .withComments(comments)
        .withReportNumber(Text.clean(text(record, "report-no")))
        .withMscClass(Text.clean(text(record, "msc-class")))
        .withAcmClass(Text.clean(text(record, "acm-class")))
        .withLicense(Text.clean(text(record, "license")))
        .withWithdrawn(WITHDRAWN_SIZE.equalsIgnoreCase(versions.latestSize)
            || (comments != null && WITHDRAWN.matcher(comments).find()))
        .build(), "line " + number);
  }

  /** Display text of a prose field that may hold TeX: title, abstract, comments. */
  private static String prose(String raw) {
    return TeX.toUnicode(Text.clean(raw));
  }

  /** The text of a scalar field, or {@code null} when it is missing, {@code null}, an array or an object. */
  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.asText();
  }

  /** The people of {@code authors_parsed} ([surname, forenames, suffix]) if given, else split from {@code authors}. */
  private static List<String> authors(JsonNode record) {
    JsonNode parsed = record.get("authors_parsed");
    if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
      List<String> people = new ArrayList<>(parsed.size());
      for (JsonNode person : parsed) {
        if (!person.isArray() || person.isEmpty()) {
          continue;
        }
        String surname = namePart(person, 0);
        String name = Authors.fromParts(surname == null ? "" : surname, namePart(person, 1), namePart(person, 2));
        if (name != null) {
          people.add(name);
        }
      }
      if (!people.isEmpty()) {
        return people;
      }
    }
    return Authors.split(TeX.toUnicode(Text.clean(text(record, "authors"))));
  }

  private static String namePart(JsonNode person, int index) {
    JsonNode part = person.get(index);
    return part == null || part.isNull() || part.isContainerNode() ? null : TeX.toUnicode(Text.clean(part.asText()));
  }

  /** The space-separated category codes in order, primary first, each once. */
  private static List<String> categories(String codes) {
    String cleaned = Text.clean(codes);
    if (cleaned == null) {
      return List.of();
    }
    List<String> categories = new ArrayList<>(4);
    for (String code : cleaned.split(" ")) {
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

  private static Versions versions(JsonNode list) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return Versions.NONE;
    }
    int latest = 0;
    String latestCreated = null;
    String latestSize = null;
    String firstCreated = null;
    for (JsonNode version : list) {
      int number = versionNumber(version.get("version"));
      if (number <= 0) {
        continue;
      }
      String created = text(version, "created");
      if (number == 1) {
        firstCreated = created;
      }
      if (number > latest) {
        latest = number;
        latestCreated = created;
        latestSize = Text.clean(text(version, "size"));
      }
    }
    return new Versions(latest, created(firstCreated), created(latestCreated), latestSize);
  }

  /** {@code v3}, {@code 3} or 3 as a number; 0 when it is none of those. */
  private static int versionNumber(JsonNode version) {
    if (version == null) {
      return 0;
    }
    if (version.isInt()) {
      return version.intValue();
    }
    String text = version.asText().strip();
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
