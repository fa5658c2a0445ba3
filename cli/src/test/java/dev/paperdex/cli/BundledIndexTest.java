package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first search with no index at the default location builds one from the bundled data/, once; and rebuilds it when
 * an older paperdex built it from the bundled data alone.
 */
class BundledIndexTest {

  @TempDir
  Path dataHome;

  @Test
  void theFirstSearchIndexesTheBundledDataAndTheSecondDoesNot() {
    Cli cli = new Cli(Map.of("XDG_DATA_HOME", dataHome.toString()));
    Path expected = dataHome.resolve("paperdex/index");

    Cli.Run first = cli.run("search", "KV cache");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("paperdex: no index at " + expected + " yet; indexing the bundled")
        .contains("29 papers in the index");
    assertThat(first.out()).contains("2606.08635v1").contains("3 papers match \"KV cache\"");
    assertThat(Files.isDirectory(expected)).isTrue();

    Cli.Run second = cli.run("search", "KV cache");

    assertThat(second.err()).isEmpty();
    assertThat(second.out().replaceAll("\\d+ ms", "")).isEqualTo(first.out().replaceAll("\\d+ ms", ""));
  }

  @Test
  void theIndexLocationComesFromTheEnvironmentWhenNotGiven() {
    Path named = dataHome.resolve("named-index");
    Cli cli = new Cli(Map.of("PAPERDEX_INDEX", named.toString(), "XDG_DATA_HOME", dataHome.toString()));

    Cli.Run run = cli.run("search", "KV cache");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("paperdex: no index at " + named);
  }

  @Test
  void theDefaultIndexAnOlderPaperdexBuiltFromTheBundledDataIsRebuiltBySearch() throws IOException {
    Cli cli = new Cli(Map.of("XDG_DATA_HOME", dataHome.toString()));
    Path index = dataHome.resolve("paperdex/index");
    Cli.Run first = cli.run("search", "KV cache");
    markAsSchema(index, "2");

    Cli.Run afterUpgrade = cli.run("search", "KV cache");

    assertThat(afterUpgrade.exitCode()).as(afterUpgrade.err()).isZero();
    assertThat(afterUpgrade.err())
        .contains("paperdex: the index at " + index + " was built by an older paperdex from the bundled data; "
            + "rebuilding it")
        .contains("29 papers in the index");
    assertThat(afterUpgrade.out().replaceAll("\\d+ ms", "")).isEqualTo(first.out().replaceAll("\\d+ ms", ""));
    assertThat(cli.run("search", "KV cache").err()).isEmpty();
  }

  @Test
  void anIndexOfAnotherSchemaBuiltFromOtherFilesIsLeftForTheUserToRebuild() throws IOException {
    Path ownData = Files.createDirectories(dataHome.resolve("own"));
    try (var files = Files.list(Cli.HOME.resolve("data"))) {
      for (Path file : files.toList()) {
        Files.copy(file, ownData.resolve(file.getFileName()));
      }
    }
    Cli cli = new Cli(Map.of("XDG_DATA_HOME", dataHome.toString()));
    Path index = dataHome.resolve("paperdex/index");
    assertThat(cli.run("index", ownData.toString()).exitCode()).isZero();
    markAsSchema(index, "2");

    Cli.Run run = cli.run("search", "KV cache");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: the index at " + index + " has schema version 2 but this paperdex "
        + "uses version " + PaperSchema.VERSION + ": rebuild it with `paperdex index --rebuild SOURCE…`\n");
    assertThat(run.out()).isEmpty();
    try (Directory directory = FSDirectory.open(index)) {
      assertThat(SegmentInfos.readLatestCommit(directory).getUserData())
          .containsEntry(PaperSchema.SCHEMA_VERSION_KEY, "2");
    }
  }

  @Test
  void aNamedIndexOfAnotherSchemaIsNotRebuiltEvenFromTheBundledData() throws IOException {
    Path named = dataHome.resolve("named");
    Cli.indexBundledData(named);
    markAsSchema(named, "2");

    Cli.Run run = new Cli(Map.of("XDG_DATA_HOME", dataHome.toString()))
        .run("--index", named.toString(), "search", "KV cache");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("has schema version 2").doesNotContain("rebuilding");
  }

  /** Rewrites the index's last commit to say it was written with schema {@code version}, as an older build would. */
  private static void markAsSchema(Path index, String version) throws IOException {
    try (Directory directory = FSDirectory.open(index);
         IndexWriter writer = new IndexWriter(directory,
             new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> userData = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
      userData.put(PaperSchema.SCHEMA_VERSION_KEY, version);
      writer.setLiveCommitData(userData.entrySet());
      writer.commit();
    }
  }
}
