package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class EnglishStemFilterTest {

  private static List<String> terms(String text, Function<TokenStream, TokenStream> filters) throws IOException {
    Tokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(new StringReader(text));
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = filters.apply(tokenizer)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  private static List<String> twoFilters(String text) throws IOException {
    return terms(text, in -> new KStemFilter(new AmericanSpellingFilter(in)));
  }

  @Test
  void remembersWhatTheTwoFiltersGiveEachWord() throws IOException {
    String text = "the tumours were analysed and the tumour was analysed again while modelling modelled models "
        + "of quantised fields in centres of the centre studies studied studying running runs ran"
        + " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        + " characterisations characterisations the";
    List<String> stemmed = terms(text, EnglishStemFilter::new);
    assertThat(stemmed).isEqualTo(twoFilters(text));
    assertThat(stemmed).contains("tumor", "analyze", "model", "center", "study");
  }

  @Test
  void staysRightWhenItsMemoryIsFullAndEmptied() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      text.append("colour").append(i % 1000 == 0 ? "s " : "ed").append(Integer.toString(i, 26).replaceAll("\\d", "x"))
          .append(" studies ");
    }
    assertThat(terms(text.toString(), EnglishStemFilter::new)).isEqualTo(twoFilters(text.toString()));
  }

  @Test
  void leavesKeywordsAlone() throws IOException {
    CharArraySet keywords = new CharArraySet(List.of("studies"), false);
    assertThat(terms("studies tumours", in -> new EnglishStemFilter(new SetKeywordMarkerFilter(in, keywords))))
        .containsExactly("studies", "tumor");
  }
}
