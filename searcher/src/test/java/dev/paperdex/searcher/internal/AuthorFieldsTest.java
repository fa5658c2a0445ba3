package dev.paperdex.searcher.internal;

import static dev.paperdex.searcher.internal.PaperSchema.AUTHORS;
import static dev.paperdex.searcher.internal.PaperSchema.AUTHOR_FACET;
import static dev.paperdex.searcher.internal.PaperSchema.AUTHOR_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The authors' names and keys as one field instance each hold in the index exactly what a field instance per author
 * held (how {@link PaperDocument} made them before), and the facet given a value per author what it held given one per
 * distinct author: every field's terms, frequencies, postings with positions, norms, stored values and doc values.
 */
class AuthorFieldsTest {

  private static final List<Paper> PAPERS = List.of(
      paper("2601.00001", "Göran Östlin", "Jean-Pierre Lévy-Leblond", "A. B. C. Déjà", "J.-P. Serre"),
      // The first name has no key, so the keys' field first comes with the second; one author named twice.
      paper("2601.00002", "—", "ATLAS Collaboration", "María José Núñez", "Göran Östlin", "Göran Östlin"),
      paper("2601.00003", "The IceCube Collaboration"),
      paper("2601.00004"),
      // Names that analyse to no token at all, first, between others and last.
      paper("2601.00005", "?", "Ann Lee", "!!", "Ann Lee", "…"),
      paper("2601.00006", "Joost van der Putten Jr.", "x".repeat(300) + " Longname", "D. O'Brien", "李小龍",
          "Zoë Ça-Va", ""),
      paper("2601.00007", IntStream.range(0, 300).mapToObj(k -> "Author " + (char) ('A' + k % 26) + ". Member"
          + (k % 40)).toArray(String[]::new)));

  @Test
  void indexHoldsWhatAFieldInstancePerAuthorHeld() throws IOException {
    List<String> perAuthor = contents(AuthorFieldsTest::perAuthorInstances);
    List<String> combined = contents(PaperDocument::toDocument);

    assertThat(combined).isEqualTo(perAuthor);
    assertThat(perAuthor)
        .contains("field authors DOCS_AND_FREQS_AND_POSITIONS norms=true payloads=false dv=NONE points=0")
        .contains("term author_key vanderputten_j docFreq=1 totalTermFreq=1 doc=5 freq=1")
        // The names of the first paper, 100 positions apart: Göran Östlin, Jean-Pierre Lévy-Leblond, ...
        .contains("term authors levy docFreq=1 totalTermFreq=1 doc=0 freq=1 at [104]")
        .contains("term authors ostlin docFreq=2 totalTermFreq=3 doc=0 freq=1 at [1] doc=1 freq=2 at [306, 408]")
        .contains("norm authors doc=6 " + normOfLength(900))
        .contains("dv author_facet doc=1 ATLAS Collaboration Göran Östlin María José Núñez —");
  }

  /** The norm of a field of {@code length} tokens, as the default similarity keeps it. */
  private static long normOfLength(int length) {
    return org.apache.lucene.util.SmallFloat.intToByte4(length);
  }

  private static Paper paper(String id, String... authors) {
    return Paper.builder().withId(id).withTitle("On " + id).withAbstract("We study the authors of " + id + ".")
        .withAuthors(List.of(authors)).withCategories(List.of("hep-ex", "astro-ph.HE"))
        .withPublished(Instant.parse("2026-01-02T03:04:05Z")).build();
  }

  /**
   * The document as {@link PaperDocument} made it before: an instance of the names' and the keys' field per author,
   * and one of the facet's per distinct author.
   */
  private static Document perAuthorInstances(Paper paper) {
    Document doc = new Document();
    boolean authorsAdded = false;
    boolean facetAdded = false;
    for (IndexableField field : PaperDocument.toDocument(paper)) {
      if (field.name().equals(AUTHORS) || field.name().equals(AUTHOR_KEYS)) {
        if (!authorsAdded) {
          for (String author : paper.authors()) {
            doc.add(new Field(AUTHORS, author, PaperSchema.STORED_TEXT));
            String key = AuthorNames.key(author);
            if (key != null) {
              doc.add(new StringField(AUTHOR_KEYS, key, Field.Store.NO));
            }
          }
          authorsAdded = true;
        }
      } else if (field.name().equals(AUTHOR_FACET)) {
        if (!facetAdded) {
          paper.authors().stream().distinct()
              .forEach(author -> doc.add(new SortedSetDocValuesField(AUTHOR_FACET, new BytesRef(author))));
          facetAdded = true;
        }
      } else {
        doc.add(field);
      }
    }
    return doc;
  }

