package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Sorts by arXiv id, ascending, as the tie-break after another sort (relevance, a date): the same order as Lucene's
 * string sort on {@link PaperSchema#ID}, papers without an id first.
 *
 * <p>Lucene's string comparator copies the id's bytes out of the compressed terms dictionary for every paper that
 * enters the top hits, and looks the weakest one up again in each segment, though a tie-break decides almost
 * nothing: that is several percent of a search. This one keeps each slot's ordinal within its segment and reads
 * bytes only when two papers of different segments tie; the sort values of the hits returned ({@code FieldDoc.fields})
 * hold the ordinal too, and read the id only if compared with another segment's.
 */
public final class IdTieBreak {

  private IdTieBreak() {}

  /** The sort field: ascending arXiv id. */
  public static SortField sortField() {
    return new SortField(PaperSchema.ID, new FieldComparatorSource() {
      @Override
      public FieldComparator<?> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new Comparator(field, numHits);
      }
    });
  }

  /**
   * A paper's id as a sort value: its ordinal among its segment's ids, read as bytes only when compared with an id of
   * another segment (when results of several slices are merged); no one reads the ids of the hits returned from here,
   * and reading them was a lookup in the compressed ids of a segment for each hit.
   */
  private static final class Id implements Comparable<Id> {
    private final SortedDocValues segment;
    private final int ord;
    private BytesRef bytes;

    private Id(SortedDocValues segment, int ord, BytesRef bytes) {
      this.segment = segment;
      this.ord = ord;
      this.bytes = bytes;
    }

    /** The id's bytes, read once. */
    BytesRef bytes() {
      if (bytes == null) {
        bytes = BytesRef.deepCopyOf(lookup(segment, ord));
      }
      return bytes;
    }

    @Override
    public int compareTo(Id other) {
      return segment == other.segment ? Integer.compare(ord, other.ord) : bytes().compareTo(other.bytes());
    }
  }

  private static final class Comparator extends FieldComparator<Id> {
    private static final int MISSING = -1;

    private final String field;
    /** Each slot's ordinal in its segment's ids, {@link #MISSING} for none. */
    private final int[] ords;
    /** Each slot's segment, as its ids. */
    private final SortedDocValues[] segments;
    /** Each slot's id, once read. */
    private final BytesRef[] values;
    private Id top;
    /** The weakest of the top hits once they are as many as wanted; it stays so from one segment to the next. */
    private int bottom = -1;

    Comparator(String field, int numHits) {
      this.field = field;
      this.ords = new int[numHits];
      this.segments = new SortedDocValues[numHits];
      this.values = new BytesRef[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      if (segments[slot1] == segments[slot2]) {
        return Integer.compare(ords[slot1], ords[slot2]);
      }
      return compareBytes(bytes(slot1), bytes(slot2));
    }

    @Override
    public int compareValues(Id first, Id second) {
      if (first == null) {
        return second == null ? 0 : -1;
      }
      return second == null ? 1 : first.compareTo(second);
    }

    private static int compareBytes(BytesRef first, BytesRef second) {
      if (first == null) {
        return second == null ? 0 : -1;
      }
      return second == null ? 1 : first.compareTo(second);
    }

    @Override
    public void setTopValue(Id value) {
      top = value;
    }

    @Override
    public Id value(int slot) {
      return ords[slot] == MISSING ? null : new Id(segments[slot], ords[slot], values[slot]);
    }

    /** The slot's id as bytes, read once; null for none. */
    private BytesRef bytes(int slot) {
      if (values[slot] == null && ords[slot] != MISSING) {
        values[slot] = BytesRef.deepCopyOf(lookup(segments[slot], ords[slot]));
      }
      return values[slot];
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) {
      return new LeafFieldComparator() {
        /** The segment's ids, opened when a paper of it is first compared: most segments have no hit to compare. */
        private SortedDocValues ids;

        private int ordOf(int doc) throws IOException {
          if (ids == null) {
            ids = DocValues.unwrapSingleton(DocValues.getSortedSet(context.reader(), field));
            if (ids == null) {
              throw new IllegalStateException("the " + field + " field is not single-valued in " + context.reader());
            }
          }
          return ids.advanceExact(doc) ? ids.ordValue() : MISSING;
        }

        @Override
        public void setBottom(int slot) {
          bottom = slot;
        }

        @Override
        public int compareBottom(int doc) throws IOException {
          int ord = ordOf(doc);
          if (segments[bottom] == ids) {
            return Integer.compare(ords[bottom], ord);
          }
          return compareBytes(bytes(bottom), ord == MISSING ? null : lookup(ids, ord));
        }

        @Override
        public int compareTop(int doc) throws IOException {
          int ord = ordOf(doc);
          if (top != null && top.segment == ids) {
            return ord == MISSING ? 1 : Integer.compare(top.ord, ord);
          }
          return compareBytes(top == null ? null : top.bytes(), ord == MISSING ? null : lookup(ids, ord));
        }

        @Override
        public void copy(int slot, int doc) throws IOException {
          ords[slot] = ordOf(doc);
          segments[slot] = ids;
          values[slot] = null;
        }

        @Override
        public void setScorer(Scorable scorer) {}
      };
    }
  }

  private static BytesRef lookup(SortedDocValues ids, int ord) {
    try {
      return ids.lookupOrd(ord);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
