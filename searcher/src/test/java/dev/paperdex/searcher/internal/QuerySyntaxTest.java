package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

  @Test
  void plainWordsTurnSyntaxIntoSpacesAndKeepEveryWordInItsColumn() {
    assertThat(QuerySyntax.plainWords("Rottnest: \"island\" (species*)?")).isEqualTo("Rottnest   island   species   ");
    assertThat(QuerySyntax.plainWords("IL-6 AND TNF-α OR NOT ANDNOT x~2 [1 TO 5] {a} +b -c a&&b a||b -"))
        .isEqualTo("IL-6 and TNF-α or not andnot x 2  1 TO 5   a   b  c a  b a  b  ");
    assertThat(QuerySyntax.plainWords("Android ORGANS and NOTCH")).isEqualTo("Android ORGANS and NOTCH");
  }
}