  /** Everything an index of {@link #PAPERS} holds, one fact a line, written as {@code document} makes them. */
  private static List<String> contents(Function<Paper, Document> document) throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
        for (Paper paper : PAPERS) {
          writer.addDocument(document.apply(paper));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(1);
        return contents(reader.leaves().getFirst().reader());
      }
    }
  }

  private static List<String> contents(LeafReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (FieldInfo field : reader.getFieldInfos()) {
      lines.add("field " + field.name + " " + field.getIndexOptions() + " norms=" + field.hasNorms()
          + " payloads=" + field.hasPayloads() + " dv=" + field.getDocValuesType()
          + " points=" + field.getPointDimensionCount());
      if (field.getIndexOptions() != IndexOptions.NONE) {
        postings(reader, field, lines);
      }
      if (field.hasNorms()) {
        NumericDocValues norms = reader.getNormValues(field.name);
        for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
          lines.add("norm " + field.name + " doc=" + doc + " " + norms.longValue());
        }
      }
      switch (field.getDocValuesType()) {
        case NUMERIC -> {
          NumericDocValues values = reader.getNumericDocValues(field.name);
          for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            lines.add("dv " + field.name + " doc=" + doc + " " + values.longValue());
          }
        }
        case SORTED_SET -> {
          SortedSetDocValues values = reader.getSortedSetDocValues(field.name);
          for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            StringBuilder line = new StringBuilder("dv " + field.name + " doc=" + doc);
            for (int k = 0; k < values.docValueCount(); k++) {
              line.append(' ').append(values.lookupOrd(values.nextOrd()).utf8ToString());
            }
            lines.add(line.toString());
          }
        }
        default -> lines.add("dv " + field.name + " " + field.getDocValuesType() + " not compared");
      }
    }
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      int docId = doc;
      reader.storedFields().document(doc, new StoredFieldVisitor() {
        @Override
        public Status needsField(FieldInfo field) {
          return Status.YES;
        }

        @Override
        public void stringField(FieldInfo field, String value) {
          lines.add("stored doc=" + docId + " " + field.name + " string " + value);
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) {
          lines.add("stored doc=" + docId + " " + field.name + " bytes " + Arrays.toString(value));
        }

        @Override
        public void intField(FieldInfo field, int value) {
          lines.add("stored doc=" + docId + " " + field.name + " int " + value);
        }

        @Override
        public void longField(FieldInfo field, long value) {
          lines.add("stored doc=" + docId + " " + field.name + " long " + value);
        }
      });
    }
    return lines;
  }

  /** A line per term: its statistics and every posting with its frequency, positions and offsets. */
  private static void postings(LeafReader reader, FieldInfo field, List<String> lines) throws IOException {
    Terms terms = reader.terms(field.name);
    lines.add("terms " + field.name + " size=" + terms.size() + " docCount=" + terms.getDocCount()
        + " sumDocFreq=" + terms.getSumDocFreq() + " sumTotalTermFreq=" + terms.getSumTotalTermFreq());
    boolean positions = field.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    boolean offsets = field.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
    TermsEnum termsEnum = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
      StringBuilder line = new StringBuilder("term " + field.name + " " + term.utf8ToString() + " docFreq="
          + termsEnum.docFreq() + " totalTermFreq=" + termsEnum.totalTermFreq());
      postings = termsEnum.postings(postings, PostingsEnum.ALL);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        line.append(" doc=").append(doc).append(" freq=").append(postings.freq());
        if (positions) {
          List<String> at = new ArrayList<>();
          for (int k = 0; k < postings.freq(); k++) {
            int position = postings.nextPosition();
            at.add(offsets ? position + ":" + postings.startOffset() + "-" + postings.endOffset()
                : String.valueOf(position));
          }
          line.append(" at ").append(at);
        }
      }
      lines.add(line.toString());
    }
  }
}
