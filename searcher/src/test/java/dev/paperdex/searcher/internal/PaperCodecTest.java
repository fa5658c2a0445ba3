package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Papers stored in paperdex's codec, and in the codecs of older indexes, read back whole, alone and merged. */
class PaperCodecTest {

  @TempDir
  Path temp;

  /** Papers of every size, among them abstracts larger than two of the codec's 16 KB blocks, which Lucene slices. */
  private static List<Paper> papers(String idPrefix, int count, long seed) {
    Random random = new Random(seed);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int words = i % 97 == 5 ? 6_000 + random.nextInt(4_000) : 1 + random.nextInt(300);
      StringBuilder abstractText = new StringBuilder();
      for (int w = 0; w < words; w++) {
        abstractText.append(w == 0 ? "" : " ").append("wörd").append(random.nextInt(5_000));
      }
      papers.add(Paper.builder().withId(idPrefix + "." + i).withVersion(1 + random.nextInt(5))
          .withTitle("Paper " + i + " on λ-calculus").withAbstract(abstractText.toString())
          .withAuthors(List.of("Ana Núñez", "B. Author " + i)).withCategories(List.of("cs.LO", "math.CT"))
          .withPublished(Instant.ofEpochSecond(1_600_000_000L + i * 86_400L)).withComments(i % 3 == 0 ? null : "12 pages")
          .build());
    }
    return papers;
  }

  private static void write(Directory directory, Codec codec, List<Paper> papers) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory,
        new IndexWriterConfig(PaperSchema.analyzer()).setCodec(codec).setUseCompoundFile(false))) {
      for (Paper paper : papers) {
        writer.addDocument(PaperDocument.toDocument(paper));
      }
      writer.commit();
    }
  }

  /** Every paper, read in a random order and then in index order, as it was written. */
  private static void assertReadsBack(Directory directory, List<Paper> papers) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.maxDoc()).isEqualTo(papers.size());
      StoredFields stored = reader.storedFields();
      Random random = new Random(7);
      for (int i = 0; i < papers.size(); i++) {
        int doc = random.nextInt(papers.size());
        Paper read = PaperDocument.toPaper(stored.document(doc));
        assertThat(read).isEqualTo(papers.stream().filter(p -> p.id().equals(read.id())).findFirst().orElseThrow());
      }
      List<Paper> inOrder = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        inOrder.add(PaperDocument.toPaper(stored.document(doc)));
      }
      assertThat(inOrder).containsExactlyInAnyOrderElementsOf(papers);
    }
  }

  private static List<String> segmentCodecs(Directory directory) throws IOException {
    List<String> codecs = new ArrayList<>();
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
      codecs.add(segment.info.getCodec().getName());
    }
    return codecs;
  }

  private static boolean clean(Directory directory) throws IOException {
    try (CheckIndex check = new CheckIndex(directory)) {
      return check.checkIndex().clean;
    }
  }

  @Test
  void papersOfEverySizeReadBackAsWritten() throws IOException {
    List<Paper> papers = papers("2601", 200, 1);
    try (Directory directory = FSDirectory.open(temp)) {
      write(directory, new PaperCodec(), papers);

      assertThat(segmentCodecs(directory)).containsOnly(PaperCodec.NAME);
      assertReadsBack(directory, papers);
      assertThat(clean(directory)).as("CheckIndex").isTrue();
    }
  }

  @Test
  void segmentsOfOlderCodecsReadBesideNewOnesAndMergeIntoPaperdexsCodec() throws IOException {
    List<Paper> lucenes = papers("2401", 80, 2);
    List<Paper> smallBlocks = papers("2501", 80, 3);
    List<Paper> plain = papers("2601", 80, 4);
    List<Paper> all = new ArrayList<>(lucenes);
    all.addAll(smallBlocks);
    all.addAll(plain);
    try (Directory directory = FSDirectory.open(temp)) {
      write(directory, new Lucene104Codec(), lucenes);
      write(directory, new SmallBlocksCodec(), smallBlocks);
      write(directory, new PaperCodec(), plain);

      assertThat(segmentCodecs(directory)).containsExactly("Lucene104", SmallBlocksCodec.NAME, PaperCodec.NAME);
      assertReadsBack(directory, all);
      assertThat(clean(directory)).as("CheckIndex of the mixed index").isTrue();

      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperSchema.analyzer())
          .setCodec(new PaperCodec()).setUseCompoundFile(false))) {
        writer.forceMerge(1);
        writer.commit();
      }
      assertThat(segmentCodecs(directory)).containsExactly(PaperCodec.NAME);
      assertReadsBack(directory, all);
      assertThat(clean(directory)).as("CheckIndex of the merged index").isTrue();
    }
  }
}
