package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class RememberedWordsFilterTest {

  /** The title and abstract fields' filters after the tokenizer and the Greek letters. */
  private static TokenStream wordFilters(TokenStream word) {
    return new KStemFilter(new AmericanSpellingFilter(
        new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(word)))));
  }

  private static TokenStream remembered(TokenStream in) {
    return new RememberedWordsFilter(in, RememberedWordsFilterTest::wordFilters);
  }


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

  private static List<String> eachTime(String text) throws IOException {
    return terms(text, RememberedWordsFilterTest::wordFilters);
  }

  @Test
  void remembersWhatTheFiltersMakeOfEachWord() throws IOException {
    String text = "The Tumours of Müller's lab the tumours were analysed and the tumour was analysed again while "
        + "modelling modelled models "
        + "of quantised fields in centres of the centre studies studied studying running runs ran"
        + " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        + " characterisations characterisations the";
    List<String> stemmed = terms(text, RememberedWordsFilterTest::remembered);
    assertThat(stemmed).isEqualTo(eachTime(text));
    assertThat(stemmed).contains("tumor", "analyze", "model", "center", "study");
  }

  @Test
  void staysRightWhenItsMemoryIsFullAndEmptied() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      text.append("colour").append(i % 1000 == 0 ? "s " : "ed").append(Integer.toString(i, 26).replaceAll("\\d", "x"))
          .append(" studies ");
    }
    assertThat(terms(text.toString(), RememberedWordsFilterTest::remembered)).isEqualTo(eachTime(text.toString()));
  }

  @Test
  void stemsNoKeyword() throws IOException {
    CharArraySet keywords = new CharArraySet(List.of("studies"), false);
    assertThat(terms("studies tumours", in -> remembered(new SetKeywordMarkerFilter(in, keywords))))
        .containsExactly("studies", "tumor");
  }

  @Test
  void passesKeywordsThroughTheFilters() throws IOException {
    CharArraySet keywords = new CharArraySet(List.of("Studies"), false);
    assertThat(terms("Studies", in -> remembered(new SetKeywordMarkerFilter(in, keywords)))).containsExactly("studies");
  }
}
