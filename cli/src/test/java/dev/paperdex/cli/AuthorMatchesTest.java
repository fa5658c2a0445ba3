package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Snippet;
import org.junit.jupiter.api.Test;

/** Which author words a query marks. */
class AuthorMatchesTest {

  private static final String AUTHORS = "Göran Östlin, Minyi Guo, Jane Smith";

  private static String marked(String query) {
    Snippet snippet = AuthorMatches.of(query).mark(AUTHORS);
    StringBuilder words = new StringBuilder();
    for (Snippet.Span span : snippet.matches()) {
      words.append(words.isEmpty() ? "" : " ").append(AUTHORS, span.start(), span.end());
    }
    return words.toString();
  }

  @Test
  void authorFieldsAndBareWordsMarkNamesIgnoringCaseAndAccents() {
    assertThat(marked("au:ostlin")).isEqualTo("Östlin");
    assertThat(marked("au:guo_m")).isEqualTo("Guo");
    assertThat(marked("author:\"Jane Smith\" cache")).isEqualTo("Jane Smith");
    assertThat(marked("smith OR au:(guo OR goran)")).isEqualTo("Göran Guo Smith");
  }

  @Test
  void lettersWithoutAnAccentToStripAreFoldedAsTheIndexFoldsThem() {
    String authors = "Jens Jørgensen, Paweł Łukasz, Hans Weiß";
    Snippet snippet = AuthorMatches.of("au:jorgensen au:lukasz pawel weiss").mark(authors);

    assertThat(snippet.matches()).extracting(span -> authors.substring(span.start(), span.end()))
        .containsExactly("Jørgensen", "Paweł", "Łukasz", "Weiß");
  }

  @Test
  void otherFieldsNegationsAndWildcardsMarkNothing() {
    assertThat(marked("ti:smith abs:guo")).isEmpty();
    assertThat(marked("cache -smith NOT guo ANDNOT au:ostlin")).isEmpty();
    assertThat(marked("smi* gu?")).isEmpty();
    assertThat(marked("AND OR")).isEmpty();
  }
}
