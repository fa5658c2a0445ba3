package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMergeTest {

  private static final Paper V1_FROM_API = Paper.builder().withId("2603.23640").withVersion(1)
      .withTitle("LLM Inference at the Edge").withAbstract("First abstract.")
      .withAuthors(List.of("Pranay Tummalapalli")).withCategories(List.of("cs.DC"))
      .withPublished(Instant.parse("2026-03-24T18:28:38Z")).withUpdated(Instant.parse("2026-03-24T18:28:38Z"))
      .withComments("14 pages").build();
  private static final Paper V2_FROM_TEXT = Paper.builder().withId("2603.23640").withVersion(2)
      .withTitle("LLM Inference at the Edge (revised)").withAbstract("Revised abstract.")
      .withAuthors(List.of("Pranay Tummalapalli", "Sahil Arayakandy"))
      .withPublished(Instant.parse("2026-06-07T18:38:40Z")).withUpdated(Instant.parse("2026-06-07T18:38:40Z"))
      .withDoi("10.1000/edge").build();

  @Test
  void theNewerVersionWinsAndTheOlderFillsWhatItLacks() {
    Paper merged = PaperMerge.merge(V1_FROM_API, V2_FROM_TEXT);

    assertThat(merged.version()).isEqualTo(2);
    assertThat(merged.title()).isEqualTo("LLM Inference at the Edge (revised)");
    assertThat(merged.abstractText()).isEqualTo("Revised abstract.");
    assertThat(merged.authors()).containsExactly("Pranay Tummalapalli", "Sahil Arayakandy");
    assertThat(merged.categories()).containsExactly("cs.DC");
    assertThat(merged.comments()).isEqualTo("14 pages");
    assertThat(merged.doi()).isEqualTo("10.1000/edge");
    assertThat(merged.published()).isEqualTo(Instant.parse("2026-03-24T18:28:38Z"));
    assertThat(merged.updated()).isEqualTo(Instant.parse("2026-06-07T18:38:40Z"));
  }

  @Test
  void theOrderOfTheTwoRecordsDoesNotMatterWhenOneIsNewer() {
    assertThat(PaperMerge.merge(V2_FROM_TEXT, V1_FROM_API)).isEqualTo(PaperMerge.merge(V1_FROM_API, V2_FROM_TEXT));
  }

  @Test
  void mergingARecordAgainChangesNothing() {
    Paper merged = PaperMerge.merge(V1_FROM_API, V2_FROM_TEXT);

    assertThat(PaperMerge.merge(merged, V1_FROM_API)).isEqualTo(merged);
    assertThat(PaperMerge.merge(merged, V2_FROM_TEXT)).isEqualTo(merged);
  }

  @Test
  void onATieTheIndexedRecordKeepsItsValues() {
    Paper sameVersionOtherSource = V1_FROM_API.toBuilder().withTitle("Other spelling").withLicense("CC BY").build();

    Paper merged = PaperMerge.merge(V1_FROM_API, sameVersionOtherSource);

    assertThat(merged.title()).isEqualTo(V1_FROM_API.title());
    assertThat(merged.license()).isEqualTo("CC BY");
  }
}
