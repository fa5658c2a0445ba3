package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parses the real arXiv OAI-PMH responses in {@code ../shared/data/arxiv-oai} when that folder is there; skips
 * otherwise. The totals were counted by hand and with grep over the files.
 */
class OaiSharedDataTest {

  static Path oaiData() {
    Path dir = Path.of(System.getProperty("paperdex.shared", "../../shared")).resolve("data/arxiv-oai");
    Assumptions.assumeTrue(Files.isDirectory(dir), () -> "skipped: " + dir + " is not here (../shared is optional)");
    return dir;
  }

  static boolean looksLikeOaiPmh(SourceFile file) throws IOException {
    return Format.detect(file.head(Format.HEAD_BYTES)).orElse(null) == Format.OAI_PMH;
  }

  @Test
  void theOaiPmhContentCheckTellsEveryResponseFromTheHtmlErrorPage() throws Exception {
    List<Path> all;
    try (Stream<Path> files = Files.walk(oaiData())) {
      all = files.filter(Files::isRegularFile)
          .filter(path -> path.toString().endsWith(".xml") || path.toString().endsWith(".html"))
          .sorted().toList();
    }
    List<String> matched = new ArrayList<>();
    for (Path path : all) {
      if (looksLikeOaiPmh(new SourceFile(path))) {
        matched.add(path.getFileName().toString());
      }
    }

    assertThat(all).hasSize(39);
    assertThat(matched).hasSize(38)
        .contains("sample_arxiv_response_no_namespace.xml", "cannotDisseminateFormat.xml")
        .doesNotContain("oaipmh-listrecords---should-list-identifiers-from-arxiv.1.html");
  }

  @Test
  void parsesEveryRealResponse() throws Exception {
    List<Path> responses;
    try (Stream<Path> files = Files.walk(oaiData())) {
      responses = files.filter(path -> path.toString().endsWith(".xml")).sorted().toList();
    }
    CollectingSink sink = new CollectingSink();
    for (Path path : responses) {
      SourceFile file = new SourceFile(path);
      if (looksLikeOaiPmh(file)) {
        new OaiPmhParser().parse(file, sink);
      }
    }

    assertThat(responses).hasSize(38);
    // 235 records in the arXiv format in 27 files, 7 in oai_dc in 3 files; 222 distinct papers
    assertThat(sink.papers).hasSize(242);
    assertThat(sink.papers.stream().map(Paper::id).distinct()).hasSize(222);
    assertThat(sink.papers.stream().filter(paper -> paper.categories().isEmpty())).hasSize(7);
    // 863 <author> and 23 <dc:creator>, less 5 "authors" named ":" (BICEP2 / Keck Array)
    assertThat(sink.papers.stream().mapToInt(paper -> paper.authors().size()).sum()).isEqualTo(881);
    assertThat(sink.papers.stream().filter(Paper::withdrawn).map(Paper::id))
        .containsExactlyInAnyOrder("1007.2349", "1402.3880", "1410.7185");
    assertThat(sink.papers).allSatisfy(paper -> {
      assertThat(paper.title()).isNotBlank();
      assertThat(paper.version()).isEqualTo(1);
      assertThat(paper.published()).isNotNull();
      assertThat(paper.updated()).isAfterOrEqualTo(paper.published());
    });

    assertThat(sink.skips).extracting(Skip::reason).containsOnly(SkipReason.ERROR_RESPONSE);
    assertThat(sink.skips).extracting(skip -> Path.of(skip.file()).getFileName() + " " + skip.detail())
        .containsExactlyInAnyOrder(
            "1305.0014v1.xml idDoesNotExist: This OAI interface supports only the notion of an arXiv article and not"
                + " access to individual versions. You must not include the 'v1' at the end of the identifier.",
            "1305.9999.xml idDoesNotExist: Identifier 'oai:arXiv.org:1305.9999' has correct form but does not"
                + " correspond to an item in this repository",
            "is-malformed.xml idDoesNotExist: Malformed identifier `oai:arXiv.org:is-malformed'",
            "cannotDisseminateFormat.xml cannotDisseminateFormat (GetRecord identifier=oai:arXiv.org:quant-ph/9901001,"
                + " metadataPrefix=oai_marc)");

    Map<String, Long> notes = sink.notes.stream().collect(Collectors.groupingBy(note -> note, Collectors.counting()));
    assertThat(notes).containsExactlyInAnyOrderEntriesOf(Map.of(
        "no records match (nothing new)", 1L,
        "more records follow (resumptionToken 6960524|1001, cursor 0, of completeListSize 1162)", 1L,
        "OAI-PMH Identify response: no records", 1L,
        "OAI-PMH ListSets response: no records", 1L,
        "OAI-PMH ListMetadataFormats response: no records", 2L,
        "OAI-PMH ListIdentifiers response: no records", 1L));
  }

  @Test
  void readsTheNamespaceStrippedSampleLikeTheOriginal() throws Exception {
    Path dir = oaiData().resolve("invenio-oaiharvester");
    CollectingSink stripped = new CollectingSink();
    new OaiPmhParser().parse(new SourceFile(dir.resolve("sample_arxiv_response_no_namespace.xml")), stripped);
    CollectingSink original = new CollectingSink();
    new OaiPmhParser().parse(new SourceFile(dir.resolve("sample_arxiv_response_with_namespace.xml")), original);

    Paper paper = stripped.papers.getFirst();
    assertThat(paper.id()).isEqualTo("0804.2273");
    assertThat(paper.authors()).hasSize(6).startsWith("Carl Lagoze", "Herbert Van de Sompel");
    assertThat(paper.acmClass()).isEqualTo("C.2.3");
    assertThat(paper.toBuilder().withSource(null).build())
        .isEqualTo(original.papers.getFirst().toBuilder().withSource(null).build());
  }

  @Test
  void readsOldStyleIdsAndUtf8NamesOfRealRecords() throws Exception {
    Path dir = oaiData();
    CollectingSink sink = new CollectingSink();
    new OaiPmhParser().parse(new SourceFile(dir.resolve("inspire-next/oai_arxiv.xml")), sink);
    new OaiPmhParser().parse(new SourceFile(dir.resolve("invenio-oaiharvester/sample_arxiv_response_utf8.xml")), sink);

    Paper old = sink.byId().get("physics/0112006");
    assertThat(old.categories()).containsExactly("physics.class-ph", "physics.gen-ph");
    assertThat(old.authors()).containsExactly("G. Fiorentini", "L. Okun", "M. Vysotsky");
    assertThat(old.doi()).isEqualTo("10.1134/1.1533770");
    Paper dc = sink.byId().get("1207.1019");
    assertThat(dc.authors()).containsExactly("Emilie Morvant", "Amaury Habrard", "Stéphane Ayache");
    assertThat(dc.comments()).isEqualTo("7 pages, Research report");
    assertThat(dc.abstractText()).startsWith("A lot of attention has been devoted to multimedia indexing");
  }
}
