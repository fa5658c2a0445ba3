package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallSegmentMergesTest {

  @TempDir
  Path temp;

  @Test
  void smallSegmentsAreMergedAtACommitOnceThereAreMoreThanOneRunWrites() throws Exception {
    List<Integer> segmentsAfterEachCommit = new ArrayList<>();
    try (FSDirectory directory = FSDirectory.open(temp);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
             .setMergePolicy(new SmallSegmentMerges(2))
             .setMaxFullFlushMergeWaitMillis(60_000))) {
      for (int commit = 0; commit < 5; commit++) {
        Document paper = new Document();
        paper.add(new StringField("id", "paper-" + commit, Field.Store.YES));
        writer.addDocument(paper); // one segment per commit
        writer.commit();
        segmentsAfterEachCommit.add(SegmentInfos.readLatestCommit(directory).size());
      }
      assertThat(writer.getDocStats().numDocs).isEqualTo(5);
    }

    // A run's two lanes' segments stay; a third small segment has them all merged into one.
    assertThat(segmentsAfterEachCommit).containsExactly(1, 2, 1, 2, 1);
  }
}
