package dev.paperdex.bench;

import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Warm query latency through the searcher library, in one process: {@code QueryLatency INDEX_DIR QUERIES_TSV RUNS}.
 *
 * <p>Reads the paperdex column of the query file that {@code scripts/bench_prepare.py} writes, runs all of them
 * {@value #WARM_UP_PASSES} times to warm up (page cache, and the JIT: after one pass over these 1,200 queries of a
 * dozen kinds it still compiles hundreds of methods a pass, and queries take a quarter longer than once it has
 * settled), then {@code RUNS} timed passes over all of them, each query the way {@code paperdex search} runs it by
 * default: the ten best hits with highlighted titles and abstract passages, and the exact total. It runs in a JVM
 * with default options, as a program that embeds the searcher would.
 * Prints one JSON object: the median over the passes of each pass's p50, p95 and p99, in milliseconds, of the wall
 * time and (as {@code cpu_…}) of the thread's CPU time, which a busy machine disturbs less. What else ran in the
 * timed passes, to tell a tail of wall time from one of work: the garbage collections and their time
 * ({@code gc_collections}, {@code gc_ms}), the time the JIT compilers spent compiling ({@code jit_ms}, on other
 * threads: a sign the searcher was not yet warm), and the fraction of searches whose wall time exceeded their CPU
 * time by more than a millisecond ({@code waited_fraction}: a pause, or the core taken by another thread).
 */
public final class QueryLatency {

  /** Passes over all the queries before the timed ones: a searcher that has answered a few thousand queries. */
  static final int WARM_UP_PASSES = 5;

  private QueryLatency() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: QueryLatency INDEX_DIR QUERIES_TSV RUNS");
      System.exit(2);
    }
    List<String> queries = readQueries(Path.of(args[1]));
    int runs = Integer.parseInt(args[2]);
    try (PaperSearcher searcher = PaperSearcher.open(Path.of(args[0]))) {
      for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
        for (String query : queries) {
          search(searcher, query);
        }
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long gcCollectionsBefore = gcCollections();
      long gcMillisBefore = gcMillis();
      long jitMillisBefore = jitMillis();
      long waited = 0;
      double[][] percentiles = new double[runs][];
      double[][] cpuPercentiles = new double[runs][];
      long matched = 0;
      long totals = 0;
      for (int run = 0; run < runs; run++) {
        double[] millis = new double[queries.size()];
        double[] cpuMillis = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          SearchResults results = search(searcher, queries.get(i));
          millis[i] = (System.nanoTime() - start) / 1e6;
          cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
          waited += millis[i] - cpuMillis[i] > 1 ? 1 : 0;
          matched += results.totalHits() > 0 ? 1 : 0;
          totals += results.totalHits();
        }
        percentiles[run] = percentiles(millis);
        cpuPercentiles[run] = percentiles(cpuMillis);
      }
      long searches = (long) runs * queries.size();
      System.out.printf(Locale.ROOT,
          "{\"engine\": \"paperdex\", \"queries\": %d, \"runs\": %d, \"matched_fraction\": %.4f, \"mean_total\": %.2f, "
              + "\"p50_ms\": %.4f, \"p95_ms\": %.4f, \"p99_ms\": %.4f, "
              + "\"cpu_p50_ms\": %.4f, \"cpu_p95_ms\": %.4f, \"cpu_p99_ms\": %.4f, "
              + "\"gc_collections\": %d, \"gc_ms\": %d, \"jit_ms\": %d, \"waited_fraction\": %.4f}%n",
          queries.size(), runs, (double) matched / searches, (double) totals / searches,
          medianOf(percentiles, 0), medianOf(percentiles, 1), medianOf(percentiles, 2),
          medianOf(cpuPercentiles, 0), medianOf(cpuPercentiles, 1), medianOf(cpuPercentiles, 2),
          gcCollections() - gcCollectionsBefore, gcMillis() - gcMillisBefore, jitMillis() - jitMillisBefore,
          (double) waited / searches);
    }
  }

  /** Collections so far, by all of the JVM's collectors. */
  private static long gcCollections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /** Milliseconds the JVM's collectors have taken so far, as they count them. */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /** Milliseconds the JIT compilers have spent compiling so far. */
  private static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static SearchResults search(PaperSearcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.builder().withQuery(query).build());
  }

  /** The paperdex column of every line after the header. */
  private static List<String> readQueries(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int column = header.indexOf("paperdex");
    List<String> queries = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        queries.add(line.split("\t", -1)[column]);
      }
    }
    return queries;
  }

  /** p50, p95 and p99 of the values. */
  private static double[] percentiles(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)};
  }

  /** The p-th percentile of sorted values, interpolated between the two nearest ranks. */
  private static double percentile(double[] sorted, double p) {
    double rank = (sorted.length - 1) * p / 100;
    int below = (int) rank;
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  }

  private static double medianOf(double[][] rows, int column) {
    double[] values = Arrays.stream(rows).mapToDouble(row -> row[column]).sorted().toArray();
    return values[values.length / 2];
  }
}
