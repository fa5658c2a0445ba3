package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlattenedTextParserTest {

  @Test
  void readsEntriesSeparatedBySpaces() throws Exception {
    CollectingSink sink = CollectingSink.parse(new FlattenedTextParser(), "flattened-spaced.txt");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).extracting(Paper::id).containsExactly("2605.00011", "2605.00012", "2605.00013");
    Map<String, Paper> papers = sink.byId();

    Paper first = papers.get("2605.00011");
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.title()).isEqualTo("Quantum Error Correction on a Budget");
    assertThat(first.abstractText()).isEqualTo("We correct errors cheaply. The decoder runs in linear time.");
    assertThat(first.updated()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(first.published()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(first.comments()).isEqualTo("10 pages, 2 figures");
    assertThat(first.authors()).containsExactly("Alice Martin", "Bob Chen");

    Paper second = papers.get("2605.00012");
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.published()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(second.comments()).isNull();
    assertThat(second.authors()).containsExactly("Laxmikant V. Kale", "Joost van der Putten", "Giulia Guidi");
    assertThat(second.doi()).isEqualTo("10.1145/1234567.8901234");

    Paper third = papers.get("2605.00013");
    assertThat(third.comments()).isEqualTo("Accepted at ICML 2026");
    assertThat(third.authors()).containsExactly("Zoë Ångström");

    assertThat(sink.notes).singleElement().asString().contains("3 of 3 entries").contains("confidence: low");
  }

  @Test
  void readsEntriesRunTogetherWithoutSpaces() throws Exception {
    CollectingSink sink = CollectingSink.parse(new FlattenedTextParser(), "flattened-glued.txt");

    assertThat(sink.skips).isEmpty();
    Map<String, Paper> papers = sink.byId();

    Paper first = papers.get("2605.00011");
    assertThat(first.version()).isEqualTo(2);
    assertThat(first.title()).isEqualTo("Quantum Error Correction on a Budget");
    assertThat(first.comments()).isEqualTo("11 pages, 2 figures");
    assertThat(first.authors()).containsExactly("Alice Martin", "Bob Chen");

    Paper second = papers.get("2605.00014");
    assertThat(second.abstractText()).isEqualTo("We quantise everything. Even the optimiser.");
    assertThat(second.comments()).isEqualTo("8 pages. Preprint");
    assertThat(second.authors()).containsExactly("HyeokJin Kim", "Ranjith M. S.", "Mary McDonald", "Hongyang Du", "Kaibin Huang");

    Paper third = papers.get("2605.00015");
    assertThat(third.comments()).isEqualTo("24 pages, 4 figures");
    assertThat(third.journalRef()).isEqualTo("Neural Networks, Volume 200, 2026, 108800");
    assertThat(third.authors()).containsExactly("Riccardo Bravin", "Manuel Roveri");
    assertThat(third.doi()).isEqualTo("10.1016/j.neunet.2026.108800");

    assertThat(sink.notes).singleElement().asString().contains("confidence: high");
  }

  @Test
  void cutsSpacedNamesWhereTheyMostLikelyEnd() {
    assertThat(FlattenedTextParser.people(List.of(
        "Dung Thuy Nguyen Ziyan An Taylor T. Johnson Meiyi Ma Kevin Leach".split(" "))))
        .containsExactly("Dung Thuy Nguyen", "Ziyan An", "Taylor T. Johnson", "Meiyi Ma", "Kevin Leach");
    assertThat(FlattenedTextParser.people(List.of("Ranjith M. S. Akshat Mandloi Sudarshan Kamath".split(" "))))
        .containsExactly("Ranjith M. S.", "Akshat Mandloi", "Sudarshan Kamath");
    assertThat(FlattenedTextParser.people(List.of("Maya Taylor Kavitha Chandrasekar Laxmikant V. Kale".split(" "))))
        .containsExactly("Maya Taylor", "Kavitha Chandrasekar", "Laxmikant V. Kale");
    assertThat(FlattenedTextParser.people(List.of("A. J. Han Vinck Joost van der Putten".split(" "))))
        .containsExactly("A. J. Han Vinck", "Joost van der Putten");
    assertThat(FlattenedTextParser.people(List.of("Yi-Jun Chang".split(" ")))).containsExactly("Yi-Jun Chang");
    assertThat(FlattenedTextParser.people(List.of("Nouri".split(" ")))).containsExactly("Nouri");
  }
}
