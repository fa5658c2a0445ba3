package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class PaperQueryParserTest {

  /** The parser analyses a text once for the title, abstract and comments: that is only right if they analyse alike. */
  @Test
  void aTextAnalysedForOneEnglishFieldGivesTheSameQueryInTheOthers() {
    QueryBuilder builder = new QueryBuilder(PaperSchema.analyzer());
    for (String text : List.of("caches", "GPT-4", "Non-invasive imaging of the brain", "λ", "$\\lambda$ calculus",
        "Östlin's tumours", "the")) {
      for (int slop : new int[] {0, 2}) {
        Query inTitle = builder.createPhraseQuery(PaperSchema.TITLE, text, slop);
        assertThat(PaperSchema.ENGLISH_TEXT_FIELDS).contains(PaperSchema.TITLE);
        for (String field : PaperSchema.ENGLISH_TEXT_FIELDS) {
          Query direct = builder.createPhraseQuery(field, text, slop);
          Query moved = PaperQueryParser.inField(inTitle, field);
          // null: a kind of query the parser analyses again instead
          if (moved != null) {
            assertThat(moved).as(text + " in " + field).isEqualTo(direct);
            assertThat(moved.toString()).isEqualTo(direct.toString());
          }
        }
      }
    }
  }
}
