package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.indexer.normalize.ArxivId;
import dev.paperdex.indexer.normalize.Authors;
import dev.paperdex.searcher.internal.TeX;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads arXiv OAI-PMH responses ({@code export.arxiv.org/oai2}): {@code ListRecords} and {@code GetRecord} with each
 * record's metadata in the {@code arXiv}, {@code arXivRaw} or {@code oai_dc} format.
 *
 * <p>Elements are matched on their local names (without a {@code prefix:}), so responses whose namespaces were
 * stripped read the same. An OAI-PMH error is reported as a skip, except {@code noRecordsMatch}, which only means that
 * nothing is new and is a note. Deleted records ({@code <header status="deleted">}) are counted in a note, not
 * indexed. Responses to other verbs ({@code Identify}, {@code ListSets}, …) hold no papers and get a note.
 */
final class OaiPmhParser implements PaperParser {

  private static final Pattern CLOSED = Pattern.compile("</(?:[\\w.-]+:)?OAI-PMH\\s*>\\s*\\z");
  private static final Pattern RECORD_END = Pattern.compile("</(?:[\\w.-]+:)?record\\s*>");
  private static final Pattern TOKEN_END = Pattern.compile("</(?:[\\w.-]+:)?resumptionToken\\s*>");
  private static final Pattern WITHDRAWN = Pattern.compile("(?i)\\bwithdrawn\\b");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DC_COMMENT = Pattern.compile("(?i)^Comment:\\s*");
  private static final Pattern DC_DOI = Pattern.compile("(?i)^(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/)");
  private static final Pattern NOT_JOURNAL_REF = Pattern.compile("(?i)^(?:https?://|doi:|urn:|arxiv:|oai:)");
  private static final Pattern A_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
  private static final Set<String> VERBS = Set.of("getrecord", "listrecords", "identify", "listsets",
      "listmetadataformats", "listidentifiers");
  private static final int DELETED_IDS_SHOWN = 5;

  @Override
  public void parse(SourceFile file, RecordSink sink) throws IOException {
    parse(XmlSource.read(file), file.name(), sink);
  }

  /** Reads a response already read whole; {@code file} names it in skips and notes. */
  void parse(XmlSource xml, String file, RecordSink sink) {
    boolean truncated = !isComplete(xml);
    Element root = first(xml.document().getAllElements(), "OAI-PMH");
    if (root == null) {
      sink.skip(new Skip(file, null, SkipReason.MALFORMED, "no <OAI-PMH> element"));
      return;
    }
    boolean errors = reportErrors(root, file, sink);
    Element verb = null;
    for (Element child : root.children()) {
      if (VERBS.contains(local(child).toLowerCase(Locale.ROOT))) {
        verb = child;
        break;
      }
    }
    if (verb == null) {
      if (truncated) {
        sink.skip(new Skip(file, null, SkipReason.MALFORMED, "the file ends before its response (truncated)"));
      } else if (!errors) {
        sink.note(file, "OAI-PMH response with neither records nor an error");
      }
      return;
    }
    String verbName = local(verb);
    if (!is(verb, "ListRecords") && !is(verb, "GetRecord")) {
      sink.note(file, "OAI-PMH " + verbName + " response: no records");
      return;
    }
    readRecords(verb, xml, truncated, file, sink);
  }

  /** Whether the response ends with its root element closed, as a whole download does. */
  static boolean isComplete(XmlSource xml) {
    return CLOSED.matcher(xml.text()).find();
  }

  /** How many {@code <record>} elements the response holds, deleted ones included. */
  static int records(XmlSource xml) {
    int count = 0;
    for (Element element : xml.document().getAllElements()) {
      if (is(element, "record")) {
        count++;
      }
    }
    return count;
  }

