package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

class PaperDocumentTest {

  @Test
  void indexesASearchKeyForEveryAuthor() throws IOException {
    Paper paper = Paper.builder().withId("astro-ph/0601001").withTitle("Stars")
        .withAuthors(List.of("Göran Östlin", "Joost van der Putten", "IceCube Collaboration")).build();

    Document doc = PaperDocument.toDocument(paper);

    assertThat(tokens(doc, PaperSchema.AUTHOR_KEYS))
        .containsExactly("ostlin_g", "vanderputten_j", "icecubecollaboration");
    assertThat(doc.getValues(PaperSchema.AUTHORS))
        .containsExactly("Göran Östlin", "Joost van der Putten", "IceCube Collaboration");
  }

  /** The terms that the index writer takes from the document's {@code field}. */
  private static List<String> tokens(Document doc, String field) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (IndexableField instance : doc.getFields(field)) {
      try (TokenStream stream = instance.tokenStream(PaperSchema.analyzer(), null)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          tokens.add(term.toString());
        }
        stream.end();
      }
    }
    return tokens;
  }

  @Test
  void indexesEachArchiveOnceAndEveryAuthorForFacets() {
    Paper paper = Paper.builder().withId("2601.00001").withTitle("T")
        .withCategories(List.of("cs.DC", "cs.LG", "hep-th", "cond-mat.str-el"))
        .withAuthors(List.of("A. One", "B. Two")).build();

    Document doc = PaperDocument.toDocument(paper);

    assertThat(Arrays.stream(doc.getFields(PaperSchema.ARCHIVES)).map(IndexableField::stringValue))
        .containsExactly("cs", "hep-th", "cond-mat");
    assertThat(Arrays.stream(doc.getFields(PaperSchema.AUTHOR_FACET)).map(f -> f.binaryValue().utf8ToString()))
        .containsExactly("A. One", "B. Two");
  }

  @Test
  void readsBackEveryStoredFieldAndHashesContentNotProvenance() {
    Paper paper = Paper.builder().withId("2601.00001").withVersion(2).withTitle("T").withAbstract("A")
        .withAuthors(List.of("A. One")).withCategories(List.of("cs.DC", "cs.LG")).withDoi("10.1/X")
        .withSource("a.xml, entry 1").build();

    assertThat(PaperDocument.toPaper(storedOnly(PaperDocument.toDocument(paper)))).isEqualTo(paper);
    assertThat(PaperDocument.fingerprint(paper.toBuilder().withSource("b.xml, entry 9").build()))
        .isEqualTo(PaperDocument.fingerprint(paper));
    assertThat(PaperDocument.fingerprint(paper.toBuilder().withTitle("T2").build()))
        .isNotEqualTo(PaperDocument.fingerprint(paper));
  }

  @Test
  void fingerprintTellsApartTextMovedBetweenFields() {
    Paper paper = Paper.builder().withId("2601.00001").withTitle("T").withAuthors(List.of("A. One", "B. Two"))
        .withComments("12 pages").build();

    assertThat(List.of(
        PaperDocument.fingerprint(paper.toBuilder().withAuthors(List.of("A. OneB. Two")).build()),
        PaperDocument.fingerprint(paper.toBuilder().withComments(null).withReportNumber("12 pages").build()),
        PaperDocument.fingerprint(paper.toBuilder().withComments("12 page").withReportNumber("s").build()),
        PaperDocument.fingerprint(paper.toBuilder().withPublished(Instant.EPOCH).build()),
        PaperDocument.fingerprint(paper.toBuilder().withWithdrawn(true).build())))
        .doesNotContain(PaperDocument.fingerprint(paper))
        .doesNotHaveDuplicates();
  }

  /** What a searcher reads back: the stored fields only. */
  private static Document storedOnly(Document doc) {
    Document stored = new Document();
    for (IndexableField field : doc) {
      if (field.fieldType().stored()) {
        stored.add(field);
      }
    }
    return stored;
  }
}
