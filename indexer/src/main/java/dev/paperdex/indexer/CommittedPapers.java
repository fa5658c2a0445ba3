package dev.paperdex.indexer;

import dev.paperdex.searcher.internal.PaperSchema;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The papers of the committed index as a run found it, by id, with the fingerprint of each. A run that adds a harvest
 * asks about a few thousand ids, each looked up in the id field's terms of every segment; reading every paper of a
 * large index into memory first cost such a run more (295k papers: a third of a second of CPU, and it grows with the
 * index). Once a run has asked about one paper in {@link #LOOKUPS_PER_LOAD} (re-reading the whole harvest, say), the
 * rest of its questions are cheaper from memory, and all papers are read then.
 */
final class CommittedPapers implements Closeable {

  /**
   * Lookups of single papers cost about as much as reading all of them when they ask about one paper in this many: on
   * 295k papers with the quick JIT, reading all took 160-280 ms of CPU, a lookup 2-8 µs (an id the index lacks) to
   * 7-25 µs (one it holds), so reading all costs 10k-35k lookups, a thirtieth to a tenth of the papers.
   */
  static final int LOOKUPS_PER_LOAD = 16;

  private final DirectoryReader reader;
  private final List<Segment> segments = new ArrayList<>();
  private final int count;
  private int lookups;
  private Map<String, Long> all;

  /** The papers that {@code reader} sees; it is kept open (its reference counted) until {@link #close()}. */
  CommittedPapers(DirectoryReader reader) throws IOException {
    this.reader = reader;
    this.count = reader.numDocs();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms ids = leaf.reader().terms(PaperSchema.ID);
      if (ids != null) {
        segments.add(new Segment(leaf.reader(), ids.iterator()));
      }
    }
    reader.incRef();
  }

  /** How many papers the committed index holds (one document each). */
  int count() {
    return count;
  }

  /** The fingerprint of the committed paper {@code id} (0 when it has none), or empty when the index lacks it. */
  OptionalLong fingerprint(String id) throws IOException {
    if (count == 0) {
      return OptionalLong.empty();
    }
    if (all == null && ++lookups > count / LOOKUPS_PER_LOAD) {
      all = readAll();
    }
    if (all != null) {
      Long fingerprint = all.get(id);
      return fingerprint == null ? OptionalLong.empty() : OptionalLong.of(fingerprint);
    }
    BytesRef term = new BytesRef(id);
    for (Segment segment : segments) {
      OptionalLong fingerprint = segment.fingerprint(term);
      if (fingerprint.isPresent()) {
        return fingerprint;
      }
    }
    return OptionalLong.empty();
  }

  private Map<String, Long> readAll() throws IOException {
    Map<String, Long> papers = HashMap.newHashMap(count);
    for (LeafReaderContext context : reader.leaves()) {
      LeafReader leaf = context.reader();
      Bits live = leaf.getLiveDocs();
      SortedSetDocValues ids = DocValues.getSortedSet(leaf, PaperSchema.ID);
      NumericDocValues fingerprints = DocValues.getNumeric(leaf, PaperSchema.FINGERPRINT);
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
          continue;
        }
        String id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
        papers.put(id, fingerprints.advanceExact(doc) ? fingerprints.longValue() : 0);
      }
    }
    return papers;
  }

  @Override
  public void close() throws IOException {
    reader.decRef();
  }

  /** One segment's id terms, positioned anew for each lookup. */
  private static final class Segment {
    private final LeafReader reader;
    private final TermsEnum ids;
    private final Bits live;
    private PostingsEnum docs;

    Segment(LeafReader reader, TermsEnum ids) {
      this.reader = reader;
      this.ids = ids;
      this.live = reader.getLiveDocs();
    }

    OptionalLong fingerprint(BytesRef id) throws IOException {
      if (!ids.seekExact(id)) {
        return OptionalLong.empty();
      }
      docs = ids.postings(docs, PostingsEnum.NONE);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          NumericDocValues fingerprints = DocValues.getNumeric(reader, PaperSchema.FINGERPRINT);
          return OptionalLong.of(fingerprints.advanceExact(doc) ? fingerprints.longValue() : 0);
        }
      }
      return OptionalLong.empty();
    }
  }
}
