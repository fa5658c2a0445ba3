package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AmericanSpellingFilterTest {

  /** The word is spelt so by the filter as a token, as well as by the method it uses. */
  private static void spelt(String british, String american) {
    assertThat(AmericanSpellingFilter.american(british)).as(british).isEqualTo(american);
    assertThat(filtered(british)).as(british).isEqualTo(american);
  }

  private static String filtered(String word) {
    Tokenizer tokenizer = new KeywordTokenizer();
    tokenizer.setReader(new StringReader(word));
    try (TokenStream stream = new AmericanSpellingFilter(tokenizer)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      assertThat(stream.incrementToken()).isTrue();
      String spelt = term.toString();
      stream.end();
      return spelt;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void unchanged(String word) {
    spelt(word, word);
  }

  @Test
  void britishSpellingsBecomeAmerican() {
    spelt("tumour", "tumor");
    spelt("antitumoural", "antitumoral");
    spelt("behavioural", "behavioral");
    spelt("optimisation", "optimization");
    spelt("quantised", "quantized");
    spelt("characterising", "characterizing");
    spelt("unrealisable", "unrealizable");
    spelt("analysed", "analyzed");
    spelt("hydrolyse", "hydrolyze");
    spelt("modelling", "modeling");
    spelt("unlabelled", "unlabeled");
    spelt("tunnelling", "tunneling");
    spelt("ischaemia", "ischemia");
    spelt("haematopoietic", "hematopoietic");
    spelt("oesophageal", "esophageal");
    spelt("diarrhoea", "diarrhea");
    spelt("paediatric", "pediatric");
    spelt("centred", "centered");
    spelt("nanometres", "nanometers");
    spelt("fibre", "fiber");
    spelt("catalogued", "cataloged");
    spelt("analogues", "analogs");
    spelt("manoeuvring", "maneuvering");
    spelt("practised", "practiced");
    spelt("sulphate", "sulfate");
    spelt("grey", "gray");
  }

  @Test
  void wordsSpeltSoInAmericanEnglishStay() {
    for (String word : new String[] {"four", "your", "contour", "precise", "exercise", "advise", "supervised",
        "pairwise", "otherwise", "noise", "denoising", "raising", "promising", "uncompromising", "surprise",
        "arising", "expertise", "advertised", "paradise", "crises", "analyses", "analysis", "lyse", "lysed",
        "propelled", "compelling", "cancellation", "prologue", "academic", "coefficient", "concentrate",
        "spectrum", "illustrate", "aerosol", "does"}) {
      unchanged(word);
    }
  }
}
