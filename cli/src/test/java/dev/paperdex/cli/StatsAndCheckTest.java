package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdex.indexer.IndexContents;
import dev.paperdex.searcher.internal.PaperSchema;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.function.Predicate;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paperdex stats and paperdex check on the bundled data, healthy, damaged, missing and busy. */
class StatsAndCheckTest {

  @TempDir
  Path temp;

  private final Cli cli = new Cli(Map.of());

  @Test
  void statsSaysWhatTheIndexHolds() throws Exception {
    String index = Cli.indexBundledData(temp.resolve("index"));

    Cli.Run run = cli.run("stats", "--index", index);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Papers       29\n").contains("Schema       " + PaperSchema.VERSION + "\n").contains("Committed    20")
        .contains("Years        2026 21 · 2025 5 · 2024 2 · 2023 1\n")
        .containsPattern("Committed    20\\S+ by paperdex \\d+\\.\\d+\\.\\d+")
        .containsPattern("Sources      2 files, \\d+\\.\\d KB\n {13}" + Cli.HOME.resolve("data") + "/\\S+  \\(");
    JsonNode json = new ObjectMapper().readTree(cli.run("stats", "--index", index, "--json").out());
    assertThat(json.get("papers").asInt()).isEqualTo(29);
    assertThat(json.get("counts").get("years").get(0).get("value").asText()).isEqualTo("2026");
    assertThat(json.get("sources")).hasSize(2);
    assertThat(json.get("sources").get(0).get("size").asLong()).isPositive();
    assertThat(cli.run("stats", "--index", index, "--top", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void checkPassesAHealthyIndex() {
    String index = Cli.indexBundledData(temp.resolve("index"));

    Cli.Run run = cli.run("check", "--index", index);

    assertThat(run.exitCode()).isZero();
    // One segment per indexing thread that got papers: how many depends on the machine's cores.
    assertThat(run.out()).matches("index is healthy: 29 papers in \\d+ segments? \\(" + Pattern.quote(index) + "\\)\n");
  }

  /** An index of the bundled data with one byte flipped in the middle of its largest segment file. */
  private Path damagedIndex() throws Exception {
    return damagedIndex(name -> !name.startsWith("segments"));
  }

  /** An index of the bundled data with one byte flipped in its commit point, {@code segments_N}. */
  private Path damagedCommitPoint() throws Exception {
    return damagedIndex(name -> name.startsWith("segments_"));
  }

  private Path damagedIndex(Predicate<String> damaged) throws Exception {
    Path index = Path.of(Cli.indexBundledData(temp.resolve("index")));
    Path largest;
    try (Stream<Path> files = Files.list(index)) {
      largest = files.filter(file -> damaged.test(file.getFileName().toString()))
          .max(Comparator.comparingLong(file -> file.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
      long middle = file.length() / 2;
      file.seek(middle);
      int original = file.read();
      file.seek(middle);
      file.write(original ^ 0xFF);
    }
    return index;
  }

  @Test
  void checkFailsADamagedIndex() throws Exception {
    Path index = damagedIndex();

    Cli.Run run = cli.run("check", "--index", index.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("paperdex: the index at " + index + " is damaged:")
        .endsWith("; rebuild it from your sources with `paperdex index --rebuild SOURCE…`\n");
  }

  @Test
  void aRebuildRepairsADamagedIndex() throws Exception {
    Path index = damagedIndex();
    assertThat(cli.run("check", "--index", index.toString()).exitCode()).isEqualTo(1);

    assertARebuildRepairs(index);
  }

  @Test
  void aRebuildRepairsAnIndexWhoseCommitPointIsDamaged() throws Exception {
    Path index = damagedCommitPoint();
    Cli.Run check = cli.run("check", "--index", index.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).startsWith("paperdex: the index at " + index + " is damaged: its commit point")
        .endsWith("; rebuild it from your sources with `paperdex index --rebuild SOURCE…`\n");
    Cli.Run search = cli.run("search", "--index", index.toString(), "transformer");
    assertThat(search.exitCode()).isEqualTo(1);
    assertThat(search.err()).startsWith("paperdex: the index at " + index + " is damaged (segments_")
        .contains("checksum failed").endsWith("; rebuild it from your sources with `paperdex index --rebuild SOURCE…`\n");
    Cli.Run update = cli.run("index", "--index", index.toString(), Cli.HOME.resolve("data").toString());
    assertThat(update.exitCode()).isEqualTo(1);
    assertThat(update.err()).isEqualTo(search.err());

    assertARebuildRepairs(index);
  }

  /**
   * Garbage in the middle of a segment seldom makes Lucene say "corrupt": reading it fails in whatever way the garbage
   * leads to (an array index out of bounds, a bad compression code). Every such failure must still say that the index
   * is damaged and what to do, not "unexpected error" or "cannot write the index".
   */
  @Test
  void searchingShowingOrUpdatingFromADamagedSegmentSaysTheIndexIsDamaged() throws Exception {
    Path index = Path.of(Cli.indexBundledData(temp.resolve("index")));
    SortedSet<String> ids = IndexContents.ids(index);
    // A segment's largest file holds its data (a compound segment holds all of it in one file); its end, the footer
    // with the checksum, and its start, which Lucene checks when it opens the segment, are left alone.
    Collection<Path> largestFileOfEachSegment;
    try (Stream<Path> files = Files.list(index)) {
      largestFileOfEachSegment = files.filter(file -> file.getFileName().toString().startsWith("_"))
          .collect(Collectors.toMap(file -> file.getFileName().toString().replaceFirst("^(_[^._]+).*", "$1"),
              file -> file, (one, other) -> one.toFile().length() >= other.toFile().length() ? one : other))
          .values();
    }
    for (Path largest : largestFileOfEachSegment) {
      try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
        Random garbage = new Random(7);
        for (long at = file.length() * 8 / 10; at < file.length() * 95 / 100; at++) {
          file.seek(at);
          file.write(garbage.nextInt(256));
        }
      }
    }
    List<Cli.Run> runs = new ArrayList<>();
    for (String query : List.of("KV cache", "speculative decoding of large language models", "au:yang", "attention")) {
      runs.add(cli.run("search", "--index", index.toString(), query));
    }
    for (String id : ids) {
      runs.add(cli.run("show", "--index", index.toString(), id));
    }

    // Re-reading the same papers merges each into its indexed record, which is read back from the damaged segments.
    Cli.Run update = cli.run("index", "--index", index.toString(), Cli.HOME.resolve("data").toString());
    assertThat(update.exitCode()).isEqualTo(1);
    runs.add(update);

    List<Cli.Run> failed = runs.stream().filter(run -> run.exitCode() != 0).toList();
    assertThat(failed).isNotEmpty().allSatisfy(run -> {
      assertThat(run.exitCode()).isEqualTo(1);
      String[] lines = run.err().split("\n"); // an update notes how it read each source first
      assertThat(lines[lines.length - 1]).startsWith("paperdex: the index at " + index + " is damaged (")
          .endsWith("; rebuild it from your sources with `paperdex index --rebuild SOURCE…`");
    });
  }

  private void assertARebuildRepairs(Path index) {
    Cli.Run rebuild = cli.run("index", "--index", index.toString(), "--rebuild", Cli.HOME.resolve("data").toString());

    assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
    assertThat(cli.run("check", "--index", index.toString()).out()).startsWith("index is healthy: 29 papers");
  }

  @Test
  void checkSaysWhenThereIsNoIndexOrItIsBusy() throws Exception {
    Cli.Run missing = cli.run("check", "--index", temp.resolve("nowhere").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("paperdex: no index at ");

    String index = Cli.indexBundledData(temp.resolve("index"));
    try (FSDirectory directory = FSDirectory.open(Path.of(index));
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Cli.Run busy = cli.run("check", "--index", index);
      assertThat(busy.exitCode()).isEqualTo(1);
      assertThat(busy.err()).isEqualTo("paperdex: index is busy (locked by another process): another paperdex is "
          + "writing " + index + "; check it when that run has finished\n");
      writer.rollback();
    }
  }
}
