package dev.paperdex.cli;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The session the launcher runs once, in the background, to record the JVM's start-up cache (the JDK 25 AOT cache, or
 * a CDS archive on older JDKs): the everyday reading commands, run through the real command line on an index of the
 * bundled data, output discarded. The cache then holds what a user's {@code paperdex search} loads and little more:
 * the launcher builds that index in a JVM of its own, because every class in the cache costs start-up time too.
 */
final class StartupTraining {

  private StartupTraining() {}

  /** Runs the session on the index in {@code index}. */
  static void run(Environment env, Path index) {
    runSearches(env, index);
    String dir = index.toString();
    for (String id : someIds(index)) {
      execute(env, "show", "--index", dir, id);
      execute(env, "similar", "--index", dir, id, "--limit", "3");
    }
    execute(env, "stats", "--index", dir);
    execute(env, "--help");
    execute(env, "search", "--help");
    execute(env, "search", "--no-such-option");
  }

  /**
   * Runs only the session's searches on the index in {@code index}: the launcher records the cache that {@code search}
   * starts with from them, without the classes of the other commands, since every class in the cache costs start-up
   * time at every run.
   */
  static void runSearches(Environment env, Path index) {
    String dir = index.toString();
    // An accented author word loads the JDK's Unicode normaliser (the query's author key is folded with it), and
    // a category the arXiv taxonomy: both are common in a real index and would otherwise be loaded from the JDK and
    // the jar at each such search.
    for (String query : List.of("KV cache", "\"KV cache\" serving", "au:guo", "au:m\u00fcller", "speculativ decodng",
        "heterogen*", "cat:cs.LG serving")) {
      execute(env, "search", "--index", dir, query);
    }
    execute(env, "search", "--index", dir, "ti:federated OR consensus", "--facets");
    execute(env, "search", "--index", dir, "--since", "2026-03", "--sort", "published", "--limit", "3", "serving");
    // A description (five plain words or more) is ranked in two stages and scored by DFR over title and abstract as
    // one field; a fuzzy word expands through an automaton; each machine format has its own writer (JSON and CSV with
    // Jackson's generators). Without them in the cache, such a search took 100-150 ms longer than a plain one.
    execute(env, "search", "--index", dir, "speculative decoding for large language model inference", "--format",
        "json");
    execute(env, "search", "--index", dir, "kv~1 cache", "--format", "csv");
    execute(env, "search", "--index", dir, "KV cache", "--format", "bibtex");
    execute(env, "search", "--index", dir, "KV cache", "--format", "tsv");
    loadLargeIndexClasses();
  }

  /**
   * Lucene's classes for what an index of the bundled data lacks and a real one has: postings in full blocks of 128
   * papers (a word in more papers than that), fields that some papers of a segment lack, numeric doc values whose
   * blocks of 16,384 papers need different widths, and segments with papers deleted (updated since). A search of a
   * large index loads them all, from the jar and checked by the verifier unless the cache holds them (about 5 ms of
   * CPU against 0.3 ms).
   */
  static final List<String> LARGE_INDEX_CLASSES = List.of(
      "org.apache.lucene.codecs.lucene104.ForUtil",
      "org.apache.lucene.codecs.lucene104.PForUtil",
      "org.apache.lucene.codecs.lucene90.IndexedDISI",
      "org.apache.lucene.codecs.lucene90.IndexedDISI$1",
      "org.apache.lucene.codecs.lucene90.IndexedDISI$Method",
      "org.apache.lucene.codecs.lucene90.IndexedDISI$Method$1",
      "org.apache.lucene.codecs.lucene90.IndexedDISI$Method$2",
      "org.apache.lucene.codecs.lucene90.IndexedDISI$Method$3",
      "org.apache.lucene.codecs.lucene90.Lucene90DocValuesProducer$VaryingBPVReader",
      "org.apache.lucene.util.SparseLiveDocs$Builder");

  /** Loads {@link #LARGE_INDEX_CLASSES}, which the commands above cannot reach on the bundled data's index. */
  private static void loadLargeIndexClasses() {
    for (String name : LARGE_INDEX_CLASSES) {
      try {
        Class.forName(name, true, StartupTraining.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // Another Lucene: the cache lacks the class, and a search loads it from the jar as it would anyway.
      }
    }
  }

  private static void execute(Environment env, String... args) {
    CommandLine commandLine = PaperdexCommand.commandLine(env, args);
    commandLine.setOut(new PrintWriter(Writer.nullWriter()));
    commandLine.setErr(new PrintWriter(Writer.nullWriter()));
    commandLine.execute(args);
  }

  private static List<String> someIds(Path index) {
    List<String> ids = new ArrayList<>();
    try (PaperSearcher searcher = PaperSearcher.openForOneShot(index)) {
      for (Hit hit : searcher.search(SearchRequest.builder().withQuery("cache").withLimit(1).build()).hits()) {
        ids.add(hit.paper().id());
      }
    } catch (RuntimeException | IOException e) {
      // No index (no bundled data to build one from): the commands above trained what they could.
    }
    return ids;
  }
}
