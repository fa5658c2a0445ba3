package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarPapersTest {

  /** Four papers on each of three topics; ids say the topic: 1xx serving, 2xx quantum codes, 3xx galaxy surveys. */
  private static final List<Paper> PAPERS = List.of(
      paper("2601.00101", "Paged KV cache management for high-throughput LLM serving",
          "Serving large language models is limited by the memory of the key-value cache. We store the KV cache in "
              + "fixed-size pages and share pages between requests, which raises serving throughput by 2x on a "
              + "single GPU."),
      paper("2601.00102", "Prefix sharing in the KV cache for multi-tenant inference",
          "Many requests to an LLM inference server share a long system prompt. We deduplicate the prefix in the "
              + "KV cache across tenants and evict cold cache blocks, cutting GPU memory and time to first token."),
      paper("2601.00103", "Offloading the key-value cache to CPU memory during LLM decoding",
          "Long-context decoding needs a KV cache larger than GPU memory. We offload cold cache entries to host "
              + "memory and prefetch them before attention, keeping serving latency within 10 percent."),
      paper("2601.00104", "Quantised KV cache for long-context LLM serving",
          "We quantise the key-value cache of a large language model to 4 bits per value. Inference memory "
              + "falls fourfold, so the serving system fits longer contexts and larger batches on each GPU."),
      paper("2601.00201", "Surface code decoding with neural networks",
          "Quantum error correction protects logical qubits from noise. We train a neural decoder for the surface "
              + "code that matches minimum-weight perfect matching on circuit-level noise at distance 7."),
      paper("2601.00202", "Logical qubit thresholds for the surface code under biased noise",
          "We compute the threshold of the surface code when dephasing dominates the physical qubit noise, and "
              + "show that tailored stabilizer measurements raise the error correction threshold."),
      paper("2601.00203", "Low-overhead quantum LDPC codes for fault-tolerant computation",
          "Quantum low-density parity-check codes encode many logical qubits with few physical qubits. We give a "
              + "decoder for these stabilizer codes and estimate the fault-tolerant error threshold."),
      paper("2601.00204", "Real-time decoding of quantum error correcting codes on FPGAs",
          "Fault-tolerant quantum computers must decode syndromes faster than errors accumulate. Our FPGA decoder "
              + "handles surface code syndromes of 1000 physical qubits in under one microsecond."),
      paper("2601.00301", "Galaxy clustering in the first year of a wide-field spectroscopic survey",
          "We measure the clustering of two million galaxies from the first year of a spectroscopic redshift "
              + "survey and constrain baryon acoustic oscillations and the growth of cosmic structure."),
      paper("2601.00302", "Photometric redshifts for galaxy surveys with machine learning",
          "Imaging surveys observe billions of galaxies but take few spectra. We estimate photometric redshifts of "
              + "survey galaxies with gradient boosted trees trained on a spectroscopic sample."),
      paper("2601.00303", "Weak lensing shear measurement in deep galaxy surveys",
          "Weak gravitational lensing distorts the shapes of distant galaxies. We calibrate shear estimates for "
              + "a deep imaging survey and constrain the amplitude of matter clustering."),
      paper("2601.00304", "Dark matter halo masses from galaxy group catalogues",
          "We assign dark matter halo masses to galaxy groups identified in a redshift survey and compare the "
              + "clustering of groups with cosmological simulations of structure formation."));

  private final Analyzer analyzer = PaperSchema.analyzer();
  private Directory directory;
  private DirectoryReader reader;

  private static Paper paper(String id, String title, String abstractText) {
    return Paper.builder().withId(id).withTitle(title).withAbstract(abstractText).withAuthors(List.of("A. Author"))
        .withCategories(List.of("cs.DC")).build();
  }

  @BeforeEach
  void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Paper paper : PAPERS) {
        writer.addDocument(PaperDocument.toDocument(paper));
      }
      writer.setLiveCommitData(Map.of(PaperSchema.SCHEMA_VERSION_KEY, String.valueOf(PaperSchema.VERSION))
          .entrySet());
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  private int docId(String id) throws IOException {
    return new IndexSearcher(reader).search(KeywordField.newExactQuery(PaperSchema.ID, id), 1).scoreDocs[0].doc;
  }

  private List<String> similar(String id, int n) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Query query = SimilarPapers.likeThis(reader, docId(id), analyzer);
    List<String> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc, Set.of(PaperSchema.ID)).get(PaperSchema.ID));
    }
    return ids;
  }

  private static String topic(String id) {
    return id.substring(0, "2601.001".length());
  }

  @Test
  void theTopThreeForEveryPaperAreTheOtherPapersOfItsTopic() throws IOException {
    for (Paper paper : PAPERS) {
      List<String> top = similar(paper.id(), 3);

      assertThat(top).as("papers like %s: %s", paper.id(), paper.title())
          .hasSize(3)
          .allMatch(id -> topic(id).equals(topic(paper.id())))
          .doesNotContain(paper.id());
    }
  }

  @Test
  void neverReturnsThePaperItself() throws IOException {
    for (Paper paper : PAPERS) {
      assertThat(similar(paper.id(), PAPERS.size())).as("papers like %s", paper.id())
          .doesNotContain(paper.id())
          .isNotEmpty();
    }
  }

  @Test
  void titleWordsWeighMoreThanAbstractWordsAndTheQueryStaysSmall() throws IOException {
    BooleanQuery query = (BooleanQuery) SimilarPapers.likeThis(reader, docId("2601.00201"), analyzer);

    assertThat(query.toString()).contains("title:surface", "abstract:decode", "abstract:qubit");
    assertThat(query.clauses()).filteredOn(clause -> clause.occur() == BooleanClause.Occur.MUST_NOT)
        .extracting(clause -> clause.query().toString()).singleElement().asString().contains("id:2601.00201");
    List<Query> parts = query.clauses().stream().filter(clause -> clause.occur() == BooleanClause.Occur.SHOULD)
        .map(BooleanClause::query).toList();
    assertThat(parts).hasSize(2);
    int termClauses = parts.stream().mapToInt(part -> ((BooleanQuery) part).clauses().size()).sum();
    assertThat(termClauses).isLessThanOrEqualTo(SimilarPapers.MAX_TITLE_TERMS + SimilarPapers.MAX_ABSTRACT_TERMS);
    assertThat(maxBoost(parts.get(0))).isEqualTo(SimilarPapers.TITLE_WEIGHT);
    assertThat(maxBoost(parts.get(1))).isEqualTo(1.0f);
    // stop words and abstract boilerplate never make papers alike
    assertThat(query.toString()).doesNotContain("abstract:we^", "abstract:the^", "abstract:of^");
  }

  private static float maxBoost(Query part) {
    return (float) ((BooleanQuery) part).clauses().stream()
        .mapToDouble(clause -> ((BoostQuery) clause.query()).getBoost()).max().orElseThrow();
  }

  @Test
  void aPaperWithoutTextMatchesNothing() throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      writer.addDocument(PaperDocument.toDocument(paper("2601.00999", "", null)));
    }
    reader.close();
    reader = DirectoryReader.open(directory);

    assertThat(similar("2601.00999", 5)).isEmpty();
  }
}
