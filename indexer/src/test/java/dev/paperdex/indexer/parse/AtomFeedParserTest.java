package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.SkipReason;
import dev.paperdex.searcher.Paper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AtomFeedParserTest {

  @Test
  void readsEveryFieldOfA2026Entry() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "feed-2026.xml");

    assertThat(sink.skips).isEmpty();
    Paper paper = sink.byId().get("2604.00001");
    assertThat(paper.version()).isEqualTo(3);
    assertThat(paper.title()).isEqualTo("Sparse Attention for Long Documents");
    assertThat(paper.abstractText())
        .isEqualTo("We study sparse attention. Our method scales to very long documents without losing accuracy.");
    assertThat(paper.authors()).containsExactly("Dirk Wübben", "Joost van der Putten");
    assertThat(paper.categories()).containsExactly("cs.LG", "cs.CL");
    assertThat(paper.published()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2026-04-20T09:15:00Z"));
    assertThat(paper.comments()).isEqualTo("12 pages, 3 figures");
    assertThat(paper.journalRef()).isEqualTo("J. Sparse Stud. 4 (2026) 1-12");
    assertThat(paper.doi()).isEqualTo("10.1234/jss.2026.001");
  }

  @Test
  void keepsOldStyleIds() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "feed-2026.xml");

    assertThat(sink.byId()).containsKey("astro-ph/0601001");
    assertThat(sink.byId().get("astro-ph/0601001").version()).isEqualTo(1);
  }

  @Test
  void reportsAnErrorFeedInsteadOfIndexingIt() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "error-feed.xml");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.ERROR_RESPONSE);
      assertThat(skip.toString()).contains("error-feed.xml, entry 1").contains("incorrect id format for xyz");
    });
  }

  @Test
  void anEmptyFeedIsFine() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "empty-feed.xml");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).isEmpty();
  }

  @Test
  void keepsTheCompleteEntriesOfATruncatedFeedAndSkipsTheCutOne() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "truncated-feed.xml");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.00001");
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isEqualTo("entry 2");
      assertThat(skip.detail()).contains("truncated");
    });
  }

  @Test
  void readsTheClassicLayout() throws Exception {
    CollectingSink sink = CollectingSink.parse(new AtomFeedParser(), "feed-classic.xml");

    assertThat(sink.skips).isEmpty();
    Paper paper = sink.byId().get("1111.20111");
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.title()).isEqualTo("Frustrated Magnets on the Checkerboard Lattice: a Quantum Monte Carlo Study");
    assertThat(paper.abstractText()).isEqualTo("We study the spin-1/2 model on the checkerboard lattice with quantum "
        + "Monte Carlo. The ground state of Göran's model breaks the Z2 symmetry at λ ≈ 0.3.");
    assertThat(paper.authors()).containsExactly("Adrian Del Maestro", "Göran Östlin");
    assertThat(paper.categories()).containsExactly("cond-mat.str-el", "cond-mat.stat-mech");
    assertThat(paper.doi()).isEqualTo("10.1103/PhysRevB.85.000001");
    assertThat(paper.journalRef()).isEqualTo("Phys. Rev. B 85, 000001 (2012)");
    assertThat(paper.comments()).isEqualTo("5 pages, 4 figures");
    assertThat(paper.published()).isEqualTo(Instant.parse("2011-11-08T20:00:12Z"));
    assertThat(sink.byId().get("1012.00002").doi()).isEqualTo("10.1000/only-a-link");
  }
}
