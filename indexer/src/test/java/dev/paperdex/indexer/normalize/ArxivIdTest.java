package dev.paperdex.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArxivIdTest {

  @Test
  void readsABareIdAsItIs() {
    assertThat(ArxivId.find("0704.0001")).contains(new ArxivId("0704.0001", 0));
    assertThat(ArxivId.find("2603.23640")).contains(new ArxivId("2603.23640", 0));
    assertThat(ArxivId.find("astro-ph/9601001")).contains(new ArxivId("astro-ph/9601001", 0));
    assertThat(ArxivId.find("hep-th/9901001")).contains(new ArxivId("hep-th/9901001", 0));
    assertThat(ArxivId.find("solv-int/9901001")).contains(new ArxivId("solv-int/9901001", 0));
  }

  @Test
  void findsAnIdWithAVersionASubjectClassOrAroundIt() {
    assertThat(ArxivId.find("2603.23640v3")).contains(new ArxivId("2603.23640", 3));
    assertThat(ArxivId.find("math.AG/0601001")).contains(new ArxivId("math/0601001", 0));
    assertThat(ArxivId.find("astro-ph.CO/0601001v2")).contains(new ArxivId("astro-ph/0601001", 2));
    assertThat(ArxivId.find("arXiv:0704.0001")).contains(new ArxivId("0704.0001", 0));
    assertThat(ArxivId.find(" 0704.0001 ")).contains(new ArxivId("0704.0001", 0));
    assertThat(ArxivId.find("http://arxiv.org/abs/2603.23640v1")).contains(new ArxivId("2603.23640", 1));
  }

  @Test
  void findsNoIdInWhatOnlyLooksLikeOne() {
    assertThat(ArxivId.find(null)).isEmpty();
    assertThat(ArxivId.find("704.0001")).isEmpty();
    assertThat(ArxivId.find("0704.000")).isEmpty();
    assertThat(ArxivId.find("0704.000123")).isEmpty();
    assertThat(ArxivId.find("0704,0001")).isEmpty();
    assertThat(ArxivId.find("astro-ph/960100")).isEmpty();
    assertThat(ArxivId.find("astro-ph/96010012")).isEmpty();
    assertThat(ArxivId.find("astro-/9601001")).isEmpty();
    assertThat(ArxivId.find("/9601001")).isEmpty();
  }

  @Test
  void anArchiveThatIsNotLowerCaseWordsJoinedByHyphensGivesOnlyItsLastPart() {
    assertThat(ArxivId.find("Astro-ph/9601001")).contains(new ArxivId("ph/9601001", 0));
    assertThat(ArxivId.find("astro--ph/9601001")).contains(new ArxivId("ph/9601001", 0));
    assertThat(ArxivId.find("-astro/9601001")).contains(new ArxivId("astro/9601001", 0));
  }
}
