package dev.paperdex.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;

/** Every machine format on papers with awkward text: quotes, separators, line breaks, TeX specials, accents. */
class PaperWritersTest {

  private static final String AWKWARD_TITLE = "Costs & naïve \"benefits\" of 50% {more}, $x_1$ #2 ~ a^b \\ cache\ttab";

  private static final Paper AWKWARD = Paper.builder()
      .withId("2603.00001")
      .withVersion(3)
      .withTitle(AWKWARD_TITLE)
      .withAbstract("First line,\nsecond \"line\"\twith a tab and a back\\slash.")
      .withAuthors(List.of("Göran Östlin", "Dmitrij Łukasz Smith", "ATLAS Collaboration"))
      .withCategories(List.of("hep-th", "gr-qc"))
      .withPublished(Instant.parse("2026-03-24T18:28:38Z"))
      .withUpdated(Instant.parse("2026-06-07T00:00:00Z"))
      .withDoi("10.1103/PhysRevD.99.123_456")
      .withJournalRef("Phys. Rev. D 99, 123456 (2026)")
      .withComments("14 pages; α-β")
      .build();

  private static Paper plain(String id, String author, String title) {
    return Paper.builder().withId(id).withVersion(1).withTitle(title).withAuthors(List.of(author))
        .withPublished(Instant.parse("2026-01-02T00:00:00Z")).build();
  }

