package dev.paperdex.searcher.internal;

import static dev.paperdex.searcher.internal.PaperSchema.ARCHIVES;
import static dev.paperdex.searcher.internal.PaperSchema.AUTHOR_FACET;
import static dev.paperdex.searcher.internal.PaperSchema.CATEGORIES;
import static dev.paperdex.searcher.internal.PaperSchema.PUBLISHED;

import dev.paperdex.searcher.Facets;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntBinaryOperator;
import java.util.function.IntToLongFunction;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts {@link Facets} over every document a query matches, in one pass, from doc values only.
 *
 * <p>Categories, archives and authors are counted by segment ordinal into plain {@code int} arrays, so the pass over
 * the matches allocates nothing per document and never looks at a string; ordinals become strings only at the end,
 * and only as many as needed to merge the segments' counts exactly (see {@link #FULL_MERGE_LIMIT}). Years come from
 * the first {@link PaperSchema#PUBLISHED} value, counted per UTC year.
 */
public final class FacetCounter {

  /** Years counted: a paper dated outside these (only bad data can be) is left out of the year counts. */
  private static final int FIRST_YEAR = 0;
  private static final int LAST_YEAR = 9999;

  /**
   * {@code YEAR_STARTS[i]} is the first epoch second of UTC year {@code FIRST_YEAR + i}, one entry past
   * {@link #LAST_YEAR}: a binary search here turns a timestamp into a year without allocating.
   */
  private static final long[] YEAR_STARTS = yearStarts();

  /** The ordinal fields counted, in the order of {@link Facets}' first, second and fourth lists. */
  private static final String[] ORD_FIELDS = {CATEGORIES, ARCHIVES, AUTHOR_FACET};

  /**
   * A segment with at most this many distinct values counts into an array from the first hit; one with more buffers
   * the hits' ordinals first, so that a query matching a handful of papers does not allocate and scan an array the
   * size of every author in a large segment.
   */
  private static final int SMALL_FIELD = 4096;

  /**
   * Merging several segments' counts means turning ordinals into strings, and each lookup can cost a block
   * decompression (microseconds). Up to this many (segment, value) counts every one is turned; above it (an author
   * facet over a broad query has hundreds of thousands) {@link Totals#pruned} turns only the values that can still
   * make the answer. Both give the exact answer.
   */
  static final int FULL_MERGE_LIMIT = 256;

  private FacetCounter() {}

  /**
   * Counts categories, archives, years and authors over every document that {@code query} matches.
   *
   * <p>Deleted documents are not counted. Each list holds at most {@code maxValues} values: for categories, archives
   * and authors those with the highest counts, highest first, equal counts in value order; for years those with the
   * highest counts, equal counts favouring later years, listed by year, latest first. Thread-safe: it keeps no state
   * between calls, and each of the searcher's slices gets its own collector.
   *
   * @param searcher  the searcher to run on; its executor, if any, counts slices in parallel
   * @param query     the documents to count; scores are not computed
   * @param maxValues the most values to return per facet; 0 returns {@link Facets#empty()} without searching
   * @return the counts, each list immutable
   * @throws IllegalArgumentException when {@code maxValues} is negative
   * @throws IOException              when the index cannot be read
   */
  public static Facets count(IndexSearcher searcher, Query query, int maxValues) throws IOException {
    return count(searcher, query, maxValues, FULL_MERGE_LIMIT);
  }

  /** {@link #count(IndexSearcher, Query, int)} with the merge strategy's limit chosen, so tests can force either. */
  static Facets count(IndexSearcher searcher, Query query, int maxValues, int fullMergeLimit) throws IOException {
    Objects.requireNonNull(searcher, "searcher");
    Objects.requireNonNull(query, "query");
    if (maxValues < 0) {
      throw new IllegalArgumentException("maxValues cannot be negative: " + maxValues);
    }
    if (maxValues == 0) {
      return Facets.empty();
    }
    return searcher.search(query, new FacetCollectorManager(maxValues, fullMergeLimit));
  }

  private static long[] yearStarts() {
    long[] starts = new long[LAST_YEAR - FIRST_YEAR + 2];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay() * 86_400L;
    }
    return starts;
  }

  /** One collector per slice of the index, merged at the end; nothing is shared between them while counting. */
  private record FacetCollectorManager(int maxValues, int fullMergeLimit)
      implements CollectorManager<FacetCollector, Facets> {

    @Override
    public FacetCollector newCollector() {
      return new FacetCollector();
    }

    @Override
    public Facets reduce(Collection<FacetCollector> collectors) throws IOException {
      List<List<Facets.Count>> byField = new ArrayList<>();
      for (int field = 0; field < ORD_FIELDS.length; field++) {
        List<LeafCounts> leaves = new ArrayList<>();
        for (FacetCollector collector : collectors) {
          for (OrdCounter counter : collector.counters.get(field)) {
            leaves.add(counter.toCounts());
          }
        }
        byField.add(top(mergeSameLeaf(leaves), maxValues, fullMergeLimit));
      }
      long[] years = new long[YEAR_STARTS.length - 1];
      for (FacetCollector collector : collectors) {
        for (int i = 0; i < years.length; i++) {
          years[i] += collector.years[i];
        }
      }
      return new Facets(byField.get(0), byField.get(1), topYears(years, maxValues), byField.get(2));
    }
  }

  /** Counts one slice: any number of segments, or parts of segments. */
  private static final class FacetCollector implements Collector {
    /** Per ordinal field, one counter for each segment (part) seen. */
    final List<List<OrdCounter>> counters = new ArrayList<>();
    /** Papers per year, indexed from {@link #FIRST_YEAR}. */
    final int[] years = new int[YEAR_STARTS.length - 1];

    FacetCollector() {
      for (int i = 0; i < ORD_FIELDS.length; i++) {
        counters.add(new ArrayList<>());
      }
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      // A fresh counter per call, even for a segment seen before: with intra-segment concurrency several slices
      // each get part of one segment, and the parts are summed when reducing.
      OrdCounter[] leafCounters = new OrdCounter[ORD_FIELDS.length];
      for (int field = 0; field < ORD_FIELDS.length; field++) {
        SortedSetDocValues values = reader.getSortedSetDocValues(ORD_FIELDS[field]);
        if (values != null && values.getValueCount() > 0) {
          leafCounters[field] = new OrdCounter(context.ord, values);
          counters.get(field).add(leafCounters[field]);
        }
      }
      return new FacetLeafCollector(leafCounters[0], leafCounters[1], leafCounters[2],
          reader.getSortedNumericDocValues(PUBLISHED), years);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Counts the matches of one segment; a missing field is {@code null} and skipped. */
  private static final class FacetLeafCollector implements LeafCollector {
    private final OrdCounter categories;
    private final OrdCounter archives;
    private final OrdCounter authors;
    private final SortedNumericDocValues published;
    /** The same values when no paper has more than one, which reads faster; then {@link #published} is unused. */
    private final NumericDocValues singlePublished;
    private final int[] years;
    /** The year of the last date seen, and its bounds: papers come roughly in date order, so mostly no search. */
    private long yearStart;
    private long yearEnd;
    private int yearIndex;

    FacetLeafCollector(OrdCounter categories, OrdCounter archives, OrdCounter authors,
        SortedNumericDocValues published, int[] years) {
      this.categories = categories;
      this.archives = archives;
      this.authors = authors;
      this.published = published;
      this.singlePublished = published == null ? null : DocValues.unwrapSingleton(published);
      this.years = years;
    }

    @Override
    public void setScorer(Scorable scorer) {
      // Counting needs no scores.
    }

    @Override
    public void collect(int doc) throws IOException {
      if (categories != null) {
        categories.collect(doc);
      }
      if (archives != null) {
        archives.collect(doc);
      }
      if (authors != null) {
        authors.collect(doc);
      }
      if (published != null) {
        collectYear(doc);
      }
    }

    private void collectYear(int doc) throws IOException {
      long second;
      if (singlePublished != null) {
        if (!singlePublished.advanceExact(doc)) {
          return;
        }
        second = singlePublished.longValue();
      } else {
        if (!published.advanceExact(doc)) {
          return;
        }
        second = published.nextValue();
      }
      if ((second < yearStart || second >= yearEnd) && !findYear(second)) {
        return;
      }
      years[yearIndex]++;
    }

    private boolean findYear(long second) {
      if (second < YEAR_STARTS[0] || second >= YEAR_STARTS[YEAR_STARTS.length - 1]) {
        return false;
      }
      int i = Arrays.binarySearch(YEAR_STARTS, second);
      yearIndex = i >= 0 ? i : -i - 2;
      yearStart = YEAR_STARTS[yearIndex];
      yearEnd = YEAR_STARTS[yearIndex + 1];
      return true;
    }
  }

  /** Counts one ordinal field's values over the matches in one segment (or part of one). */
  private static final class OrdCounter {
    final int leafOrd;
    /** The segment's values, read while counting and afterwards to turn ordinals into strings. */
    final SortedSetDocValues values;
    /** The same values when no document has more than one, which reads faster; then {@link #values} only looks up. */
    private final SortedDocValues single;
    private final int valueCount;
    /** Count per ordinal once counting into an array; {@code null} while buffering. */
    private int[] dense;
    /** The ordinals seen so far, while there are few compared with the segment's values. */
    private int[] buffer;
    private int buffered;
    /** How many ordinals were counted in all. */
    private long added;

    OrdCounter(int leafOrd, SortedSetDocValues values) {
      this.leafOrd = leafOrd;
      this.values = values;
      this.single = DocValues.unwrapSingleton(values);
      this.valueCount = Math.toIntExact(values.getValueCount());
      if (valueCount <= SMALL_FIELD) {
        dense = new int[valueCount];
      } else {
        buffer = new int[64];
      }
    }

    void collect(int doc) throws IOException {
      if (single != null) {
        if (single.advanceExact(doc)) {
          add(single.ordValue());
        }
      } else if (values.advanceExact(doc)) {
        for (int i = values.docValueCount(); i > 0; i--) {
          add((int) values.nextOrd());
        }
      }
    }

    private void add(int ord) {
      added++;
      if (dense == null && buffered == buffer.length) {
        grow();
      }
      if (dense != null) {
        dense[ord]++;
      } else {
        buffer[buffered++] = ord;
      }
    }

    /** Doubles the buffer, or switches to an array once sorting the buffer would cost more than scanning it. */
    private void grow() {
      if (buffer.length * 2 > valueCount / 16) {
        dense = new int[valueCount];
        for (int i = 0; i < buffered; i++) {
          dense[buffer[i]]++;
        }
        buffer = null;
      } else {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }

    /** The non-zero counts, by ordinal. */
    LeafCounts toCounts() {
      int[] ords;
      int[] counts;
      int size = 0;
      if (dense != null) {
        // At most as many values as were counted: sized by that, one scan fills the arrays.
        int capacity = (int) Math.min(valueCount, added);
        ords = new int[capacity];
        counts = new int[capacity];
        for (int ord = 0; ord < dense.length && size < capacity; ord++) {
          if (dense[ord] != 0) {
            ords[size] = ord;
            counts[size++] = dense[ord];
          }
        }
      } else {
        Arrays.sort(buffer, 0, buffered);
        ords = new int[buffered];
        counts = new int[buffered];
        for (int i = 0; i < buffered; i++) {
          if (size > 0 && ords[size - 1] == buffer[i]) {
            counts[size - 1]++;
          } else {
            ords[size] = buffer[i];
            counts[size++] = 1;
          }
        }
      }
      return new LeafCounts(leafOrd, values, ords, counts, size);
    }
  }

  /**
   * One segment's non-zero counts for one field: {@code counts[i]} documents have ordinal {@code ords[i]}, ordinals
   * ascending, for {@code i < size}.
   */
  private record LeafCounts(int leafOrd, SortedSetDocValues values, int[] ords, int[] counts, int size) {

    /** The count of an ordinal, 0 when no match has it. */
    int countOf(long ord) {
      int i = Arrays.binarySearch(ords, 0, size, (int) ord);
      return i >= 0 ? counts[i] : 0;
    }

    /** How many values the matches have in this segment, counting a document once per value. */
    long occurrences() {
      long sum = 0;
      for (int i = 0; i < size; i++) {
        sum += counts[i];
      }
      return sum;
    }

    /** The counts of two parts of the same segment, added up. */
    LeafCounts plus(LeafCounts other) {
      int[] mergedOrds = new int[size + other.size];
      int[] mergedCounts = new int[size + other.size];
      int i = 0;
      int j = 0;
      int n = 0;
      while (i < size || j < other.size) {
        if (j == other.size || (i < size && ords[i] < other.ords[j])) {
          mergedOrds[n] = ords[i];
          mergedCounts[n++] = counts[i++];
        } else if (i == size || other.ords[j] < ords[i]) {
          mergedOrds[n] = other.ords[j];
          mergedCounts[n++] = other.counts[j++];
        } else {
          mergedOrds[n] = ords[i];
          mergedCounts[n++] = counts[i++] + other.counts[j++];
        }
      }
      return new LeafCounts(leafOrd, values, mergedOrds, mergedCounts, n);
    }
  }

  /** One {@link LeafCounts} per segment that has any count, parts of one segment added up. */
  private static List<LeafCounts> mergeSameLeaf(List<LeafCounts> parts) {
    List<LeafCounts> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(LeafCounts::leafOrd));
    List<LeafCounts> leaves = new ArrayList<>();
    for (LeafCounts part : sorted) {
      if (part.size() == 0) {
        continue;
      }
      int last = leaves.size() - 1;
      if (last >= 0 && leaves.get(last).leafOrd() == part.leafOrd()) {
        leaves.set(last, leaves.get(last).plus(part));
      } else {
        leaves.add(part);
      }
    }
    return leaves;
  }

  /** The {@code k} values with the highest counts over all segments, highest first, equal counts in value order. */
  private static List<Facets.Count> top(List<LeafCounts> leaves, int k, int fullMergeLimit) throws IOException {
    if (leaves.isEmpty()) {
      return List.of();
    }
    if (leaves.size() == 1) {
      // One segment: ordinals are in value order, so the answer needs only its own k strings.
      LeafCounts leaf = leaves.get(0);
      List<Facets.Count> top = new ArrayList<>();
      for (int i : best(leaf.size(), k, j -> leaf.counts()[j], Integer::compare)) {
        top.add(new Facets.Count(leaf.values().lookupOrd(leaf.ords()[i]).utf8ToString(), leaf.counts()[i]));
      }
      return top;
    }
    long entries = 0;
    for (LeafCounts leaf : leaves) {
      entries += leaf.size();
    }
    // Few counts, or as many as the pruned merge would read first anyway: reading them all is simplest.
    Totals totals = entries <= fullMergeLimit || (long) k * leaves.size() >= entries
        ? Totals.ofAll(leaves)
        : Totals.pruned(leaves, k);
    return totals.top(k);
  }

  /** The years with the most papers, equal counts favouring later years, listed latest first. */
  private static List<Facets.Count> topYears(long[] years, int k) {
    int[] chosen = best(years.length, k, i -> years[i], (a, b) -> Integer.compare(b, a));
    List<Facets.Count> top = new ArrayList<>();
    for (int i : chosen) {
      if (years[i] > 0) {
        top.add(new Facets.Count(String.valueOf(FIRST_YEAR + i), years[i]));
      }
    }
    top.sort(Comparator.comparingInt((Facets.Count count) -> Integer.parseInt(count.value())).reversed());
    return top;
  }

  /**
   * Totals of values across segments, keyed by the value's bytes: {@code totals[id]} matches have the value that
   * {@link #values} numbers {@code id}.
   */
  private static final class Totals {
    private final BytesRefHash values = new BytesRefHash();
    private long[] totals = new long[64];
    private final BytesRef scratchA = new BytesRef();
    private final BytesRef scratchB = new BytesRef();

    /** Every value of every segment: reads every counted term, which is cheap while there are few. */
    static Totals ofAll(List<LeafCounts> leaves) throws IOException {
      Totals all = new Totals();
      for (LeafCounts leaf : leaves) {
        for (int i = 0; i < leaf.size(); i++) {
          all.add(leaf, i);
        }
      }
      return all;
    }

    /**
     * Exact totals for every value that can be among the top {@code k}, reading few terms: looking up an ordinal or a
     * term costs a block decompression, so reading every counted value of a broad query would take far longer than
     * counting did. This is the three-phase threshold algorithm for distributed top-k ("TPUT").
     *
     * <ol>
     *   <li>Read each segment's own top {@code k} and add up what is read: every value's sum so far is a lower bound
     *       of its total, and the {@code k}-th best of those, {@code tau1}, a lower bound of the answer's last count.
     *   <li>Split {@code tau1 - 1} among the segments by their share of all counts, rounding down, and read every
     *       value whose count in a segment exceeds that segment's share. A value not read anywhere totals at most
     *       {@code tau1 - 1}, below the answer, and one not read in some segments has there at most those shares:
     *       an upper bound.
     *   <li>With {@code tau2}, the {@code k}-th best lower bound now, look up in every segment the values whose upper
     *       bound reaches {@code tau2} but is not yet exact; the others cannot make the top {@code k}.
     * </ol>
     *
     * <p>A value's reported total is exact whenever it can be in the top {@code k}. When counts are flat, the second
     * phase reads most values once, in ordinal order, which is what a full merge would cost anyway.
     */
    static Totals pruned(List<LeafCounts> leaves, int k) throws IOException {
      Totals candidates = new Totals();
      int leafCount = leaves.size();
      FixedBitSet[] read = new FixedBitSet[leafCount];
      // Which (value id, segment) counts have been read, as id << 32 | segment: a value's unread segments bound it.
      long[] readLog = new long[64];
      int reads = 0;

      for (int l = 0; l < leafCount; l++) {
        LeafCounts leaf = leaves.get(l);
        read[l] = new FixedBitSet(leaf.size());
        int[] top = best(leaf.size(), k, j -> leaf.counts()[j], Integer::compare);
        Arrays.sort(top); // ordinal order: neighbouring terms share a decompressed block
        for (int i : top) {
          readLog = log(readLog, reads++, candidates.add(leaf, i), l);
          read[l].set(i);
        }
      }
      if (candidates.size() < k) {
        // Fewer than k values were read: then every segment has fewer than k, all of which were read.
        return candidates;
      }

      long tau1 = candidates.kthTotal(k);
      long budget = tau1 - 1;
      long allOccurrences = 0;
      long[] occurrences = new long[leafCount];
      for (int l = 0; l < leafCount; l++) {
        occurrences[l] = leaves.get(l).occurrences();
        allOccurrences += occurrences[l];
      }
      // share[l]: the most a value not read in segment l can have there.
      long[] share = new long[leafCount];
      long allShares = 0;
      for (int l = 0; l < leafCount; l++) {
        // budget and occurrences are each below 2^31 times the values per document, so the product fits a long.
        share[l] = budget * occurrences[l] / allOccurrences;
        allShares += share[l];
        LeafCounts leaf = leaves.get(l);
        for (int i = 0; i < leaf.size(); i++) {
          if (leaf.counts()[i] > share[l] && !read[l].get(i)) {
            readLog = log(readLog, reads++, candidates.add(leaf, i), l);
          }
        }
      }

      long[] knownShares = new long[candidates.size()];
      for (int r = 0; r < reads; r++) {
        knownShares[(int) (readLog[r] >>> 32)] += share[(int) readLog[r]];
      }
      long tau2 = candidates.kthTotal(k);
      for (int id = 0; id < candidates.size(); id++) {
        long upper = candidates.totals[id] + allShares - knownShares[id];
        if (upper >= tau2 && upper > candidates.totals[id]) {
          candidates.totalInEverySegment(id, leaves);
        }
      }
      return candidates;
    }

    /** Records at {@code at} that value {@code id} was read in segment {@code leaf}, growing the log if full. */
    private static long[] log(long[] readLog, int at, int id, int leaf) {
      long[] log = at < readLog.length ? readLog : Arrays.copyOf(readLog, readLog.length * 2);
      log[at] = (long) id << 32 | leaf;
      return log;
    }

    int size() {
      return values.size();
    }

    /** The id of a value, adding it with a zero total when new. */
    private int idOf(BytesRef value) {
      int id = values.add(value);
      if (id < 0) {
        return -1 - id;
      }
      if (id == totals.length) {
        totals = Arrays.copyOf(totals, totals.length * 2);
      }
      return id;
    }

    /** Reads the value of a segment's {@code i}-th count and adds the count to its total; returns its id. */
    private int add(LeafCounts leaf, int i) throws IOException {
      int id = idOf(leaf.values().lookupOrd(leaf.ords()[i]));
      totals[id] += leaf.counts()[i];
      return id;
    }

    /** Sets a value's total by looking it up in every segment. */
    private void totalInEverySegment(int id, List<LeafCounts> leaves) throws IOException {
      BytesRef value = values.get(id, new BytesRef());
      long total = 0;
      for (LeafCounts leaf : leaves) {
        long ord = leaf.values().lookupTerm(value);
        if (ord >= 0) {
          total += leaf.countOf(ord);
        }
      }
      totals[id] = total;
    }

    /** The {@code k}-th highest total, {@code k} at most {@link #size()}. */
    private long kthTotal(int k) {
      int[] top = best(values.size(), k, id -> totals[id], (a, b) -> 0);
      return totals[top[top.length - 1]];
    }

    /** The ids of the {@code k} highest totals, highest first, equal totals in value order. */
    private int[] bestIds(int k) {
      return best(values.size(), k, id -> totals[id],
          (a, b) -> values.get(a, scratchA).compareTo(values.get(b, scratchB)));
    }

    List<Facets.Count> top(int k) {
      List<Facets.Count> top = new ArrayList<>();
      BytesRef value = new BytesRef();
      for (int id : bestIds(k)) {
        top.add(new Facets.Count(values.get(id, value).utf8ToString(), totals[id]));
      }
      return top;
    }
  }

  /**
   * The best {@code k} of the candidates {@code 0} to {@code n - 1}, best first: a higher key is better, and equal
   * keys go by {@code tieBreak}, negative when its first argument goes first. Keeps only {@code k} candidates on a
   * heap, so it costs little more than one look at each.
   */
  private static int[] best(int n, int k, IntToLongFunction key, IntBinaryOperator tieBreak) {
    int size = Math.min(n, k);
    // A heap with the worst of the best so far at the root, to be pushed out by anything better.
    int[] heap = new int[size];
    long[] heapKeys = new long[size];
    int filled = 0;
    for (int candidate = 0; candidate < n; candidate++) {
      long candidateKey = key.applyAsLong(candidate);
      if (filled < size) {
        int at = filled++;
        while (at > 0) {
          int parent = (at - 1) >>> 1;
          if (!worse(candidateKey, candidate, heapKeys[parent], heap[parent], tieBreak)) {
            break;
          }
          heap[at] = heap[parent];
          heapKeys[at] = heapKeys[parent];
          at = parent;
        }
        heap[at] = candidate;
        heapKeys[at] = candidateKey;
      } else if (size > 0 && candidateKey >= heapKeys[0]
          && worse(heapKeys[0], heap[0], candidateKey, candidate, tieBreak)) {
        siftDown(heap, heapKeys, filled, candidate, candidateKey, tieBreak);
      }
    }
    // Taking the root repeatedly yields worst first, so fill the answer from the back.
    int[] ordered = new int[filled];
    for (int remaining = filled; remaining > 0; remaining--) {
      ordered[remaining - 1] = heap[0];
      if (remaining > 1) {
        siftDown(heap, heapKeys, remaining - 1, heap[remaining - 1], heapKeys[remaining - 1], tieBreak);
      }
    }
    return ordered;
  }

  /** Puts {@code item} at the root of the first {@code size} heap entries and moves it down to its place. */
  private static void siftDown(int[] heap, long[] heapKeys, int size, int item, long itemKey,
      IntBinaryOperator tieBreak) {
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && worse(heapKeys[child + 1], heap[child + 1], heapKeys[child], heap[child], tieBreak)) {
        child++;
      }
      if (!worse(heapKeys[child], heap[child], itemKey, item, tieBreak)) {
        break;
      }
      heap[at] = heap[child];
      heapKeys[at] = heapKeys[child];
      at = child;
    }
    heap[at] = item;
    heapKeys[at] = itemKey;
  }

  /** Whether candidate {@code a} ranks below candidate {@code b}. */
  private static boolean worse(long aKey, int a, long bKey, int b, IntBinaryOperator tieBreak) {
    return aKey != bKey ? aKey < bKey : tieBreak.applyAsInt(a, b) > 0;
  }
}
