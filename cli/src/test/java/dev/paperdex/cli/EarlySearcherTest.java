package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index a search opens early, before its command line is parsed, is only a guess from the words typed: the
 * command searches the index the parsed command line names, wherever and however {@code --index} was given.
 */
class EarlySearcherTest {

  @TempDir
  Path dir;

  private final Cli cli = new Cli(Map.of("XDG_DATA_HOME", "/nonexistent"));

  @Test
  void theIndexNamedAnyWayIsTheOneSearched() throws IOException {
    String all = Cli.indexBundledData(dir.resolve("all"));
    String some = indexOneFile(dir.resolve("some"));

    String fromAll = cli.run("--index", all, "search", "cache", "--format", "ids").out();
    String fromSome = cli.run("--index", some, "search", "cache", "--format", "ids").out();
    assertThat(fromAll).isNotEqualTo(fromSome);

    assertThat(cli.run("search", "--index=" + all, "cache", "--format", "ids").out()).isEqualTo(fromAll);
    assertThat(cli.run("search", "cache", "--index", some, "--format", "ids").out()).isEqualTo(fromSome);
    // The first --index typed is the root's, the one picocli keeps is the search's own.
    Cli.Run both = cli.run("--index", all, "search", "--index", some, "cache", "--format", "ids");
    assertThat(both.out()).as(both.err()).isEqualTo(fromSome);
  }

  @Test
  void wordsAfterTheEndOfOptionsAreTheQueryNotAnIndex() {
    String all = Cli.indexBundledData(dir.resolve("all"));

    Cli.Run run = new Cli(Map.of("PAPERDEX_INDEX", all)).run("search", "--", "--index", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("No papers match \"--index " + dir + "\"");
  }

  @Test
  void anIndexPathThatIsNoPathIsReportedAsBefore() {
    Cli.Run run = cli.run("search", "--index", "bad\0path", "cache");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: Invalid value for option '--index'");
  }

  private String indexOneFile(Path index) throws IOException {
    Path source = Files.createDirectories(dir.resolve("one-file"));
    Files.copy(Cli.HOME.resolve("data/000_8193fee60cf6185c.txt"), source.resolve("papers.txt"));
    Cli.Run run = cli.run("index", "--index", index.toString(), source.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return index.toString();
  }
}
