package dev.paperdex.cli;

import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints search results for people: numbered hits, matches marked, text wrapped to the terminal. */
final class HitPrinter {

  private static final String INDENT = "    ";
  private static final int MAX_AUTHORS_SHOWN = 6;
  private static final String MATCH_ON = "\u001B[1;33m";
  private static final String TITLE_ON = "\u001B[1m";
  private static final String OFF = "\u001B[0m";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Terminal terminal;

  HitPrinter(PrintWriter out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void print(SearchResults results) {
    AuthorMatches authorMatches = AuthorMatches.of(results.request().query());
    for (Hit hit : results.hits()) {
      printHit(hit, authorMatches);
      out.println();
    }
    out.println(summary(results));
    printHints(results.hints());
    printFacets(results.facets());
  }

  private void printHints(SearchHints hints) {
    if (!hints.spellings().isEmpty()) {
      out.println("Did you mean: " + hints.spellings().stream().map(s -> "\"" + s + "\"")
          .collect(Collectors.joining(" or ")) + "?");
    }
    for (SearchHints.WordLocation location : hints.elsewhere()) {
      out.println("'" + location.word() + "' occurs in " + location.field() + " in " + location.papers()
          + (location.papers() == 1 ? " paper" : " papers"));
    }
  }

  private void printFacets(Facets facets) {
    // Not facets.equals(Facets.empty()): a record's equals is made at run time, a class the AOT cache cannot hold.
    if (facets.categories().isEmpty() && facets.archives().isEmpty() && facets.years().isEmpty()
        && facets.authors().isEmpty()) {
      return;
    }
    out.println();
    printFacet("Categories", facets.categories());
    printFacet("Archives", facets.archives());
    printFacet("Years", facets.years());
    printFacet("Authors", facets.authors());
  }

  private void printFacet(String name, List<Facets.Count> counts) {
    if (!counts.isEmpty()) {
      Wrapping.printLabelled(out, name, 12, Wrapping.counts(counts), terminal.columns());
    }
  }

  private void printHit(Hit hit, AuthorMatches authorMatches) {
    Paper paper = hit.paper();
    // Not String.format("%2d. "): a Formatter reads the locale's number symbols, some 20 ms of a quick search.
    String number = (hit.rank() < 10 ? " " : "") + hit.rank() + ". ";
    String lead = number + paper.versionedId() + "  ";
    List<String> titleLines = wrap(hit.title(), terminal.columns() - INDENT.length(), lead.length() - INDENT.length(),
        TITLE_ON);
    out.println(lead + titleLines.get(0));
    for (String line : titleLines.subList(1, titleLines.size())) {
      out.println(INDENT + line);
    }
    if (!paper.authors().isEmpty()) {
      printWrapped(authorMatches.mark(authors(paper.authors())));
    }
    String facts = facts(paper);
    if (!facts.isEmpty()) {
      out.println(INDENT + facts);
    }
    for (Snippet passage : hit.abstractSnippets()) {
      // A no-break space keeps each ellipsis on the line of the word it stands beside.
      String text = (passage.clippedStart() ? "…\u00A0" : "") + passage.text() + (passage.clippedEnd() ? "\u00A0…" : "");
      int shift = passage.clippedStart() ? 2 : 0;
      List<Snippet.Span> spans = passage.matches().stream()
          .map(span -> new Snippet.Span(span.start() + shift, span.end() + shift))
          .toList();
      printWrapped(new Snippet(text, passage.fieldOffset(), passage.clippedEnd(), spans));
    }
  }

  private void printWrapped(Snippet snippet) {
    for (String line : wrap(snippet, terminal.columns() - INDENT.length(), 0, "")) {
      out.println(INDENT + line);
    }
  }

  private static String authors(List<String> authors) {
    if (authors.size() <= MAX_AUTHORS_SHOWN) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, MAX_AUTHORS_SHOWN)) + " and "
        + (authors.size() - MAX_AUTHORS_SHOWN) + " more";
  }

  /** The published date, the update date when later, and the categories. */
  private static String facts(Paper paper) {
    List<String> facts = new ArrayList<>();
    if (paper.published() != null) {
      facts.add(day(paper.published()));
    }
    if (paper.updated() != null && (paper.published() == null || !day(paper.updated()).equals(day(paper.published())))) {
      facts.add("updated " + day(paper.updated()));
    }
    if (!paper.categories().isEmpty()) {
      facts.add(String.join(" ", paper.categories()));
    }
    return String.join(" · ", facts);
  }

  private static String day(Instant instant) {
    return DAY.format(instant);
  }

  /**
   * Wraps a snippet's text at word boundaries into lines of at most {@code width} characters, the first line
   * {@code firstLineUsed} characters shorter, marking matches when colouring.
   */
  private List<String> wrap(Snippet snippet, int width, int firstLineUsed, String baseStyle) {
    String text = snippet.text();
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineLength = 0;
    int available = width - firstLineUsed;
    int i = 0;
    while (i < text.length()) {
      int wordEnd = text.indexOf(' ', i);
      wordEnd = wordEnd < 0 ? text.length() : wordEnd;
      int wordLength = wordEnd - i;
      if (lineLength > 0 && lineLength + 1 + wordLength > available) {
        lines.add(finish(line, baseStyle));
        line.setLength(0);
        lineLength = 0;
        available = width;
      }
      if (lineLength > 0) {
        line.append(' ');
        lineLength++;
      }
      line.append(styled(snippet, i, wordEnd, baseStyle));
      lineLength += wordLength;
      i = wordEnd + 1;
    }
    lines.add(finish(line, baseStyle));
    return lines;
  }

  private String finish(StringBuilder line, String baseStyle) {
    String text = line.toString().replace('\u00A0', ' ');
    return terminal.color() && !baseStyle.isEmpty() ? baseStyle + text + OFF : text;
  }

  /** The text from {@code start} to {@code end} with matched characters marked. */
  private String styled(Snippet snippet, int start, int end, String baseStyle) {
    String text = snippet.text();
    if (!terminal.color()) {
      return text.substring(start, end);
    }
    StringBuilder result = new StringBuilder();
    int at = start;
    for (Snippet.Span span : snippet.matches()) {
      int from = Math.max(span.start(), start);
      int to = Math.min(span.end(), end);
      if (from >= to) {
        continue;
      }
      result.append(text, at, from).append(MATCH_ON).append(text, from, to).append(OFF).append(baseStyle);
      at = to;
    }
    return result.append(text, at, end).toString();
  }

  private static String summary(SearchResults results) {
    long total = results.totalHits();
    String query = results.request().query().isBlank() ? "" : " \"" + results.request().query() + "\"";
    long millis = results.took().toMillis();
    if (total == 0) {
      return "No papers" + (query.isEmpty() ? "" : " match" + query) + " (" + millis + " ms).";
    }
    int first = results.request().offset() + 1;
    int last = results.request().offset() + results.hits().size();
    String shown = results.hits().isEmpty() ? "none shown" : "showing " + (first == last ? first : first + "–" + last);
    String matches = results.partial()
        ? (total == 1 ? " paper matches" : " papers match") + " some of the words of" + query
            + " (none matches them all)"
        : (total == 1 ? " paper" : " papers") + (query.isEmpty() ? "" : (total == 1 ? " matches" : " match") + query);
    return total + matches + " · " + shown + " · " + millis + " ms";
  }
}