  /** The response date, the errors and the resumption token of a response. */
  static ResponsePage.OaiFacts facts(XmlSource xml) {
    Element root = first(xml.document().getAllElements(), "OAI-PMH");
    if (root == null) {
      return new ResponsePage.OaiFacts(null, false, List.of(), null, null);
    }
    List<ResponsePage.OaiError> errors = new ArrayList<>();
    for (Element error : root.children()) {
      if (is(error, "error")) {
        errors.add(new ResponsePage.OaiError(Optional.ofNullable(Text.clean(error.attr("code"))).orElse("(no code)"),
            Text.clean(error.wholeText())));
      }
    }
    Element list = first(root.children(), "ListRecords");
    Element token = list == null ? null : first(list.children(), "resumptionToken");
    Matcher size = DIGITS.matcher(token == null ? "" : token.attr("completeListSize"));
    return new ResponsePage.OaiFacts(Text.instant(childText(root, "responseDate")), list != null, errors,
        token == null ? null : Text.clean(token.wholeText()), size.find() ? Long.valueOf(size.group()) : null);
  }

  /** Reports each {@code <error>} of the response; says whether there was any. */
  private static boolean reportErrors(Element root, String file, RecordSink sink) {
    boolean any = false;
    for (Element error : root.children()) {
      if (!is(error, "error")) {
        continue;
      }
      any = true;
      String code = Optional.ofNullable(Text.clean(error.attr("code"))).orElse("(no code)");
      if (code.equalsIgnoreCase("noRecordsMatch")) {
        sink.note(file, "no records match (nothing new)");
        continue;
      }
      String message = Text.clean(error.wholeText());
      String detail = message != null ? code + ": " + message : code + request(root);
      sink.skip(new Skip(file, null, SkipReason.ERROR_RESPONSE, detail));
    }
    return any;
  }

  /** The request's arguments, such as {@code  (GetRecord identifier=…, metadataPrefix=…)}, or nothing. */
  private static String request(Element root) {
    Element request = first(root.children(), "request");
    if (request == null || request.attributes().isEmpty()) {
      return "";
    }
    List<String> arguments = new ArrayList<>();
    request.attributes().forEach(attribute -> {
      if (!attribute.getKey().equals("verb")) {
        arguments.add(attribute.getKey() + "=" + attribute.getValue());
      }
    });
    return " (" + request.attr("verb") + (arguments.isEmpty() ? "" : " " + String.join(", ", arguments)) + ")";
  }

