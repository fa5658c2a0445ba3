package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.indexer.normalize.ArxivId;
import dev.paperdex.searcher.internal.TeX;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads arXiv API responses: Atom feeds of {@code <entry>} elements, in the 2025+ layout and the classic one. An error
 * feed (an entry whose id is {@code …/api/errors#…}) is reported, not indexed.
 */
final class AtomFeedParser implements PaperParser {

  private static final String ERROR_ID_MARK = "/api/errors";
  private static final Pattern ENTRY_END = Pattern.compile("</entry\\s*>");
  private static final Pattern FEED_CLOSED = Pattern.compile("</feed\\s*>\\s*\\z");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  @Override
  public void parse(SourceFile file, RecordSink sink) throws IOException {
    parse(XmlSource.read(file), file.name(), sink);
  }

  /** Reads a response already read whole; {@code file} names it in skips and notes. */
  void parse(XmlSource xml, String file, RecordSink sink) {
    List<Element> entries = xml.document().getElementsByTag("entry");
    int complete = xml.count(ENTRY_END);
    for (int i = 0; i < entries.size(); i++) {
      String position = "entry " + (i + 1);
      if (i >= complete) {
        sink.skip(new Skip(file, position, SkipReason.MALFORMED, "the file ends inside this entry (truncated)"));
        continue;
      }
      read(entries.get(i), file, position, sink);
    }
  }

  /** Whether the feed ends with {@code </feed>}, as a whole download does. */
  static boolean isComplete(XmlSource xml) {
    return FEED_CLOSED.matcher(xml.text()).find();
  }

  /** How many entries the feed holds, error entries left out. */
  static int entries(XmlSource xml) {
    int count = 0;
    for (Element entry : xml.document().getElementsByTag("entry")) {
      if (!isError(entry)) {
        count++;
      }
    }
    return count;
  }

  /** The feed's result count and start index, and the message of an error feed. */
  static ResponsePage.FeedFacts facts(XmlSource xml) {
    String error = null;
    for (Element entry : xml.document().getElementsByTag("entry")) {
      if (isError(entry)) {
        error = Optional.ofNullable(childText(entry, "summary")).orElse(childText(entry, "id"));
        break;
      }
    }
    return new ResponsePage.FeedFacts(number(xml, "opensearch:totalResults"), number(xml, "opensearch:startIndex"),
        error);
  }

  private static boolean isError(Element entry) {
    String id = childText(entry, "id");
    return id != null && id.contains(ERROR_ID_MARK);
  }

  private static Long number(XmlSource xml, String tag) {
    for (Element element : xml.document().getElementsByTag(tag)) {
      String text = Text.clean(element.wholeText());
      if (text != null && DIGITS.matcher(text).matches()) {
        return Long.valueOf(text);
      }
    }
    return null;
  }

  private static void read(Element entry, String file, String position, RecordSink sink) {
    String rawId = childText(entry, "id");
    if (isError(entry)) {
      String message = Optional.ofNullable(childText(entry, "summary")).orElse(rawId);
      sink.skip(new Skip(file, position, SkipReason.ERROR_RESPONSE, message));
      return;
    }
    Optional<ArxivId> id = ArxivId.find(rawId);
    if (id.isEmpty()) {
      sink.skip(new Skip(file, position, SkipReason.NO_ID,
          rawId == null ? "the entry has no <id>" : "no arXiv id in <id>" + rawId + "</id>"));
      return;
    }
    String title = TeX.toUnicode(childText(entry, "title"));
    if (title == null) {
      sink.skip(new Skip(file, position, SkipReason.MISSING_FIELD, "entry " + id.get().id() + " has no title"));
      return;
    }
    List<String> authors = new ArrayList<>();
    for (Element author : entry.getElementsByTag("author")) {
      String name = TeX.toUnicode(childText(author, "name"));
      if (name != null) {
        authors.add(name);
      }
    }
    sink.paper(Paper.builder()
        .withId(id.get().id())
        .withVersion(Math.max(1, id.get().version()))
        .withTitle(title)
        .withAbstract(TeX.toUnicode(childText(entry, "summary")))
        .withAuthors(authors)
        .withCategories(categories(entry))
        .withPublished(Text.instant(childText(entry, "published")))
        .withUpdated(Text.instant(childText(entry, "updated")))
        .withDoi(doi(entry))
        .withJournalRef(childText(entry, "arxiv:journal_ref"))
        .withComments(TeX.toUnicode(childText(entry, "arxiv:comment")))
        .build(), position);
  }

  /** The primary category first, then the others in feed order. */
  private static List<String> categories(Element entry) {
    Set<String> codes = new LinkedHashSet<>();
    for (Element primary : entry.getElementsByTag("arxiv:primary_category")) {
      addTerm(codes, primary);
    }
    for (Element category : entry.getElementsByTag("category")) {
      addTerm(codes, category);
    }
    return List.copyOf(codes);
  }

  private static void addTerm(Set<String> codes, Element element) {
    String term = Text.clean(element.attr("term"));
    if (term != null) {
      codes.add(term);
    }
  }

  private static String doi(Element entry) {
    String doi = childText(entry, "arxiv:doi");
    if (doi != null) {
      return doi;
    }
    for (Element link : entry.getElementsByTag("link")) {
      if ("doi".equals(link.attr("title"))) {
        return Text.clean(link.attr("href").replaceFirst("^https?://(dx\\.)?doi\\.org/", ""));
      }
    }
    return null;
  }

  /** The cleaned text of the first direct child named {@code tag}, or {@code null}. */
  private static String childText(Element parent, String tag) {
    for (Element child : parent.children()) {
      if (child.tagName().equals(tag)) {
        return Text.clean(child.wholeText());
      }
    }
    return null;
  }
}
