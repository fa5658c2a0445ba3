package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.IndexReport;
import dev.paperdex.indexer.Indexer;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching threads keep getting full answers while a rebuild runs and switches under them. */
class SearchDuringRebuildTest {

  private static final int OLD_PAPERS = 1_000;
  private static final int NEW_PAPERS = 3_000;
  private static final int THREADS = 3;

  @TempDir
  Path temp;

  @Test
  void searchesNeverFailOrComeBackEmptyWhileARebuildSwitches() throws Exception {
    Path index = temp.resolve("index");
    Indexer.builder().withIndex(index).build()
        .index(List.of(SyntheticPapers.write(temp.resolve("old.jsonl"), "2601", 1, OLD_PAPERS)));
    Path newPapers = SyntheticPapers.write(temp.resolve("new.jsonl"), "2602", 1, NEW_PAPERS);

    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Queue<Long> totalsSeen = new ConcurrentLinkedQueue<>();
    AtomicBoolean rebuilt = new AtomicBoolean();
    AtomicInteger searchesAfterSwitch = new AtomicInteger();
    CountDownLatch searching = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    try (PaperSearcher searcher = PaperSearcher.open(index)) {
      for (int t = 0; t < THREADS; t++) {
        Thread thread = new Thread(() -> {
          try {
            searching.countDown();
            int afterSwitch = 0;
            while (afterSwitch < 20) {
              searcher.refresh();
              SearchResults results = searcher.search(SearchRequest.builder().withQuery("model").withLimit(5)
                  .withHighlight(true).build());
              if (results.hits().isEmpty()) {
                throw new AssertionError("no hits for a word every paper has");
              }
              totalsSeen.add(results.totalHits());
              if (rebuilt.get()) {
                afterSwitch++;
                searchesAfterSwitch.incrementAndGet();
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      searching.await();
      IndexReport report = Indexer.builder().withIndex(index).withRebuild(true).build().index(List.of(newPapers));
      rebuilt.set(true);
      for (Thread thread : threads) {
        thread.join(60_000);
      }

      assertThat(failures).isEmpty();
      assertThat(report.papers()).isEqualTo(NEW_PAPERS);
      assertThat(totalsSeen).as("every search saw the old index or the new one, whole")
          .allMatch(total -> total == OLD_PAPERS || total == NEW_PAPERS)
          .contains((long) OLD_PAPERS, (long) NEW_PAPERS);
      assertThat(searchesAfterSwitch).hasValue(THREADS * 20);
      assertThat(searcher.paperCount()).isEqualTo(NEW_PAPERS);
    }
  }
}