  private static void readRecords(Element verb, XmlSource xml, boolean truncated, String file, RecordSink sink) {
    List<Element> records = new ArrayList<>();
    for (Element element : verb.getAllElements()) {
      if (is(element, "record")) {
        records.add(element);
      }
    }
    int complete = truncated ? xml.count(RECORD_END) : records.size();
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String position = "record " + (i + 1);
      if (i >= complete) {
        sink.skip(new Skip(file, position, SkipReason.MALFORMED, "the file ends inside this record (truncated)"));
        continue;
      }
      read(records.get(i), file, position, sink, deleted);
    }
    if (truncated && records.isEmpty()) {
      sink.skip(new Skip(file, null, SkipReason.MALFORMED, "the file ends before its first record (truncated)"));
    } else if (truncated && complete >= records.size() && !TOKEN_END.matcher(xml.text()).find()) {
      sink.note(file, "the file ends after its last record (truncated): a resumptionToken may be lost");
    }
    if (!deleted.isEmpty()) {
      sink.note(file, deletedNote(deleted));
    }
    if (!truncated || TOKEN_END.matcher(xml.text()).find()) {
      resumption(verb, file, sink);
    }
  }

  private static String deletedNote(List<String> deleted) {
    String shown = String.join(", ", deleted.subList(0, Math.min(DELETED_IDS_SHOWN, deleted.size())))
        + (deleted.size() > DELETED_IDS_SHOWN ? ", …" : "");
    return deleted.size() + (deleted.size() == 1 ? " deleted record" : " deleted records")
        + " (header status=\"deleted\"), not indexed: " + shown;
  }

  private static void resumption(Element verb, String file, RecordSink sink) {
    Element token = first(verb.children(), "resumptionToken");
    String value = token == null ? null : Text.clean(token.wholeText());
    if (value == null) {
      return; // no token, or an empty one: this is the last page of the list
    }
    StringBuilder note = new StringBuilder("more records follow (resumptionToken ").append(value);
    String cursor = Text.clean(token.attr("cursor"));
    if (cursor != null) {
      note.append(", cursor ").append(cursor);
    }
    String size = Text.clean(token.attr("completeListSize"));
    if (size != null) {
      note.append(", of completeListSize ").append(size);
    }
    String expires = Text.clean(token.attr("expirationDate"));
    if (expires != null) {
      note.append(", expires ").append(expires);
    }
    sink.note(file, note.append(')').toString());
  }

  private static void read(Element record, String file, String position, RecordSink sink, List<String> deleted) {
    Element header = first(record.children(), "header");
    String headerId = header == null ? null : childText(header, "identifier");
    if (header != null && "deleted".equalsIgnoreCase(header.attr("status").strip())) {
      deleted.add(headerId == null ? "(no identifier)" : headerId);
      return;
    }
    Element metadata = first(record.children(), "metadata");
    Element content = metadata == null || metadata.childrenSize() == 0 ? null : metadata.child(0);
    String which = headerId == null ? "the record" : "record " + headerId;
    if (content == null) {
      sink.skip(new Skip(file, position, SkipReason.MISSING_FIELD, which + " has no <metadata>"));
      return;
    }
    Candidate candidate = switch (local(content).toLowerCase(Locale.ROOT)) {
      case "arxiv" -> arXiv(content, headerId);
      case "arxivraw" -> arXivRaw(content, headerId);
      case "dc" -> dublinCore(content, headerId);
      default -> null;
    };
    if (candidate == null) {
      sink.skip(new Skip(file, position, SkipReason.UNKNOWN_FORMAT, "metadata format <" + content.tagName()
          + "> in " + which + " is not read (paperdex reads arXiv, arXivRaw and oai_dc)"));
      return;
    }
    Optional<ArxivId> id = Optional.empty();
    for (String text : candidate.idTexts()) {
      id = ArxivId.find(text);
      if (id.isPresent()) {
        break;
      }
    }
    if (id.isEmpty()) {
      sink.skip(new Skip(file, position, SkipReason.NO_ID, candidate.idTexts().isEmpty()
          ? "the record has no <id> and no header identifier"
          : "no arXiv id in " + String.join(" or ", candidate.idTexts())));
      return;
    }
    if (candidate.title() == null) {
      sink.skip(new Skip(file, position, SkipReason.MISSING_FIELD,
          "record " + id.get().id() + " has no title"));
      return;
    }
    int version = candidate.version() > 0 ? candidate.version() : Math.max(1, id.get().version());
    sink.paper(candidate.paper()
        .withId(id.get().id())
        .withVersion(version)
        .withTitle(candidate.title())
        .build(), position);
  }

  /**
   * What one record's metadata says, before the id and title are checked.
   *
   * @param idTexts the texts to find the arXiv id in, best first
   * @param title   the display title, or {@code null}
   * @param version the latest version, or 0 when the metadata does not say
   * @param paper   the other fields
   */
  private record Candidate(List<String> idTexts, String title, int version, Paper.Builder paper) {}

  /** The {@code arXiv} format: structured authors, {@code created}/{@code updated} dates, no version number. */
  private static Candidate arXiv(Element meta, String headerId) {
    List<String> authors = new ArrayList<>();
    Element list = first(meta.children(), "authors");
    if (list != null) {
      for (Element author : list.children()) {
        if (is(author, "author")) {
          addAuthor(authors, childText(author, "keyname"), childText(author, "forenames"), childText(author, "suffix"));
        }
      }
    }
    Instant created = Text.instant(childText(meta, "created"));
    Instant updated = Text.instant(childText(meta, "updated"));
    String comments = display(childText(meta, "comments"));
    Paper.Builder paper = common(meta, comments)
        .withAuthors(authors)
        .withPublished(created)
        .withUpdated(updated != null ? updated : created)
        .withWithdrawn(withdrawnByComment(comments));
    return new Candidate(idTexts(childText(meta, "id"), headerId), display(childText(meta, "title")), 0, paper);
  }

  /** The {@code arXivRaw} format: one author string and every version with its date and size. */
  private static Candidate arXivRaw(Element meta, String headerId) {
    List<Version> versions = new ArrayList<>();
    for (Element element : meta.children()) {
      if (is(element, "version")) {
        Matcher number = DIGITS.matcher(element.attr("version"));
        versions.add(new Version(number.find() ? Integer.parseInt(number.group()) : versions.size() + 1,
            rfc1123(childText(element, "date")), childText(element, "size")));
      }
    }
    versions.sort(Comparator.comparingInt(Version::number));
    Version first = versions.isEmpty() ? null : versions.get(0);
    Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    List<String> authors = new ArrayList<>();
    for (String name : Authors.split(childText(meta, "authors"))) {
      addName(authors, TeX.toUnicode(Text.clean(name)));
    }
    String comments = display(childText(meta, "comments"));
    boolean emptyLastVersion = last != null && last.size() != null && last.size().equalsIgnoreCase("0kb");
    Paper.Builder paper = common(meta, comments)
        .withAuthors(authors)
        .withPublished(first == null ? null : first.date())
        .withUpdated(last == null ? null : last.date())
        .withWithdrawn(emptyLastVersion || withdrawnByComment(comments));
    return new Candidate(idTexts(childText(meta, "id"), headerId), display(childText(meta, "title")),
        last == null ? 0 : last.number(), paper);
  }

  /**
   * One {@code <version>} of an arXivRaw record.
   *
   * @param number the number of {@code version="v2"}
   * @param date   when it was submitted, or {@code null}
   * @param size   such as {@code 0kb} (a withdrawal) or {@code 6336kb}, or {@code null}
   */
  private record Version(int number, Instant date, String size) {}

  /** The fields the arXiv and arXivRaw formats share, by the same element names. */
  private static Paper.Builder common(Element meta, String comments) {
    Set<String> categories = new LinkedHashSet<>();
    String codes = childText(meta, "categories");
    if (codes != null) {
      categories.addAll(List.of(codes.split(" ")));
    }
    return Paper.builder()
        .withAbstract(display(childText(meta, "abstract")))
        .withCategories(List.copyOf(categories))
        .withComments(comments)
        .withDoi(childText(meta, "doi"))
        .withJournalRef(childText(meta, "journal-ref"))
        .withReportNumber(childText(meta, "report-no"))
        .withMscClass(childText(meta, "msc-class"))
        .withAcmClass(childText(meta, "acm-class"))
        .withLicense(childText(meta, "license"));
  }

  /**
   * The {@code oai_dc} format: creators as {@code Last, First}, the abstract and a {@code Comment: …} as descriptions,
   * one {@code dc:date} per version, and as identifiers the abs URL, the journal reference and {@code doi:…}. Its
   * subjects are names ("Computer Science - Learning"), not category codes, so the categories stay empty.
   */
  private static Candidate dublinCore(Element meta, String headerId) {
    List<String> authors = new ArrayList<>();
    String abstractText = null;
    String comments = null;
    List<Instant> dates = new ArrayList<>();
    String absUrl = null;
    String doi = null;
    String journalRef = null;
    String license = null;
    for (Element element : meta.children()) {
      String value = Text.clean(element.wholeText());
      if (value == null) {
        continue;
      }
      switch (local(element).toLowerCase(Locale.ROOT)) {
        case "creator" -> {
          int comma = value.indexOf(',');
          if (comma < 0) {
            addAuthor(authors, value, null, null);
          } else {
            addAuthor(authors, value.substring(0, comma), Text.clean(value.substring(comma + 1)), null);
          }
        }
        case "description" -> {
          Matcher comment = DC_COMMENT.matcher(value);
          if (comment.find()) {
            comments = comments == null ? display(value.substring(comment.end())) : comments;
          } else if (abstractText == null) {
            abstractText = display(value);
          }
        }
        case "date" -> {
          Instant date = Text.instant(value);
          if (date != null) {
            dates.add(date);
          }
        }
        case "identifier" -> {
          Matcher doiPrefix = DC_DOI.matcher(value);
          if (doiPrefix.find()) {
            doi = doi == null ? Text.clean(value.substring(doiPrefix.end())) : doi;
          } else if (value.toLowerCase(Locale.ROOT).contains("arxiv.org/abs/")) {
            absUrl = absUrl == null ? value : absUrl;
          } else if (!NOT_JOURNAL_REF.matcher(value).find()) {
            journalRef = journalRef == null ? value : journalRef;
          }
        }
        case "rights" -> license = license == null && value.startsWith("http") ? value : license;
        default -> {
          // title is read below; subject, type, language and others are not used
        }
      }
    }
    Paper.Builder paper = Paper.builder()
        .withAuthors(authors)
        .withAbstract(abstractText)
        .withComments(comments)
        .withPublished(dates.isEmpty() ? null : dates.get(0))
        .withUpdated(dates.isEmpty() ? null : dates.get(dates.size() - 1))
        .withDoi(doi)
        .withJournalRef(journalRef)
        .withLicense(license)
        .withWithdrawn(withdrawnByComment(comments));
    return new Candidate(idTexts(headerId, absUrl), display(childText(meta, "title")), 1, paper);
  }

  private static List<String> idTexts(String best, String fallback) {
    List<String> texts = new ArrayList<>(2);
    if (best != null) {
      texts.add(best);
    }
    if (fallback != null) {
      texts.add(fallback);
    }
    return texts;
  }

  /** Adds the display name of a person given in parts; a surname-less person is named by the forenames. */
  private static void addAuthor(List<String> authors, String surname, String forenames, String suffix) {
    if (surname == null) {
      addName(authors, TeX.toUnicode(forenames));
    } else {
      addName(authors, TeX.toUnicode(Authors.fromParts(surname, forenames, suffix)));
    }
  }

  /** Adds a name unless it has no letter or digit (arXiv metadata has "authors" such as {@code :}). */
  private static void addName(List<String> authors, String name) {
    if (name != null && A_LETTER_OR_DIGIT.matcher(name).find()) {
      authors.add(name);
    }
  }

  private static boolean withdrawnByComment(String comments) {
    return comments != null && WITHDRAWN.matcher(comments).find();
  }

  /** An arXivRaw version date such as {@code Mon, 2 Apr 2007 19:18:42 GMT}, or {@code null}. */
  private static Instant rfc1123(String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return Text.instant(text);
    }
  }

  /** Display text: white space collapsed, TeX turned into Unicode. */
  private static String display(String text) {
    return TeX.toUnicode(Text.clean(text));
  }

  /** The element's name without its namespace prefix. */
  private static String local(Element element) {
    String name = element.tagName();
    return name.substring(name.indexOf(':') + 1);
  }

  private static boolean is(Element element, String localName) {
    return local(element).equalsIgnoreCase(localName);
  }

  /** The first of {@code elements} with the local name {@code localName}, or {@code null}. */
  private static Element first(List<Element> elements, String localName) {
    for (Element element : elements) {
      if (is(element, localName)) {
        return element;
      }
    }
    return null;
  }

  /** The cleaned text of the first direct child with the local name {@code localName}, or {@code null}. */
  private static String childText(Element parent, String localName) {
    Element child = first(parent.children(), localName);
    return child == null ? null : Text.clean(child.wholeText());
  }
}
