package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.Skip;
import dev.paperdex.searcher.Paper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Kaggle-layout files in {@code ../shared/data/arxiv-kaggle-format} (298,612 records) when that folder
 * is there; skips otherwise. Every record of them is a good paper: none is skipped.
 */
class KaggleSharedDataTest {

  /** Counts instead of keeping 300k papers. */
  private static final class CountingSink implements RecordSink {
    long papers;
    long withAbstract;
    long withAuthors;
    long withPublished;
    long withUpdated;
    long withdrawn;
    long oldStyleIds;
    final List<Skip> skips = new ArrayList<>();

    @Override
    public void paper(Paper paper, String position) {
      papers++;
      withAbstract += paper.abstractText() == null ? 0 : 1;
      withAuthors += paper.authors().isEmpty() ? 0 : 1;
      withPublished += paper.published() == null ? 0 : 1;
      withUpdated += paper.updated() == null ? 0 : 1;
      withdrawn += paper.withdrawn() ? 1 : 0;
      oldStyleIds += paper.id().contains("/") ? 1 : 0;
    }

    @Override
    public void skip(Skip skip) {
      skips.add(skip);
    }
  }

  @Test
  void readsAllTheRealKaggleLayoutFilesWithoutASkip() throws Exception {
    Path dir = Path.of(System.getProperty("paperdex.shared", "../../shared")).resolve("data/arxiv-kaggle-format");
    Assumptions.assumeTrue(Files.isDirectory(dir), () -> "skipped: " + dir + " is not here (../shared is optional)");
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("arxiv-metadata-oai-snapshot.first200.jsonl", 200L);
    expected.put("astro-ph-1996-2013.no-abstracts.kaggle.jsonl.gz", 143_283L);
    expected.put("cs-2025-2026.kaggle.jsonl.gz", 116_271L);
    expected.put("quant-ph-1992-2016.kaggle.jsonl.gz", 38_858L);

    Map<String, CountingSink> sinks = new LinkedHashMap<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (String name : expected.keySet()) {
      CountingSink sink = new CountingSink();
      new KaggleJsonParser().parse(new SourceFile(dir.resolve(name)), sink);
      sinks.put(name, sink);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long total = sinks.values().stream().mapToLong(sink -> sink.papers).sum();
    System.out.printf("KaggleSharedDataTest: %,d records in %.2f s (%,.0f records/s; %.2f s of CPU)%n",
        total, seconds, total / seconds, cpuSeconds);

    assertThat(total).isEqualTo(298_612L);
    sinks.forEach((name, sink) -> {
      assertThat(sink.skips).as(name).isEmpty();
      assertThat(sink.papers).as(name).isEqualTo(expected.get(name));
    });

    CountingSink snapshot = sinks.get("arxiv-metadata-oai-snapshot.first200.jsonl");
    assertThat(snapshot.withPublished).isEqualTo(200);
    assertThat(snapshot.withAuthors).isEqualTo(200);
    assertThat(snapshot.withdrawn).isEqualTo(1);

    CountingSink astro = sinks.get("astro-ph-1996-2013.no-abstracts.kaggle.jsonl.gz");
    assertThat(astro.withAbstract).isZero();
    // every record has an author string, but two wrap the whole list in parentheses, "(Adrian L. Melott)" in
    // astro-ph/9402057 and "(Roberto Fusco-Femiano (1), …)" in astro-ph/0312625, which Authors.split may read as an
    // affiliation and drop
    assertThat(astro.withAuthors).isBetween(143_283L - 2, 143_283L);
    // 31 records have "versions": [] and "update_date": null, so no date at all
    assertThat(astro.withPublished).isEqualTo(143_283L - 31);
    assertThat(astro.withUpdated).isEqualTo(143_283L - 31);
    assertThat(astro.oldStyleIds).isPositive();

    CountingSink cs = sinks.get("cs-2025-2026.kaggle.jsonl.gz");
    // no versions: update_date (the listing date) is the only date, and 2 records lack even that
    assertThat(cs.withPublished).isZero();
    assertThat(cs.withUpdated).isEqualTo(116_271L - 2);
    assertThat(cs.withAuthors).isEqualTo(116_271L);

    CountingSink quant = sinks.get("quant-ph-1992-2016.kaggle.jsonl.gz");
    assertThat(quant.withAuthors).isZero();
    assertThat(quant.withAbstract).isEqualTo(38_858L);
    assertThat(quant.withUpdated).isEqualTo(38_858L);
  }
}
