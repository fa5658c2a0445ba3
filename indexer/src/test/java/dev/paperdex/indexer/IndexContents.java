package dev.paperdex.indexer;

import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What an index on disk holds, read with Lucene alone, so that tests need not trust the searcher to say. */
public final class IndexContents {

  private IndexContents() {}

  /** The ids of the papers in the index's last commit, deleted documents left out, in order. */
  public static SortedSet<String> ids(Path index) throws IOException {
    SortedSet<String> ids = new TreeSet<>();
    try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          ids.add(stored.document(doc, Set.of(PaperSchema.ID)).get(PaperSchema.ID));
        }
      }
    }
    return ids;
  }
}
