package dev.paperdex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.time.Instant;
import java.util.List;

/** Search results as JSON: every field of each hit, and match offsets into each snippet's text. */
final class JsonResults {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonResults() {}

  static String toJson(SearchResults results) throws com.fasterxml.jackson.core.JsonProcessingException {
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
    return MAPPER.writeValueAsString(root);
  }

  private static ObjectNode hit(Hit hit) {
    Paper paper = hit.paper();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rank", hit.rank());
    node.put("id", paper.id());
    node.put("version", paper.version());
    node.put("score", hit.score());
    node.put("title", paper.title());
    strings(node.putArray("authors"), paper.authors());
    strings(node.putArray("categories"), paper.categories());
    node.put("published", time(paper.published()));
    node.put("updated", time(paper.updated()));
    node.put("doi", paper.doi());
    node.put("journal_ref", paper.journalRef());
    node.put("comments", paper.comments());
    node.put("abstract", paper.abstractText());
    node.set("title_highlight", snippet(hit.title()));
    ArrayNode snippets = node.putArray("snippets");
    hit.abstractSnippets().forEach(s -> snippets.add(snippet(s)));
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

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
