package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Guards the ranking: {@code paperdex eval} on SciFact's training queries, from {@code ../shared/data/beir} when it
 * is there, must not fall below what the ranking reached. Skips without {@code ../shared}.
 */
class ScifactRankingTest {

  /** The training split's nDCG@10 when this guard was set, less a little room for harmless reordering. */
  private static final double NDCG_AT_10_FLOOR = 0.718;

  private static final Pattern METRIC = Pattern.compile("(?m)^(nDCG@10|recall@100|MRR@10)\\s+([0-9.]+)$");

  @Test
  void scifactTrainingQueriesRankAtLeastAsWellAsBefore() {
    Path scifact = Path.of(System.getProperty("paperdex.shared", "../../shared")).resolve("data/beir/scifact");
    Assumptions.assumeTrue(Files.isDirectory(scifact), () -> "skipped: " + scifact + " is not here");

    Cli.Run run = new Cli(Map.of()).run("eval",
        "--corpus", scifact.resolve("corpus.jsonl.gz").toString(),
        "--queries", scifact.resolve("queries.jsonl").toString(),
        "--qrels", scifact.resolve("qrels/train.tsv").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("5183 docs indexed, 809 queries evaluated");
    Matcher metric = METRIC.matcher(run.out());
    assertThat(metric.find()).as(run.out()).isTrue();
    assertThat(metric.group(1)).isEqualTo("nDCG@10");
    assertThat(Double.parseDouble(metric.group(2))).as("SciFact train nDCG@10").isGreaterThanOrEqualTo(NDCG_AT_10_FLOOR);
  }
}
