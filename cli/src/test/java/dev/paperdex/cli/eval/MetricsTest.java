package dev.paperdex.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The measures against values worked out by hand, with trec_eval 9.0.x's formulas: DCG@10 = sum of grade /
 * log2(rank + 1) over the first 10 ranks; the ideal DCG is the same sum over the judged relevant grades, highest first;
 * recall@100 = relevant in the first 100 / relevant judged; MRR@10 = 1 / rank of the first relevant in the first 10.
 * log2(2) = 1, log2(3) = 1.5849625, log2(4) = 2, log2(11) = 3.4594316.
 */
class MetricsTest {

  private static final Offset<Double> EXACT = within(1e-12);

  /** Documents with scores falling from {@code ids.length} to 1, so the order is the order given. */
  private static List<Metrics.Scored> ranked(String... ids) {
    List<Metrics.Scored> ranking = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      ranking.add(new Metrics.Scored(ids[i], ids.length - i));
    }
    return ranking;
  }

  private static Map<String, Integer> judged(Object... idsAndGrades) {
    Map<String, Integer> judgments = new LinkedHashMap<>();
    for (int i = 0; i < idsAndGrades.length; i += 2) {
      judgments.put((String) idsAndGrades[i], (Integer) idsAndGrades[i + 1]);
    }
    return judgments;
  }

  private static String[] docs(String prefix, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = prefix + (i + 1);
    }
    return ids;
  }

  @Test
  void aPerfectRankingScoresOneOnEverything() {
    // DCG = 1/log2(2) + 1/log2(3) = 1.6309; the ideal is the same ranking, so nDCG = 1.
    // recall = 2/2; the first relevant is at rank 1, so MRR = 1/1.
    Metrics.QueryScores scores = Metrics.score("q", judged("a", 1, "b", 1), ranked("a", "b", "c"));

    assertThat(scores.ndcg10()).isCloseTo(1.0, EXACT);
    assertThat(scores.recall100()).isEqualTo(1.0);
    assertThat(scores.mrr10()).isEqualTo(1.0);
  }

  @Test
  void oneRelevantAtRankThree() {
    // DCG = 1/log2(3 + 1) = 1/2; ideal DCG = 1/log2(2) = 1; nDCG = 0.5.
    // recall = 1/1; MRR = 1/3.
    Metrics.QueryScores scores = Metrics.score("q", judged("c", 1), ranked("a", "b", "c"));

    assertThat(scores.ndcg10()).isCloseTo(0.5, EXACT);
    assertThat(scores.recall100()).isEqualTo(1.0);
    assertThat(scores.mrr10()).isCloseTo(1.0 / 3, EXACT);
  }

  @Test
  void gradedRelevanceGainsTheGradeAndGradeZeroIsNotRelevant() {
    // Ranking b (grade 1), x (grade 0), a (grade 2).
    // DCG = 1/log2(2) + 0 + 2/log2(4) = 1 + 1 = 2.
    // Ideal: grades 2, 1 → 2/log2(2) + 1/log2(3) = 2 + 0.6309298 = 2.6309298; nDCG = 2 / 2.6309298 = 0.7601875.
    // recall = 2/2 (x is judged but not relevant); MRR = 1 (b, grade 1, is relevant).
    Metrics.QueryScores scores = Metrics.score("q", judged("a", 2, "b", 1, "x", 0), ranked("b", "x", "a"));

    assertThat(scores.ndcg10()).isCloseTo(2 / (2 + 1 / (Math.log(3) / Math.log(2))), EXACT)
        .isCloseTo(0.7601875334318685, EXACT);
    assertThat(scores.recall100()).isEqualTo(1.0);
    assertThat(scores.mrr10()).isEqualTo(1.0);

    // Only grade 0 ahead of the relevant one: x at rank 1 gains nothing and is not the first relevant.
    // DCG = 2/log2(3) = 1.2618595; ideal DCG = 2/log2(2) = 2; nDCG = 0.6309298; MRR = 1/2.
    Metrics.QueryScores zeroFirst = Metrics.score("q", judged("a", 2, "x", 0), ranked("x", "a"));
    assertThat(zeroFirst.ndcg10()).isCloseTo(0.6309297535714575, EXACT);
    assertThat(zeroFirst.mrr10()).isEqualTo(0.5);
  }

  @Test
  void aRelevantDocumentBeyondACutoffCountsOnlyWhereTheCutoffReaches() {
    // At rank 10, the last one inside both cutoffs: DCG = 1/log2(11) = 0.2890648; MRR = 1/10.
    String[] tenth = docs("d", 12);
    Metrics.QueryScores atTen = Metrics.score("q", judged("d10", 1), ranked(tenth));
    assertThat(atTen.ndcg10()).isCloseTo(0.2890648263178879, EXACT);
    assertThat(atTen.mrr10()).isCloseTo(0.1, EXACT);
    assertThat(atTen.recall100()).isEqualTo(1.0);

    // At rank 11: outside nDCG@10 and MRR@10, inside recall@100.
    Metrics.QueryScores atEleven = Metrics.score("q", judged("d11", 1), ranked(tenth));
    assertThat(atEleven.ndcg10()).isZero();
    assertThat(atEleven.mrr10()).isZero();
    assertThat(atEleven.recall100()).isEqualTo(1.0);

    // Of two relevant, one at rank 100 and one at rank 101: recall@100 = 1/2.
    Metrics.QueryScores atHundred = Metrics.score("q", judged("d100", 1, "d101", 1), ranked(docs("d", 120)));
    assertThat(atHundred.recall100()).isEqualTo(0.5);
    assertThat(atHundred.ndcg10()).isZero();
  }

  @Test
  void theIdealRankingIsCutAtTenToo() {
    // 12 relevant documents, the ranking has 10 of them in the first 10 ranks: DCG@10 = ideal DCG@10, nDCG = 1,
    // though 2 relevant documents are never found; recall = 10/12.
    String[] relevant = docs("r", 12);
    Map<String, Integer> judgments = new LinkedHashMap<>();
    for (String id : relevant) {
      judgments.put(id, 1);
    }
    Metrics.QueryScores scores = Metrics.score("q", judgments, ranked(docs("r", 10)));

    assertThat(scores.ndcg10()).isCloseTo(1.0, EXACT);
    assertThat(scores.recall100()).isCloseTo(10.0 / 12, EXACT);
    assertThat(scores.mrr10()).isEqualTo(1.0);
  }

  @Test
  void noRelevantDocumentRetrievedScoresZero() {
    Metrics.QueryScores missed = Metrics.score("q", judged("r", 1, "s", 2, "x", 0), ranked("a", "x", "b"));
    assertThat(missed.ndcg10()).isZero();
    assertThat(missed.recall100()).isZero();
    assertThat(missed.mrr10()).isZero();

    Metrics.QueryScores nothing = Metrics.score("q", judged("r", 1), List.of());
    assertThat(nothing.ndcg10()).isZero();
    assertThat(nothing.recall100()).isZero();
    assertThat(nothing.mrr10()).isZero();
  }

  @Test
  void equalScoresAreOrderedAsTrecEvalOrdersThemByIdDescending() {
    // a and b tie at 1.0: trec_eval puts b first (docno descending), so a is at rank 2.
    // DCG = 1/log2(3) = 0.6309298; ideal = 1; MRR = 1/2.
    List<Metrics.Scored> tied = List.of(new Metrics.Scored("a", 1.0), new Metrics.Scored("b", 1.0),
        new Metrics.Scored("c", 0.5));

    assertThat(Metrics.trecOrder(tied)).extracting(Metrics.Scored::docId).containsExactly("b", "a", "c");
    Metrics.QueryScores scores = Metrics.score("q", judged("a", 1), tied);
    assertThat(scores.ndcg10()).isCloseTo(0.6309297535714575, EXACT);
    assertThat(scores.mrr10()).isEqualTo(0.5);
  }

  @Test
  void theOrderIsTheOrderOfScoresWhateverOrderTheRankingIsGivenIn() {
    List<Metrics.Scored> shuffled = List.of(new Metrics.Scored("low", 0.1), new Metrics.Scored("high", 9.5),
        new Metrics.Scored("mid", 2.0));

    assertThat(Metrics.trecOrder(shuffled)).extracting(Metrics.Scored::docId).containsExactly("high", "mid", "low");
    assertThat(Metrics.score("q", judged("low", 1), shuffled).mrr10()).isCloseTo(1.0 / 3, EXACT);
  }

  @Test
  void idsCompareByTheirUtf8BytesAsStrcmpDoes() {
    // U+1F600 is F0 9F 98 80 in UTF-8, above U+FFFD's EF BF BD, though below it in UTF-16 (D83D < FFFD).
    String emoji = "\uD83D\uDE00";
    String replacement = "\uFFFD";

    assertThat(Metrics.trecOrder(List.of(new Metrics.Scored(replacement, 1), new Metrics.Scored(emoji, 1))))
        .extracting(Metrics.Scored::docId).containsExactly(emoji, replacement);
  }

  @Test
  void aQueryWithoutARelevantJudgmentOrWithADocumentTwiceIsRefused() {
    assertThatThrownBy(() -> Metrics.score("q7", judged("x", 0, "y", -1), ranked("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("q7 has no relevant document");
    assertThatThrownBy(() -> Metrics.score("q", judged("a", 1), List.of(new Metrics.Scored("a", 2),
        new Metrics.Scored("a", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retrieves a twice");
  }

  @Test
  void theMeanIsThePlainAverageOverQueries() {
    // nDCG (1 + 0.5 + 0) / 3 = 0.5; recall (1 + 1 + 0) / 3 = 0.6667; MRR (1 + 1/3 + 0) / 3 = 0.4444.
    Metrics.Summary mean = Metrics.mean(List.of(
        Metrics.score("q1", judged("a", 1), ranked("a", "b")),
        Metrics.score("q2", judged("c", 1), ranked("a", "b", "c")),
        Metrics.score("q3", judged("z", 1), ranked("a"))));

    assertThat(mean.queries()).isEqualTo(3);
    assertThat(mean.ndcg10()).isCloseTo(0.5, EXACT);
    assertThat(mean.recall100()).isCloseTo(2.0 / 3, EXACT);
    assertThat(mean.mrr10()).isCloseTo((1 + 1.0 / 3) / 3, EXACT);
    assertThat(Metrics.mean(List.of())).isEqualTo(new Metrics.Summary(0, 0, 0, 0));
  }
}
