package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Indexer#indexPapers}: papers that come from somewhere other than files take the same path as files. */
class IndexPapersTest {

  @TempDir
  Path temp;

  private final List<Skip> skips = new ArrayList<>();

  private Indexer indexer(boolean strict) {
    return Indexer.builder()
        .withIndex(temp.resolve("index"))
        .withStrict(strict)
        .withListener(new IndexListener() {
          @Override
          public void skipped(Skip skip) {
            skips.add(skip);
          }
        })
        .build();
  }

  private static Paper paper(String id, String title, String abstractText) {
    return Paper.builder().withId(id).withTitle(title).withAbstract(abstractText).build();
  }

  private SearchResults search(String query) throws IOException {
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      return searcher.search(SearchRequest.builder().withQuery(query).withHighlight(false).build());
    }
  }

  private Paper stored(String id) throws IOException {
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      return searcher.get(id).orElseThrow();
    }
  }

  @Test
  void papersAreIndexedSearchableAndCountedAsOneSource() throws Exception {
    IndexReport report = indexer(false).indexPapers("corpus.jsonl", List.of(
        paper("4983", "Microstructural development of white matter", "Diffusion tensor imaging of newborns."),
        paper("5836", "Induction of myelodysplasia", "A mouse model of bone marrow failure.")).iterator());

    assertThat(report.files()).isEqualTo(1);
    assertThat(report.records()).isEqualTo(2);
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.papers()).isEqualTo(2);
    assertThat(report.committed()).isTrue();
    assertThat(report.summary()).startsWith("1 file, 2 records: 2 added, 0 updated, 0 unchanged, 0 skipped; 2 papers");
    assertThat(search("myelodysplasia").hits()).extracting(hit -> hit.paper().id()).containsExactly("5836");
    assertThat(search("tensor").hits()).extracting(hit -> hit.paper().id()).containsExactly("4983");
    assertThat(stored("5836").source()).isEqualTo("corpus.jsonl, record 2");
  }

  @Test
  void recordsOfPapersWrittenLongBeforeInTheSameRunMergeIntoThem() throws Exception {
    // More papers in between than the writer keeps in memory, so the later records are merged at the end of the run.
    List<Paper> papers = new ArrayList<>();
    papers.add(paper("2604.00001", "Quokka census", "Counting quokkas on Rottnest Island.").toBuilder()
        .withVersion(1).withCategories(List.of("q-bio.PE")).build());
    papers.add(paper("2604.00002", "Wombat burrows", null));
    for (int i = 0; i < 12_000; i++) {
      papers.add(paper("filler-" + i, "Filler " + i, null));
    }
    papers.add(paper("2604.00001", "Quokka census, revised", "Counting quokkas on Rottnest Island again.").toBuilder()
        .withVersion(2).build());
    papers.add(paper("2604.00002", "Wombat burrows", null));
    papers.add(paper("2604.00001", "Quokka census", "An older version read last.").toBuilder().withVersion(1).build());

    IndexReport report = indexer(false).indexPapers("corpus.jsonl", papers.iterator());

    assertThat(report.added()).isEqualTo(12_002);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(2);
    assertThat(report.papers()).isEqualTo(12_002);
    Paper quokka = stored("2604.00001");
    assertThat(quokka.version()).isEqualTo(2);
    assertThat(quokka.title()).isEqualTo("Quokka census, revised");
    assertThat(quokka.categories()).containsExactly("q-bio.PE");
    assertThat(search("quokka").totalHits()).isEqualTo(1);
  }

  @Test
  void aPaperWithItsOwnSourceKeepsIt() throws Exception {
    indexer(false).indexPapers("corpus.jsonl", List.of(
        paper("1", "Quokka census", null).toBuilder().withSource("corpus.jsonl, line 7").build()).iterator());

    assertThat(stored("1").source()).isEqualTo("corpus.jsonl, line 7");
  }

  @Test
  void theSameIdAgainIsMergedNotDuplicatedAndTheSameRecordAgainChangesNothing() throws Exception {
    indexer(false).indexPapers("first", List.of(paper("1", "Quokka census", "Counting quokkas.")).iterator());

    IndexReport report = indexer(false).indexPapers("second", List.of(
        paper("1", "Quokka census", "Counting quokkas."),
        paper("2", "Wombat census", null),
        paper("2", "Wombat census", "Counting wombats.")).iterator());

    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.papers()).isEqualTo(2);
    assertThat(stored("2").abstractText()).isEqualTo("Counting wombats.");
  }

  @Test
  void aFewRecordsAddedToALargerIndexAreToldApartFromItsPapersOverSeveralRuns() throws Exception {
    // Few records against many papers: each is looked up in the committed segments rather than all papers read.
    List<Paper> many = new ArrayList<>();
    for (int i = 1; i <= 20 * CommittedPapers.LOOKUPS_PER_LOAD; i++) {
      many.add(paper("p" + i, "Census " + i, "Counting animals, year " + i + "."));
    }
    indexer(false).indexPapers("first", many.iterator());
    Paper secondVersion = paper("p3", "Census 3", "Counting quokkas, year 3.").toBuilder().withVersion(2).build();
    IndexReport second = indexer(false).indexPapers("second", List.of(
        secondVersion,
        paper("new", "Wombat census", "Counting wombats.")).iterator());

    // p3's first document is deleted in the first run's segment; the second run's one holds it now.
    IndexReport third = indexer(false).indexPapers("third", List.of(
        secondVersion,
        paper("p7", "Census 7", "Counting animals, year 7."),
        paper("new", "Wombat census", "Counting wombats and quokkas.").toBuilder().withVersion(2).build()).iterator());

    assertThat(second.added()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.papers()).isEqualTo(many.size() + 1);
    assertThat(third.unchanged()).isEqualTo(2);
    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.added()).isZero();
    assertThat(third.papers()).isEqualTo(many.size() + 1);
    assertThat(search("quokkas").hits()).extracting(hit -> hit.paper().id()).containsExactlyInAnyOrder("p3", "new");
  }

  @Test
  void aPaperFailingTheRecordChecksIsSkippedWithItsPositionAndTheRestIndexed() throws Exception {
    String huge = "word ".repeat(RecordCheck.MAX_FIELD_CHARS / 5 + 1);

    IndexReport report = indexer(false).indexPapers("corpus.jsonl", List.of(
        paper("1", "Quokka census", null),
        paper("2", "Wombat census", huge),
        paper("3", "Numbat census", "Bad bytes \uFFFD here.")).iterator());

    assertThat(report.added()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(Map.of(SkipReason.FIELD_TOO_LONG, 1L, SkipReason.MALFORMED, 1L));
    assertThat(skips).extracting(Skip::file, Skip::position)
        .containsExactly(tuple("corpus.jsonl", "record 2"), tuple("corpus.jsonl", "record 3"));
    assertThat(skips.get(0).detail()).startsWith("2: the abstract is");
    assertThat(search("census").hits()).extracting(hit -> hit.paper().id()).containsExactly("1");
  }

  @Test
  void aStrictRunWithASkipCommitsNothing() throws Exception {
    indexer(false).indexPapers("first", List.of(paper("1", "Quokka census", null)).iterator());

    IndexReport report = indexer(true).indexPapers("second", List.of(
        paper("2", "Wombat census", null),
        paper("3", "Numbat census", "Bad bytes \uFFFD here.")).iterator());

    assertThat(report.committed()).isFalse();
    assertThat(report.papers()).isEqualTo(1);
    assertThat(search("census").hits()).extracting(hit -> hit.paper().id()).containsExactly("1");
  }

  private static Paper failWith(RuntimeException e) {
    throw e;
  }

  @Test
  void aFailureWhileReadingThePapersCommitsNothingAndSurfacesTheCause() throws Exception {
    indexer(false).indexPapers("first", List.of(paper("1", "Quokka census", null)).iterator());

    Iterator<Paper> failing = new Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        if (given == 1) {
          throw new UncheckedIOException(new IOException("unexpected end of the gzip stream"));
        }
        return true;
      }

      @Override
      public Paper next() {
        given++;
        return paper("2", "Wombat census", null);
      }
    };

    assertThatThrownBy(() -> indexer(false).indexPapers("second", failing))
        .isInstanceOf(IOException.class)
        .hasMessage("unexpected end of the gzip stream");
    Iterator<Paper> broken = List.of(paper("3", "Numbat census", null)).stream()
        .map(p -> p.id().equals("3") ? failWith(new IllegalStateException("corpus.jsonl, line 3: not JSON")) : p)
        .iterator();
    assertThatThrownBy(() -> indexer(false).indexPapers("third", broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("corpus.jsonl, line 3: not JSON");
    assertThat(search("census").hits()).extracting(hit -> hit.paper().id()).containsExactly("1");
  }
}
