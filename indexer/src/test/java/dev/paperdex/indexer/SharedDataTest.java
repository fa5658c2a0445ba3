package dev.paperdex.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.PaperSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes real arXiv responses from {@code ../shared/data} when that folder is there; skips otherwise. */
class SharedDataTest {

  @TempDir
  Path temp;

  static Path shared(String relative) {
    Path dir = Path.of(System.getProperty("paperdex.shared", "../../shared")).resolve(relative);
    Assumptions.assumeTrue(Files.isDirectory(dir), () -> "skipped: " + dir + " is not here (../shared is optional)");
    return dir;
  }

  @Test
  void indexesThe2026ApiFixtures() throws Exception {
    Path fixtures = shared("data/arxiv-api/arxiv.py-fixtures-2026/xml");
    List<Skip> skips = new ArrayList<>();

    IndexReport report = Indexer.builder()
        .withIndex(temp.resolve("index"))
        .withListener(new IndexListener() {
          @Override
          public void skipped(Skip skip) {
            skips.add(skip);
          }
        })
        .build()
        .index(List.of(fixtures));

    assertThat(report.files()).isEqualTo(22);
    assertThat(report.records()).isEqualTo(232);
    assertThat(report.papers()).isEqualTo(106);
    assertThat(skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.ERROR_RESPONSE);
      assertThat(skip.file()).endsWith("id_abc_s0_m100_b79c8dcf6bc3.xml");
      assertThat(skip.detail()).isEqualTo("incorrect id format for abc");
    });
    try (PaperSearcher searcher = PaperSearcher.open(temp.resolve("index"))) {
      assertThat(searcher.paperCount()).isEqualTo(106);
      assertThat(searcher.get("astro-ph/0601001")).isPresent();
      assertThat(searcher.get("1707.08567").orElseThrow().authors()).contains("Dirk Wübben");
    }
  }
}
