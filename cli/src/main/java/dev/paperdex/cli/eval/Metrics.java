package dev.paperdex.cli.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nDCG@10, recall@100 and MRR@10 of one query's ranking, and their means, computed as trec_eval 9.0.x computes
 * {@code ndcg_cut.10}, {@code recall.100} and {@code recip_rank} (pytrec_eval runs trec_eval's own code, so these are
 * also BEIR's numbers):
 *
 * <ul>
 *   <li><b>Relevance.</b> The qrels grade is the gain. A document is relevant when its grade is 1 or more (trec_eval's
 *       default {@code -l 1}); grade 0 is judged non-relevant, and documents the qrels do not name are non-relevant
 *       too. Negative grades (trec_eval's "in the pool but unjudged") count as non-relevant, which for these three
 *       measures is what trec_eval does.</li>
 *   <li><b>Order.</b> trec_eval ignores the rank column of a run: it sorts each query's documents by score,
 *       descending, and breaks ties by document id <i>descending</i> (strcmp of the bytes), in
 *       {@code form_res_rels.c}. {@link #trecOrder} does the same and every measure here is computed on that order,
 *       so that the printed numbers are exactly what trec_eval or pytrec_eval report for the run file
 *       {@link TrecRun} writes, which is written in this order too. paperdex itself shows equal scores in ascending
 *       id order, so where scores tie the evaluated order can differ from the order a user sees; ties are rare with
 *       BM25 (identical documents, mostly) and this way the numbers can be compared with anyone else's.</li>
 *   <li><b>nDCG@10</b> ({@code m_ndcg_cut.c}): DCG = the sum over the first 10 ranks of gain / log2(rank + 1), with
 *       only gains above 0 counted; the ideal DCG is the same sum over the judged relevant documents sorted by grade,
 *       highest first, also cut at 10, whether or not the corpus holds them or the ranking found them. This is the
 *       log2(rank + 1) discount of trec_eval 9.0.x; versions before it special-cased rank 1 and divided by log2(rank)
 *       elsewhere, which gives different numbers.</li>
 *   <li><b>recall@100</b> ({@code m_recall.c}): relevant documents in the first 100 ranks / all relevant documents
 *       in the qrels. A ranking shorter than 100 is as if filled with non-relevant documents.</li>
 *   <li><b>MRR@10</b> ({@code m_recip_rank.c} on the first 10 ranks, as {@code trec_eval -M 10 -m recip_rank} or
 *       BEIR's {@code MRR@10}): 1 / the rank of the first relevant document if it is in the first 10, else 0.</li>
 *   <li><b>Queries.</b> A query with judgments but no relevant document is left out of every mean: all three
 *       measures are undefined for it (nDCG is 0/0). Modern trec_eval and pytrec_eval would score it 0 on all three
 *       and count it; the collections BEIR ships have none, so there the means agree. A query whose ranking is empty
 *       scores 0 on all three and counts, as {@code trec_eval -c} counts a query missing from the run.</li>
 *   <li><b>Means.</b> The plain average over the evaluated queries.</li>
 * </ul>
 */
public final class Metrics {

  /** The lowest grade that is relevant: trec_eval's default relevance level. */
  public static final int RELEVANT_GRADE = 1;
  /** The cutoff of nDCG. */
  public static final int NDCG_CUTOFF = 10;
  /** The cutoff of recall. */
  public static final int RECALL_CUTOFF = 100;
  /** The cutoff of the reciprocal rank. */
  public static final int MRR_CUTOFF = 10;

  /** trec_eval's order: score descending, then document id descending by its UTF-8 bytes, as strcmp compares. */
  private static final Comparator<Scored> TREC_ORDER = Comparator.comparingDouble(Scored::score).reversed()
      .thenComparing((a, b) -> Arrays.compareUnsigned(b.docIdBytes(), a.docIdBytes()));

  private Metrics() {}

  /**
   * One retrieved document.
   *
   * @param docId the document id
   * @param score the ranking's score for it
   */
  public record Scored(String docId, double score) {

    private byte[] docIdBytes() {
      return docId.getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * The measures of one query.
   *
   * @param queryId   the query
   * @param ndcg10    nDCG@10
   * @param recall100 recall@100
   * @param mrr10     MRR@10
   */
  public record QueryScores(String queryId, double ndcg10, double recall100, double mrr10) {}

  /**
   * The means over the evaluated queries.
   *
   * @param queries   how many queries were evaluated
   * @param ndcg10    mean nDCG@10
   * @param recall100 mean recall@100
   * @param mrr10     mean MRR@10
   */
  public record Summary(int queries, double ndcg10, double recall100, double mrr10) {}

  /** The ranking in the order trec_eval evaluates it: score descending, ties by document id descending. */
  public static List<Scored> trecOrder(Collection<Scored> ranking) {
    List<Scored> ordered = new ArrayList<>(ranking);
    ordered.sort(TREC_ORDER);
    return ordered;
  }

  /**
   * The measures of one query.
   *
   * @param judgments document id to grade for this query; at least one grade must be relevant
   * @param ranking   the retrieved documents with their scores, in any order (they are put in {@link #trecOrder})
   * @throws IllegalArgumentException when no judged document is relevant, or a document is retrieved twice
   */
  public static QueryScores score(String queryId, Map<String, Integer> judgments, Collection<Scored> ranking) {
    List<Integer> relevantGrades = new ArrayList<>();
    for (int grade : judgments.values()) {
      if (grade >= RELEVANT_GRADE) {
        relevantGrades.add(grade);
      }
    }
    if (relevantGrades.isEmpty()) {
      throw new IllegalArgumentException("query " + queryId + " has no relevant document: its measures are undefined");
    }
    List<Scored> ordered = trecOrder(ranking);
    Set<String> seen = new HashSet<>();
    for (Scored scored : ordered) {
      if (!seen.add(scored.docId())) {
        throw new IllegalArgumentException("query " + queryId + " retrieves " + scored.docId() + " twice");
      }
    }

    double dcg = 0;
    int relevantRetrieved = 0;
    double reciprocalRank = 0;
    for (int i = 0; i < ordered.size() && i < Math.max(NDCG_CUTOFF, Math.max(RECALL_CUTOFF, MRR_CUTOFF)); i++) {
      int rank = i + 1;
      int grade = judgments.getOrDefault(ordered.get(i).docId(), 0);
      if (grade <= 0) {
        continue;
      }
      if (rank <= NDCG_CUTOFF) {
        dcg += grade / log2(rank + 1);
      }
      if (grade >= RELEVANT_GRADE) {
        if (rank <= RECALL_CUTOFF) {
          relevantRetrieved++;
        }
        if (rank <= MRR_CUTOFF && reciprocalRank == 0) {
          reciprocalRank = 1.0 / rank;
        }
      }
    }

    relevantGrades.sort(Comparator.reverseOrder());
    double idealDcg = 0;
    for (int i = 0; i < relevantGrades.size() && i < NDCG_CUTOFF; i++) {
      idealDcg += relevantGrades.get(i) / log2(i + 2);
    }
    return new QueryScores(queryId, dcg / idealDcg, (double) relevantRetrieved / relevantGrades.size(),
        reciprocalRank);
  }

  /** The means of the three measures over {@code scores}, each query counting once; all 0 for no queries. */
  public static Summary mean(List<QueryScores> scores) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    for (QueryScores query : scores) {
      ndcg += query.ndcg10();
      recall += query.recall100();
      mrr += query.mrr10();
    }
    int n = scores.size();
    return n == 0 ? new Summary(0, 0, 0, 0) : new Summary(n, ndcg / n, recall / n, mrr / n);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