  private static SearchResults results(Paper... papers) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < papers.length; i++) {
      Snippet title = new Snippet(papers[i].title(), 0, false, List.of(new Snippet.Span(0, 5)));
      hits.add(new Hit(i + 1, papers[i], 2.5f - i, title, List.of()));
    }
    return new SearchResults(SearchRequest.builder().withQuery("costs").build(), papers.length, false, hits,
        "costs", Facets.empty(), SearchHints.none(), Duration.ofMillis(3));
  }

  /** What a writer prints. */
  private interface Writing {
    void write(PaperWriter writer, PrintWriter out) throws Exception;
  }

  private static String written(OutputFormat format, Writing writing) throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    writing.write(format.writer().orElseThrow(), out);
    out.flush();
    return text.toString();
  }

  private static String results(OutputFormat format, SearchResults results) throws Exception {
    return written(format, (writer, out) -> writer.writeResults(results, out));
  }

  private static String paper(OutputFormat format, Paper paper) throws Exception {
    return written(format, (writer, out) -> writer.writePaper(paper, out));
  }

  @Test
  void csvQuotesWhatNeedsItAndReadsBackAsWritten() throws Exception {
    String csv = results(OutputFormat.CSV, results(AWKWARD, plain("2601.00002", "Jane Doe", "Plain title")));

    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(3);
    List<String> header = rows.get(0);
    Map<String, String> first = row(header, rows.get(1));
    assertThat(first).containsEntry("rank", "1").containsEntry("id", "2603.00001").containsEntry("version", "3")
        .containsEntry("title", AWKWARD_TITLE)
        .containsEntry("authors", "Göran Östlin; Dmitrij Łukasz Smith; ATLAS Collaboration")
        .containsEntry("categories", "hep-th gr-qc")
        .containsEntry("abstract", AWKWARD.abstractText())
        .containsEntry("journal_ref", "Phys. Rev. D 99, 123456 (2026)")
        .containsEntry("published", "2026-03-24T18:28:38Z");
    assertThat(row(header, rows.get(2))).containsEntry("title", "Plain title").containsEntry("doi", "");
    assertThat(csv).as("a value without separators, quotes or breaks is not quoted")
        .contains("\n2,1.5,2601.00002,1,Plain title,Jane Doe,");
  }

  private static Map<String, String> row(List<String> header, List<String> values) {
    assertThat(values).hasSameSizeAs(header);
    Map<String, String> row = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      row.put(header.get(i), values.get(i));
    }
    return row;
  }

  @Test
  void tsvKeepsEveryRowOnOneLineAndEveryCellInOneField() throws Exception {
    String tsv = paper(OutputFormat.TSV, AWKWARD);

    List<String> lines = tsv.lines().toList();
    assertThat(lines).hasSize(2);
    String[] header = lines.get(0).split("\t", -1);
    String[] cells = lines.get(1).split("\t", -1);
    assertThat(cells).hasSameSizeAs(header);
    Map<String, String> row = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      row.put(header[i], unescapeTsv(cells[i]));
    }
    assertThat(row).containsEntry("title", AWKWARD_TITLE).containsEntry("abstract", AWKWARD.abstractText())
        .doesNotContainKey("rank");
    assertThat(lines.get(1)).contains("First line,\\nsecond \"line\"\\twith a tab and a back\\\\slash.");
  }

  private static String unescapeTsv(String cell) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        char next = cell.charAt(++i);
        text.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  @Test
  void jsonLinesHoldOneWholeHitPerLineWithItsHighlightOffsets() throws Exception {
    String jsonl = results(OutputFormat.JSONL, results(AWKWARD, plain("2601.00002", "Jane Doe", "Plain")));

    List<String> lines = jsonl.lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("2603.00001");
    assertThat(first.get("title").asText()).isEqualTo(AWKWARD_TITLE);
    assertThat(first.get("abstract").asText()).isEqualTo(AWKWARD.abstractText());
    assertThat(first.get("title_highlight").get("matches").get(0).toString()).isEqualTo("[0,5]");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("rank").asInt()).isEqualTo(2);
  }

  @Test
  void idsAreOnePerLineAndNothingElse() throws Exception {
    assertThat(results(OutputFormat.IDS, results(AWKWARD, plain("hep-th/9901001", "A B", "T"))))
        .isEqualTo("2603.00001\nhep-th/9901001\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void bibtexIsValidAndEveryFieldReadsBackAsTheRecordHasIt() throws Exception {
    String bibtex = paper(OutputFormat.BIBTEX, AWKWARD);

    BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bibtex));
    assertThat(database.getEntries()).hasSize(1);
    BibTeXEntry entry = database.getEntries().values().iterator().next();
    assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_MISC);
    assertThat(entry.getKey().getValue()).isEqualTo("ostlin2026costs");
    assertThat(field(entry, "title")).isEqualTo(AWKWARD_TITLE.replace('\t', ' '));
    assertThat(entry.getField(new Key("author")).toUserString())
        .as("accents and letters as TeX writes them; a collaboration braced whole")
        .isEqualTo("G{\\\"{o}}ran {\\\"{O}}stlin and Dmitrij {\\L}ukasz Smith and {ATLAS Collaboration}");
    assertThat(field(entry, "eprint")).isEqualTo("2603.00001");
    assertThat(field(entry, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(entry, "primaryClass")).isEqualTo("hep-th");
    assertThat(field(entry, "doi")).isEqualTo("10.1103/PhysRevD.99.123_456");
    assertThat(field(entry, "note")).isEqualTo("Phys. Rev. D 99, 123456 (2026)");
    assertThat(field(entry, "year")).isEqualTo("2026");
    assertThat(bibtex).as("the month as BibTeX's own macro").contains("  month = mar,\n");
    assertThat(entry.getField(new Key("month")).toUserString()).isEqualTo("March");
    assertThat(field(entry, "url")).isEqualTo("https://arxiv.org/abs/2603.00001");
  }

  /** A field's value as a reader sees it: the TeX read and printed as text. */
  private static String field(BibTeXEntry entry, String name) throws Exception {
    String tex = entry.getField(new Key(name)).toUserString();
    return new LaTeXPrinter().print(new LaTeXParser().parse(tex));
  }

  @Test
  void bibtexKeysAreUniqueWithinOneOutput() throws Exception {
    String bibtex = results(OutputFormat.BIBTEX, results(
        plain("2601.00001", "John Smith", "KV cache reuse"),
        plain("2601.00002", "Jane Smith", "The KV-cache, again"),
        plain("2601.00003", "Ana Núñez", "On speculative decoding")));

    BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bibtex));
    assertThat(database.getEntries().keySet()).extracting(Key::getValue)
        .containsExactlyInAnyOrder("smith2026kva", "smith2026kvb", "nunez2026speculative");
  }

  @Test
  void bibtexDatesAPaperWithoutAFirstVersionDateByTheMonthInItsId() throws Exception {
    Paper undated = Paper.builder().withId("1812.06145").withTitle("Unimodal hand-gesture recognition")
        .withAuthors(List.of("Mahdi Abavisani")).withUpdated(Instant.parse("2025-10-13T00:00:00Z")).build();

    BibTeXEntry entry = new BibTeXParser().parse(new StringReader(paper(OutputFormat.BIBTEX, undated)))
        .getEntries().values().iterator().next();
    assertThat(entry.getKey().getValue()).as("the year of submission, not of the update")
        .isEqualTo("abavisani2018unimodal");
    assertThat(field(entry, "year")).isEqualTo("2018");
    assertThat(entry.getField(new Key("month")).toUserString()).isEqualTo("December");
  }
}
