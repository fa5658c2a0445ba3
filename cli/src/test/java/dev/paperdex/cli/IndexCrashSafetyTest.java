package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.IndexContents;
import dev.paperdex.searcher.PaperSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code paperdex index} with SIGKILL at many moments, from JVM start through adding, verifying, committing and a
 * rebuild's switch, and checks after every kill that the index opens, passes Lucene's CheckIndex and holds exactly the
 * old papers or exactly the new ones, never a mix.
 *
 * <p>Kills take turns at the {@link Moment}s: some at times spread over the length of an uninterrupted run of the same
 * command, measured first; the others as soon as the index directory shows the commit starting, being written, or
 * done. {@code -Dpaperdex.crashKills=N} sets how many kills each scenario gets (default 8).
 */
class IndexCrashSafetyTest {

  private static final int KILLS = Integer.getInteger("paperdex.crashKills", 8);
  private static final int OLD_PAPERS = 500;
  private static final int NEW_PAPERS = 2_000;

  @TempDir
  static Path temp;

  private static Path oldIndex;
  private static Path newPapers;

  @BeforeAll
  static void buildTheOldIndexAndTheNewPapers() throws IOException {
    Path oldPapers = SyntheticPapers.write(temp.resolve("old.jsonl"), "2601", 1, OLD_PAPERS);
    newPapers = SyntheticPapers.write(temp.resolve("new.jsonl"), "2602", 1, NEW_PAPERS);
    oldIndex = temp.resolve("old-index");
    Cli.Run run = new Cli(Map.of()).run("index", "--index", oldIndex.toString(), oldPapers.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void anUpdateKilledAtAnyMomentLeavesTheOldOrTheNewCompleteIndex() throws Exception {
    Set<String> before = new HashSet<>(SyntheticPapers.ids("2601", 1, OLD_PAPERS));
    Set<String> after = new HashSet<>(before);
    after.addAll(SyntheticPapers.ids("2602", 1, NEW_PAPERS));

    Map<String, Integer> outcomes = killRepeatedly("update", List.of("index", newPapers.toString()), before, after);

    assertThat(outcomes).containsKey("DURING_THE_RUN → old");
  }

  @Test
  void aRebuildKilledAtAnyMomentLeavesTheOldOrTheNewCompleteIndex() throws Exception {
    Set<String> before = new HashSet<>(SyntheticPapers.ids("2601", 1, OLD_PAPERS));
    Set<String> after = new HashSet<>(SyntheticPapers.ids("2602", 1, NEW_PAPERS));

    Map<String, Integer> outcomes = killRepeatedly("rebuild", List.of("index", "--rebuild", newPapers.toString()),
        before, after);

    assertThat(outcomes).containsKey("DURING_THE_RUN → old");
  }

  @Test
  void aSecondWriterIsToldWhichProcessHoldsTheLock() throws Exception {
    Path index = temp.resolve("busy-index");
    copyOldIndex(index);
    Process writer = start(index, List.of("index", "--rebuild", newPapers.toString()));
    try {
      Path holder = index.resolve("paperdex-writer.txt");
      for (int wait = 0; wait < 600 && !Files.exists(holder); wait++) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
      Cli.Run second = new Cli(Map.of()).run("index", "--index", index.toString(), newPapers.toString());

      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err()).startsWith("paperdex: index is busy (locked by pid " + writer.pid() + " since ")
          .endsWith("another paperdex is writing " + index + "; wait for it to finish and run this again\n");
    } finally {
      writer.destroyForcibly().waitFor();
    }
  }

  /**
   * The moments a kill lands at: a time into the run (starting the JVM, reading, adding in memory), or as soon as the
   * index directory shows that the commit has begun (a new segment file: the flush), is being written (a
   * {@code pending_segments} file) or is done (a new {@code segments_N} file: the switch, and the old files' deletion).
   */
  private enum Moment {
    DURING_THE_RUN, FLUSH_STARTED, COMMIT_WRITING, COMMIT_DONE;

    boolean reached(Set<String> filesBefore, List<String> files) {
      return switch (this) {
        case DURING_THE_RUN -> false;
        case FLUSH_STARTED -> files.stream().anyMatch(file -> file.startsWith("_") && !filesBefore.contains(file));
        case COMMIT_WRITING -> files.stream().anyMatch(file -> file.startsWith("pending_segments"));
        case COMMIT_DONE -> files.stream().anyMatch(file -> file.startsWith("segments_") && !filesBefore.contains(file));
      };
    }
  }

  /**
   * Runs the command once to time it, then {@link #KILLS} times killed at one of the {@link Moment}s in turn; returns
   * how often the old and the new set of papers were left.
   */
  private static Map<String, Integer> killRepeatedly(String name, List<String> command, Set<String> before,
                                                     Set<String> after) throws Exception {
    Path index = temp.resolve(name + "-index");
    copyOldIndex(index);
    long start = System.nanoTime();
    Process clean = start(index, command);
    assertThat(clean.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(clean.exitValue()).as(new String(clean.getErrorStream().readAllBytes())).isZero();
    long cleanRunNanos = System.nanoTime() - start;
    assertThat(IndexContents.ids(index)).isEqualTo(after);

    Map<String, Integer> outcomes = new TreeMap<>();
    Moment[] moments = Moment.values();
    for (int kill = 0; kill < KILLS; kill++) {
      Moment moment = moments[kill % moments.length];
      copyOldIndex(index);
      Set<String> filesBefore = Set.copyOf(fileNames(index));
      Process process = start(index, command);
      long deadline = System.nanoTime() + (long) (cleanRunNanos * (0.1 + 0.8 * kill / KILLS));
      while (process.isAlive() && (moment == Moment.DURING_THE_RUN
          ? System.nanoTime() < deadline
          : !moment.reached(filesBefore, fileNames(index)))) {
        TimeUnit.MILLISECONDS.sleep(2);
      }
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      String what = "kill " + kill + " (" + moment + ")";
      assertThat(checkIndex(index)).as("CheckIndex after %s", what).isTrue();
      Set<String> ids = IndexContents.ids(index);
      try (PaperSearcher searcher = PaperSearcher.open(index)) {
        assertThat(searcher.paperCount()).isEqualTo(ids.size());
      }
      String outcome = ids.equals(before) ? "old" : ids.equals(after) ? "new" : "partial (" + ids.size() + " papers)";
      outcomes.merge(moment + " → " + outcome, 1, Integer::sum);
      assertThat(outcome).as("papers after %s", what).isIn("old", "new");
      if (moment == Moment.COMMIT_DONE) {
        assertThat(outcome).as("papers after %s", what).isEqualTo("new");
      }
    }
    System.out.printf("%s: %d kills over a %.1f s run: %s%n", name, KILLS, cleanRunNanos / 1e9, outcomes);
    return outcomes;
  }

  private static List<String> fileNames(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.map(file -> file.getFileName().toString()).toList();
    } catch (java.nio.file.NoSuchFileException racedWithADeletion) {
      return List.of();
    }
  }

  private static Process start(Path index, List<String> command) throws IOException {
    List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--index", index.toString()));
    line.addAll(command);
    return new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void copyOldIndex(Path index) throws IOException {
    if (Files.exists(index)) {
      try (Stream<Path> files = Files.list(index)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    } else {
      Files.createDirectories(index);
    }
    try (Stream<Path> files = Files.list(oldIndex)) {
      for (Path file : files.toList()) {
        Files.copy(file, index.resolve(file.getFileName()));
      }
    }
  }

  private static boolean checkIndex(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index); CheckIndex check = new CheckIndex(directory)) {
      return check.checkIndex().clean;
    }
  }
}
