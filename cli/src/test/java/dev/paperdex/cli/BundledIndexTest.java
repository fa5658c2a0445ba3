package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first search with no index at the default location builds one from the bundled data/, once. */
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
}
