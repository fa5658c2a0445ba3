package dev.paperdex.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * Papers as JSON: every field of each hit, and match offsets into each snippet's text. As {@code json}, results are one
 * indented object with the total; as {@code jsonl}, one compact object per hit and line.
 */
public final class JsonWriter implements PaperWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectWriter ONE_LINE = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private final boolean lines;

  JsonWriter(boolean lines) {
    this.lines = lines;
  }

  @Override
  public void writeResults(SearchResults results, PrintWriter out) throws JsonProcessingException {
    if (!lines) {
      out.println(write(results(results)));
      return;
    }
    for (Hit hit : results.hits()) {
      out.println(ONE_LINE.writeValueAsString(hit(hit)));
    }
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) throws JsonProcessingException {
    out.println(lines ? ONE_LINE.writeValueAsString(paper(paper)) : write(paper(paper)));
  }

  private static ObjectNode results(SearchResults results) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("query", results.request().query());
    root.put("total", results.totalHits());
    root.put("partial", results.partial());
    root.put("offset", results.request().offset());
    root.put("limit", results.request().limit());
    root.put("took_ms", results.took().toNanos() / 1e6);
    ArrayNode hits = root.putArray("hits");
    for (Hit hit : results.hits()) {
      hits.add(hit(hit));
    }
    if (results.request().facets()) {
      root.set("facets", facets(results.facets()));
    }
    if (!results.hints().isEmpty()) {
      ObjectNode hints = root.putObject("hints");
      results.hints().spellings().forEach(hints.putArray("did_you_mean")::add);
      ArrayNode elsewhere = hints.putArray("elsewhere");
      for (SearchHints.WordLocation location : results.hints().elsewhere()) {
        elsewhere.addObject().put("word", location.word()).put("field", location.field())
            .put("papers", location.papers());
      }
    }
    return root;
  }

  private static ObjectNode hit(Hit hit) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rank", hit.rank());
    node.put("score", hit.score());
    node.setAll(paper(hit.paper()));
    node.set("title_highlight", snippet(hit.title()));
    ArrayNode snippets = node.putArray("snippets");
    hit.abstractSnippets().forEach(s -> snippets.add(snippet(s)));
    return node;
  }

  /** A new, empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code node} as indented JSON text. */
  public static String write(JsonNode node) throws JsonProcessingException {
    return MAPPER.writeValueAsString(node);
  }

  /** Every field of a paper. */
  private static ObjectNode paper(Paper paper) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", paper.id());
    node.put("version", paper.version());
    node.put("title", paper.title());
    strings(node.putArray("authors"), paper.authors());
    strings(node.putArray("categories"), paper.categories());
    node.put("published", time(paper.published()));
    node.put("updated", time(paper.updated()));
    node.put("doi", paper.doi());
    node.put("journal_ref", paper.journalRef());
    node.put("comments", paper.comments());
    node.put("abstract", paper.abstractText());
    node.put("report_number", paper.reportNumber());
    node.put("msc_class", paper.mscClass());
    node.put("acm_class", paper.acmClass());
    node.put("license", paper.license());
    node.put("withdrawn", paper.withdrawn());
    node.put("source", paper.source());
    return node;
  }

  private static ObjectNode snippet(Snippet snippet) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("text", snippet.text());
    node.put("field_offset", snippet.fieldOffset());
    node.put("clipped_start", snippet.clippedStart());
    node.put("clipped_end", snippet.clippedEnd());
    ArrayNode matches = node.putArray("matches");
    for (Snippet.Span span : snippet.matches()) {
      matches.addArray().add(span.start()).add(span.end());
    }
    return node;
  }

  /** Counts by category, archive, year and author, each a list of value and count. */
  public static ObjectNode facets(Facets facets) {
    ObjectNode node = MAPPER.createObjectNode();
    counts(node.putArray("categories"), facets.categories());
    counts(node.putArray("archives"), facets.archives());
    counts(node.putArray("years"), facets.years());
    counts(node.putArray("authors"), facets.authors());
    return node;
  }

  private static void counts(ArrayNode array, List<Facets.Count> counts) {
    counts.forEach(count -> array.addObject().put("value", count.value()).put("count", count.count()));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
