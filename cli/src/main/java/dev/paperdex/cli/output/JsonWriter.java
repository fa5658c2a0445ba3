package dev.paperdex.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * Papers as JSON: every field of each hit, and match offsets into each snippet's text. As {@code json}, results are one
 * indented object with the total; as {@code jsonl}, one compact object per hit and line.
 *
 * <p>Written with Jackson's streaming generator rather than its object mapper: the mapper's classes (some 450) took a
 * search printing JSON about 250 ms more to start than a search printing text.
 */
public final class JsonWriter implements PaperWriter {

  /** Leaves the command's output open when a generator is closed. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final boolean lines;

  JsonWriter(boolean lines) {
    this.lines = lines;
  }

  @Override
  public void writeResults(SearchResults results, PrintWriter out) throws IOException {
    if (!lines) {
      try (JsonGenerator json = indented(out)) {
        results(json, results);
      }
      out.println();
      return;
    }
    for (Hit hit : results.hits()) {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        hit(json, hit);
      }
      out.println();
    }
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) throws IOException {
    try (JsonGenerator json = lines ? FACTORY.createGenerator(out) : indented(out)) {
      json.writeStartObject();
      paperFields(json, paper);
      json.writeEndObject();
    }
    out.println();
  }

  /**
   * A generator of indented JSON (two spaces, {@code " : "} after names, arrays on one line) writing to {@code out},
   * which closing it leaves open; the caller ends the text with a line break.
   */
  public static JsonGenerator indented(PrintWriter out) throws IOException {
    return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
  }

  private static void results(JsonGenerator json, SearchResults results) throws IOException {
    json.writeStartObject();
    json.writeStringField("query", results.request().query());
    json.writeNumberField("total", results.totalHits());
    json.writeBooleanField("partial", results.partial());
    json.writeNumberField("offset", results.request().offset());
    json.writeNumberField("limit", results.request().limit());
    json.writeNumberField("took_ms", results.took().toNanos() / 1e6);
    json.writeArrayFieldStart("hits");
    for (Hit hit : results.hits()) {
      hit(json, hit);
    }
    json.writeEndArray();
    if (results.request().facets()) {
      json.writeFieldName("facets");
      facets(json, results.facets());
    }
    if (!results.hints().isEmpty()) {
      json.writeObjectFieldStart("hints");
      strings(json, "did_you_mean", results.hints().spellings());
      json.writeArrayFieldStart("elsewhere");
      for (SearchHints.WordLocation location : results.hints().elsewhere()) {
        json.writeStartObject();
        json.writeStringField("word", location.word());
        json.writeStringField("field", location.field());
        json.writeNumberField("papers", location.papers());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void hit(JsonGenerator json, Hit hit) throws IOException {
    json.writeStartObject();
    json.writeNumberField("rank", hit.rank());
    json.writeNumberField("score", hit.score());
    paperFields(json, hit.paper());
    json.writeFieldName("title_highlight");
    snippet(json, hit.title());
    json.writeArrayFieldStart("snippets");
    for (Snippet snippet : hit.abstractSnippets()) {
      snippet(json, snippet);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Every field of a paper, inside an object the caller opened. */
  private static void paperFields(JsonGenerator json, Paper paper) throws IOException {
    json.writeStringField("id", paper.id());
    json.writeNumberField("version", paper.version());
    json.writeStringField("title", paper.title());
    strings(json, "authors", paper.authors());
    strings(json, "categories", paper.categories());
    json.writeStringField("published", time(paper.published()));
    json.writeStringField("updated", time(paper.updated()));
    json.writeStringField("doi", paper.doi());
    json.writeStringField("journal_ref", paper.journalRef());
    json.writeStringField("comments", paper.comments());
    json.writeStringField("abstract", paper.abstractText());
    json.writeStringField("report_number", paper.reportNumber());
    json.writeStringField("msc_class", paper.mscClass());
    json.writeStringField("acm_class", paper.acmClass());
    json.writeStringField("license", paper.license());
    json.writeBooleanField("withdrawn", paper.withdrawn());
    json.writeStringField("source", paper.source());
  }

  private static void snippet(JsonGenerator json, Snippet snippet) throws IOException {
    json.writeStartObject();
    json.writeStringField("text", snippet.text());
    json.writeNumberField("field_offset", snippet.fieldOffset());
    json.writeBooleanField("clipped_start", snippet.clippedStart());
    json.writeBooleanField("clipped_end", snippet.clippedEnd());
    json.writeArrayFieldStart("matches");
    for (Snippet.Span span : snippet.matches()) {
      json.writeStartArray();
      json.writeNumber(span.start());
      json.writeNumber(span.end());
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Counts by category, archive, year and author, each a list of value and count, as one object. */
  public static void facets(JsonGenerator json, Facets facets) throws IOException {
    json.writeStartObject();
    counts(json, "categories", facets.categories());
    counts(json, "archives", facets.archives());
    counts(json, "years", facets.years());
    counts(json, "authors", facets.authors());
    json.writeEndObject();
  }

  private static void counts(JsonGenerator json, String name, List<Facets.Count> counts) throws IOException {
    json.writeArrayFieldStart(name);
    for (Facets.Count count : counts) {
      json.writeStartObject();
      json.writeStringField("value", count.value());
      json.writeNumberField("count", count.count());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
