package dev.paperdex.cli;

import dev.paperdex.cli.eval.BeirSet;
import dev.paperdex.cli.eval.Metrics;
import dev.paperdex.cli.eval.TrecRun;
import dev.paperdex.indexer.IndexListener;
import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.Indexer;
import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.QuerySyntaxException;
import dev.paperdex.searcher.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperdex eval}: how good the ranking is on a BEIR-format test collection. The corpus is indexed into a fresh
 * index through the same schema and analysers as arXiv papers (a document's {@code title} becomes the title, its
 * {@code text} the abstract), every judged query goes through {@link PaperSearcher#search} as a user's would, and the
 * rankings are scored by {@link Metrics}, as trec_eval scores them.
 *
 * <p>The run file and the measures use the hits' scores, in trec_eval's order (see {@link Metrics}).
 *
 * <p>It needs nothing from the top command but the inherited {@code --index}, which it reads from its own command
 * spec, so it works registered in {@link PaperdexCommand} or added to its command line later.
 */
@Command(name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Measure the ranking on a BEIR-format test collection: index the corpus into a fresh index (title as "
        + "title, text as abstract), search every judged query as a user would, and print nDCG@10, recall@100 and "
        + "MRR@10, computed as trec_eval computes ndcg_cut.10, recall.100 and recip_rank at 10.",
        "Files may be gzipped. Query text is searched as plain words: query syntax characters become spaces and "
            + "AND OR NOT are lower-cased.",
        "--index DIR keeps the evaluation index in DIR, which must be new or empty; without it a temporary index is "
            + "built and deleted afterwards ($PAPERDEX_INDEX is not used)."},
    footer = {"", "Examples:",
        "  paperdex eval --corpus scifact/corpus.jsonl.gz --queries scifact/queries.jsonl --qrels scifact/qrels/test.tsv",
        "  paperdex eval --corpus corpus.jsonl --queries queries.jsonl --qrels qrels/dev.tsv --run dev.run",
        "",
        "The run file has one line per hit, 'qid Q0 docid rank score paperdex', for trec_eval."})
final class EvalCommand implements Callable<Integer> {

  /** Unicode's replacement character, which some collections hold as text. */
  private static final char REPLACEMENT = '\uFFFD';

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "FILE", required = true,
      description = "The corpus: JSON lines with _id, title and text.")
  private Path corpus;

  @Option(names = "--queries", paramLabel = "FILE", required = true,
      description = "The queries: JSON lines with _id and text.")
  private Path queries;

  @Option(names = "--qrels", paramLabel = "FILE", required = true,
      description = "The relevance judgments: a TSV file with the header query-id, corpus-id, score. Only queries "
          + "judged here are evaluated.")
  private Path qrels;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write the rankings to FILE as a TREC run.")
  private Path run;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "100",
      description = "Hits retrieved per query (default: ${DEFAULT-VALUE}, at least 100 for recall@100).")
  private int depth;

  @Override
  public Integer call() throws Exception {
    if (depth < Metrics.RECALL_CUTOFF) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--depth must be at least " + Metrics.RECALL_CUTOFF + " (recall@100 needs 100 hits), not " + depth);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter notes = quiet() ? new PrintWriter(Writer.nullWriter()) : err;
    long start = System.nanoTime();
    Path keptIndex = indexOption();
    if (keptIndex != null && !isNewOrEmptyDirectory(keptIndex)) {
      err.println("paperdex: " + keptIndex + " is not an empty directory: eval builds a fresh index, so give --index a "
          + "new or empty directory, or leave it out for a temporary index");
      return PaperdexCommand.EXIT_FAILURE;
    }
    try {
      BeirSet set = BeirSet.read(corpus, queries, qrels);
      if (set.queries().stream().noneMatch(BeirSet.Query::hasRelevant)) {
        err.println("paperdex: " + qrels + ": no judged query has a relevant document (score 1 or more), so there is "
            + "nothing to measure");
        return PaperdexCommand.EXIT_FAILURE;
      }
      Path indexDir = keptIndex != null ? keptIndex : Files.createTempDirectory("paperdex-eval-");
      try (TrecRun runFile = run == null ? null : TrecRun.create(run)) {
        Set<String> relevantNotInCorpus = set.relevantDocIds();
        IndexReport report = index(set, indexDir, relevantNotInCorpus, err, notes);
        long searchStart = System.nanoTime();
        Evaluation evaluation = evaluate(set, indexDir, runFile);
        long end = System.nanoTime();
        if (runFile != null) {
          runFile.commit();
        }
        notes(report, relevantNotInCorpus, evaluation, notes);
        print(out, report, evaluation, start, searchStart, end);
      } finally {
        if (keptIndex == null) {
          delete(indexDir, notes);
        }
      }
    } catch (BeirSet.BadFileException e) {
      err.println("paperdex: " + e.getMessage());
      return PaperdexCommand.EXIT_FAILURE;
    }
    return 0;
  }

  /**
   * What searching every judged query gave.
   *
   * @param scores        the measures of each evaluated query
   * @param leftOut       judged queries left out because none of their judged documents is relevant
   * @param unsearchable  evaluated queries that could not be searched, and so found nothing
   * @param firstProblem  why the first of those could not be searched, or {@code null}
   */
  private record Evaluation(List<Metrics.QueryScores> scores, int leftOut, int unsearchable, String firstProblem) {}

  /** {@code --quiet}, inherited from the top command. */
  private boolean quiet() {
    CommandLine.Model.OptionSpec option = spec.findOption("--quiet");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  /** {@code --index}, inherited from the top command: only when the user gave it, never a default location. */
  private Path indexOption() {
    CommandLine.Model.OptionSpec option = spec.findOption("--index");
    return option == null ? null : option.getValue();
  }

  private static boolean isNewOrEmptyDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * Indexes the corpus, telling {@code err} what is skipped and {@code notes} what is changed; removes every id read
   * from {@code relevantIds}.
   */
  private IndexReport index(BeirSet set, Path indexDir, Set<String> relevantIds, PrintWriter err, PrintWriter notes)
      throws IOException {
    int[] replaced = {0};
    try (BeirSet.Corpus docs = set.corpus()) {
      Iterator<Paper> papers = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return docs.hasNext();
        }

        @Override
        public Paper next() {
          BeirSet.Doc doc = docs.next();
          relevantIds.remove(doc.id());
          return paper(doc, replaced);
        }
      };
      IndexReport report = Indexer.builder()
          .withIndex(indexDir)
          .withListener(new IndexListener() {
            @Override
            public void skipped(Skip skip) {
              err.println("skipped: " + skip);
            }
          })
          .build()
          .indexPapers(set.corpusFile().toString(), papers);
      if (replaced[0] > 0) {
        notes.println("note: " + replaced[0] + " documents hold the replacement character U+FFFD as text; it was "
            + "indexed as a space");
      }
      return report;
    }
  }

  /**
   * A corpus document as a paper: {@code _id} the id, version 1, {@code title} the title and {@code text} the
   * abstract, with white space collapsed as every parser does. TeX is not turned into Unicode as it is for arXiv
   * records: BEIR text is plain text, in which a {@code $} or {@code \} means itself. The replacement character
   * U+FFFD becomes a space: some collections hold it as text (SciFact does, in six documents), and the record checks
   * would otherwise take it for undecodable bytes and skip the document, which would change the collection.
   */
  private Paper paper(BeirSet.Doc doc, int[] replaced) {
    String title = doc.title();
    String text = doc.text();
    if (title != null && title.indexOf(REPLACEMENT) >= 0 || text != null && text.indexOf(REPLACEMENT) >= 0) {
      replaced[0]++;
      title = title == null ? null : title.replace(REPLACEMENT, ' ');
      text = text == null ? null : text.replace(REPLACEMENT, ' ');
    }
    return Paper.builder()
        .withId(doc.id())
        .withVersion(1)
        .withTitle(Text.clean(title))
        .withAbstract(Text.clean(text))
        .withSource(corpus + ", line " + doc.line())
        .build();
  }

  private Evaluation evaluate(BeirSet set, Path indexDir, TrecRun runFile) throws IOException {
    List<Metrics.QueryScores> scores = new ArrayList<>();
    int leftOut = 0;
    int unsearchable = 0;
    String firstProblem = null;
    try (PaperSearcher searcher = PaperSearcher.open(indexDir)) {
      for (BeirSet.Query query : set.queries()) {
        if (!query.hasRelevant()) {
          leftOut++;
          continue;
        }
        List<Metrics.Scored> ranking = new ArrayList<>();
        try {
          SearchRequest request = SearchRequest.builder().withQuery(query.text()).withLiteral(true).withLimit(depth)
              .withHighlight(false).build();
          for (Hit hit : searcher.search(request).hits()) {
            ranking.add(new Metrics.Scored(hit.paper().id(), hit.score()));
          }
        } catch (QuerySyntaxException e) {
          unsearchable++;
          if (firstProblem == null) {
            firstProblem = "query " + query.id() + ", " + e.getMessage();
          }
        }
        scores.add(Metrics.score(query.id(), query.judgments(), ranking));
        if (runFile != null) {
          runFile.write(query.id(), ranking);
        }
      }
    }
    return new Evaluation(scores, leftOut, unsearchable, firstProblem);
  }

  private static void notes(IndexReport report, Set<String> relevantNotInCorpus, Evaluation evaluation,
                            PrintWriter err) {
    if (report.skippedTotal() > 0 || report.updated() > 0 || report.unchanged() > 0) {
      err.println("note: the corpus had skipped or repeated documents: " + report.summary());
    }
    if (!relevantNotInCorpus.isEmpty()) {
      err.println("note: " + relevantNotInCorpus.size() + " documents judged relevant are not in the corpus, so no "
          + "ranking can find them (such as '" + relevantNotInCorpus.iterator().next() + "')");
    }
    if (evaluation.unsearchable() > 0) {
      err.println("note: " + evaluation.unsearchable() + " queries could not be searched and count as finding nothing"
          + " (" + evaluation.firstProblem() + ")");
    }
  }

  private static void print(PrintWriter out, IndexReport report, Evaluation evaluation, long start, long searchStart,
                            long end) {
    Metrics.Summary mean = Metrics.mean(evaluation.scores());
    out.println(report.papers() + " docs indexed, " + mean.queries() + " queries evaluated"
        + (evaluation.leftOut() > 0 ? ", " + evaluation.leftOut() + " left out (no relevant judgment)" : ""));
    out.println(String.format(Locale.ROOT, "nDCG@10     %.4f", mean.ndcg10()));
    out.println(String.format(Locale.ROOT, "recall@100  %.4f", mean.recall100()));
    out.println(String.format(Locale.ROOT, "MRR@10      %.4f", mean.mrr10()));
    out.println(String.format(Locale.ROOT, "took %.1f s: indexing %.1f s, searching %.1f s", seconds(end - start),
        seconds(searchStart - start), seconds(end - searchStart)));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void delete(Path dir, PrintWriter notes) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      notes.println("note: could not delete the temporary index " + dir + ": " + e.getMessage());
    }
  }
}
