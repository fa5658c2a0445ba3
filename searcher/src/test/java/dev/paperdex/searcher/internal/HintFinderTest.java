package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchHints.WordLocation;
import dev.paperdex.searcher.internal.HintFinder.QueryWord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HintFinderTest {

  private static final List<Paper> PAPERS = List.of(
      paper("2601.00001", "Surface code decoding with neural networks",
          "Quantum error correction protects logical qubits. We train a neural decoder that matches perfect matching "
              + "on circuit-level noise.", "Ehud Shapiro"),
      paper("2601.00002", "Thresholds of quantum codes under biased noise",
          "Tailored stabilizer measurements raise the quantum error correction threshold.", "Maria Lopez"),
      paper("2601.00003", "Real-time decoding on FPGAs",
          "Fault-tolerant quantum computers must decode stabilizer syndromes faster than errors accumulate.",
          "Wei Chen"),
      paper("2601.00004", "Quantum LDPC codes with few physical qubits",
          "Low-density parity-check codes encode many logical qubits; each stabilizer has low weight.", "Anna Berg"),
      paper("2601.00005", "Inference on the edge",
          "We benchmark small language models on the Hailo-10H NPU of a single-board computer.", "Jan Novak"),
      paper("2601.00006", "Dark matter halo masses from galaxy groups",
          "We assign halo masses to galaxy groups found in a redshift survey.", "Ravi Patel"),
      paper("2601.00007", "Satellite galaxies in Milky Way analogues",
          "Satellites trace the halo of their host galaxy.", "Laura Rossi"));

  private Directory directory;
  private DirectoryReader reader;

  private static Paper paper(String id, String title, String abstractText, String author) {
    return Paper.builder().withId(id).withTitle(title).withAbstract(abstractText).withAuthors(List.of(author))
        .withCategories(List.of("quant-ph")).build();
  }

  private IndexSearcher index(List<Paper> papers) throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
      for (Paper paper : papers) {
        writer.addDocument(PaperDocument.toDocument(paper));
      }
    }
    reader = DirectoryReader.open(directory);
    return new IndexSearcher(reader);
  }

  @AfterEach
  void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    if (directory != null) {
      directory.close();
    }
  }

  private static final Pattern WORD = Pattern.compile("(?:(\\w+):)?([^\\s:]+)");

  /** The query's words as the query parser would give them: {@code field:word} or a bare word, with offsets. */
  private static List<QueryWord> words(String query) {
    List<QueryWord> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(query);
    while (matcher.find()) {
      words.add(new QueryWord(matcher.group(2), matcher.group(1), matcher.start(2), matcher.end(2)));
    }
    return words;
  }

  private static SearchHints hints(IndexSearcher searcher, String query) throws IOException {
    return HintFinder.find(searcher, query, words(query));
  }

  @Test
  void correctsAMisspeltWordIntoAWholeQuery() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    assertThat(hints(searcher, "quantom error correction").spellings())
        .first().isEqualTo("quantum error correction");
    assertThat(hints(searcher, "quantom error correction").elsewhere()).isEmpty();
  }

  @Test
  void suggestsTheWordAsPapersWriteItNotTheStemTheIndexHolds() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    // the index holds "decode" for decoding, decoder and decode: the user meant "decoding"
    assertThat(hints(searcher, "surface code decodng").spellings()).first().isEqualTo("surface code decoding");
  }

  @Test
  void theSameRecordsGiveTheSameSpellingWhateverOrderTheyWereIndexedIn() throws IOException {
    // more papers with the stem "cluster" than are read for how it is written: "clusters" in most, "clustering" in a few
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 3 * HintFinder.SURFACE_SAMPLE_PAPERS; i++) {
      String abstractText = i % 6 == 5
          ? "We study the clustering of galaxies in survey " + i + "."
          : "Galaxy clusters of survey " + i + " trace the halo mass function.";
      papers.add(paper("2601.%05d".formatted(100 + i), "Survey " + i, abstractText, "Ravi Patel"));
    }

    List<String> forwards = hints(index(papers), "galaxy clustring").spellings();
    close();
    List<String> backwards = hints(index(papers.reversed()), "galaxy clustring").spellings();

    assertThat(forwards).isNotEmpty().isEqualTo(backwards);
    // the papers read do use both forms, and the one closer to what was typed wins
    assertThat(forwards).first().isEqualTo("galaxy clustering");
  }

  @Test
  void correctsSeveralWordsKeepsTheirCaseAndTheRestOfTheQuery() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    assertThat(hints(searcher, "Quantom  decodng").spellings()).first().isEqualTo("Quantum  decoding");
    assertThat(hints(searcher, "title:QUANTOM codes").spellings()).first().isEqualTo("title:QUANTUM codes");
    assertThat(hints(searcher, "authors:shapro").spellings()).containsExactly("authors:shapiro");
  }

  @Test
  void offsetsThatSpanMoreThanTheWordReplaceOnlyTheWord() throws IOException {
    IndexSearcher searcher = index(PAPERS);
    String query = "ti:quantom \"surface decodng\"";
    List<QueryWord> words = List.of(new QueryWord("quantom", "title", 0, 10),
        new QueryWord("decodng", null, query.indexOf("decodng"), query.length()));

    assertThat(HintFinder.find(searcher, query, words).spellings())
        .first().isEqualTo("ti:quantum \"surface decoding\"");
  }

  @Test
  void offersAtMostThreeDistinctSpellingsThatEachFindMore() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    List<String> spellings = hints(searcher, "quantom decodng").spellings();
    assertThat(spellings).hasSizeBetween(1, HintFinder.MAX_SPELLINGS).doesNotHaveDuplicates()
        .doesNotContain("quantom decodng");
    assertThat(spellings.get(0)).isEqualTo("quantum decoding");
  }

  @Test
  void aCorrectlySpeltRareWordGetsNoCorrection() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    // "hailo" is in one paper and "halo", one letter away, in two: not enough to think "hailo" a typo
    assertThat(hints(searcher, "hailo").spellings()).isEmpty();
    assertThat(hints(searcher, "hailo npu")).isEqualTo(SearchHints.none());
  }

  @Test
  void noCorrectionWhenTheCorrectedQueryWouldStillFindNothing() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    // "zebra" is in no paper and has no near neighbour, so correcting "quantom" alone cannot help
    assertThat(hints(searcher, "quantom zebra").spellings()).isEmpty();
  }

  @Test
  void aTypoThatAFewPapersShareIsStillCorrectedToTheCommonWord() throws IOException {
    List<Paper> papers = new ArrayList<>(PAPERS);
    for (int i = 0; i < 25; i++) {
      papers.add(paper(String.format("2602.%05d", i), "Quantum walk number " + i, "A quantum walk for retrieval, told in haiku.",
          "A. Author"));
    }
    papers.add(paper("2602.09999", "A walk", "One more quantom walk for retrival.", "B. Author"));
    IndexSearcher searcher = index(papers);

    assertThat(hints(searcher, "quantom walk").spellings()).first().isEqualTo("quantum walk");
    // a word some papers use is only corrected one edit away: "hailo" is two from the far more common "haiku"
    assertThat(hints(searcher, "hailo").spellings()).isEmpty();
    // the typo "retrival" is as near to "retreival" as "retrieval" is, but far rarer: not offered
    assertThat(hints(searcher, "retreival").spellings()).containsExactly("retrieval");
    // a word that many abstracts have gets no "elsewhere" hint, even though titles have it too
    assertThat(hints(searcher, "abstract:quantum").elsewhere()).isEmpty();
  }

  @Test
  void aWordAimedAtTheTitleThatOnlyAbstractsHaveIsFoundThere() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    SearchHints hints = hints(searcher, "title:stabilizer");

    assertThat(hints.elsewhere()).containsExactly(new WordLocation("stabilizer", "abstract", 3));
    assertThat(hints.spellings()).isEmpty();
  }

  @Test
  void listsEveryOtherFieldWhereTheWordOccursMostPapersFirst() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    assertThat(hints(searcher, "authors:quantum").elsewhere()).containsExactly(
        new WordLocation("quantum", "abstract", 3), new WordLocation("quantum", "title", 2));
    assertThat(hints(searcher, "abstract:quantum").elsewhere()).containsExactly(
        new WordLocation("quantum", "title", 2));
    assertThat(hints(searcher, "title:Hailo-10H").elsewhere())
        .containsExactly(new WordLocation("Hailo-10H", "abstract", 1));
    assertThat(hints(searcher, "title:zebra").elsewhere()).isEmpty();
    // not a text field: nothing to say
    assertThat(hints(searcher, "categories:quantum")).isEqualTo(SearchHints.none());
  }

  @Test
  void deletedPapersAreNotCounted() throws IOException {
    IndexSearcher searcher = index(PAPERS);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer()))) {
      writer.deleteDocuments(KeywordField.newExactQuery(PaperSchema.ID, "2601.00004"));
    }
    reader.close();
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);

    assertThat(hints(searcher, "title:stabilizer").elsewhere())
        .containsExactly(new WordLocation("stabilizer", "abstract", 2));
  }

  @Test
  void noWordsNoHints() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    assertThat(HintFinder.find(searcher, "", List.of())).isSameAs(SearchHints.none());
    assertThat(HintFinder.find(searcher, "quantum", List.of())).isEqualTo(SearchHints.none());
    assertThat(SearchHints.none().isEmpty()).isTrue();
  }

  @Test
  void rejectsOffsetsOutsideTheQuery() throws IOException {
    IndexSearcher searcher = index(PAPERS);

    assertThatThrownBy(() -> HintFinder.find(searcher, "quantom", List.of(new QueryWord("quantom", null, 0, 9))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWordIsRareInFewerPapersTheBiggerTheIndex() {
    assertThat(HintFinder.rareBelow(12)).isEqualTo(HintFinder.RARE_BELOW);
    assertThat(HintFinder.rareBelow(116_000)).isEqualTo(11);
    assertThat(HintFinder.rareBelow(2_700_000)).isEqualTo(270);
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    assertThat(HintFinder.editDistance("cahce", "cache")).isEqualTo(1);
    assertThat(HintFinder.editDistance("decodng", "decoding")).isEqualTo(1);
    assertThat(HintFinder.editDistance("decodng", "decoder")).isEqualTo(2);
    assertThat(HintFinder.editDistance("", "abc")).isEqualTo(3);
  }

  @Test
  void writesCorrectionsInTheUsersCase() {
    assertThat(HintFinder.inCaseOf("quantum", "quantom")).isEqualTo("quantum");
    assertThat(HintFinder.inCaseOf("quantum", "Quantom")).isEqualTo("Quantum");
    assertThat(HintFinder.inCaseOf("quantum", "QUANTOM")).isEqualTo("QUANTUM");
    assertThat(HintFinder.inCaseOf("ldpc", "LDPc")).isEqualTo("Ldpc");
  }
}
