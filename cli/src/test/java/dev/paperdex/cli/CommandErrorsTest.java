package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets one clear line on stderr, the right exit code, and never a stack trace. */
class CommandErrorsTest {

  @TempDir
  Path temp;

  private final Cli cli = new Cli(Map.of());

  private String indexBundledData() {
    return Cli.indexBundledData(temp.resolve("index"));
  }

  private static void assertOneLineNoTrace(Cli.Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anUnparseableQueryIsAUsageErrorWithTheColumn() {
    String index = indexBundledData();

    Cli.Run run = cli.run("search", "--index", index, "kv \"cache");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "paperdex: cannot parse the query at column 4: this quote is never closed: end the phrase with \"\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli.Run run = cli.run("search", "--colour", "kv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: Unknown option: '--colour'")
        .contains("Try 'paperdex search --help' for usage.");
    assertOneLineNoTrace(run);
  }

  @Test
  void aBadLimitIsAUsageError() {
    assertThat(cli.run("search", "--limit", "many", "kv").exitCode()).isEqualTo(2);
    Cli.Run negative = cli.run("search", "--index", indexBundledData(), "--limit", "-1", "kv");
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).startsWith("paperdex: --limit must be 0 or more, not -1");
  }

  @Test
  void aMissingQueryOrSourceIsAUsageError() {
    assertThat(cli.run("search").exitCode()).isEqualTo(2);
    assertThat(cli.run("index").exitCode()).isEqualTo(2);
    assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingIndexNamedByTheUserIsAFailureThatSaysWhatToDo() {
    Cli.Run run = cli.run("search", "--index", temp.resolve("nowhere").toString(), "kv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: no index at " + temp.resolve("nowhere")
        + ": build one with `paperdex index SOURCE…`\n");
  }

  @Test
  void aMissingSourceIsAFailureAndTheIndexKeepsWhatItHad() {
    String index = indexBundledData();

    Cli.Run run = cli.run("index", "--index", index, temp.resolve("no-such-file.xml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: no such file or directory: " + temp.resolve("no-such-file.xml") + "\n");
    assertThat(cli.run("search", "--index", index, "Hailo").out()).contains("1 paper matches");
  }

  @Test
  void aBusyIndexIsAFailureAtOnce() throws Exception {
    String index = indexBundledData();

    try (FSDirectory directory = FSDirectory.open(Path.of(index));
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Cli.Run run = cli.run("index", "--index", index, Cli.HOME.resolve("data").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).startsWith("paperdex: index is busy (locked by another process): another paperdex is writing "
          + index);
      assertOneLineNoTrace(run);
      writer.rollback();
    }
  }

  @Test
  void aFileOfUnknownFormatIsSkippedWithOneLineAndTheRestIsIndexed() throws Exception {
    Path notes = Files.writeString(temp.resolve("notes.md"), "# my reading list\n");
    String index = temp.resolve("index").toString();

    Cli.Run run = cli.run("index", "--index", index, notes.toString(), Cli.HOME.resolve("data").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("skipped: " + notes + ": not a format paperdex reads");
    assertThat(run.out()).contains("29 added").contains("1 skipped (1 not a format paperdex reads)");
  }

  @Test
  void strictIndexingFailsAndCommitsNothingWhenAnythingIsSkipped() throws Exception {
    String index = indexBundledData();
    Path notes = Files.writeString(temp.resolve("notes.md"), "# my reading list\n");
    Path feed = Files.writeString(temp.resolve("feed.xml"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
        + "<id>http://arxiv.org/abs/2699.00001v1</id><title>Quokka census</title></entry></feed>");

    Cli.Run run = cli.run("index", "--strict", "--index", index, notes.toString(), feed.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("skipped: " + notes + ": not a format paperdex reads")
        .endsWith("paperdex: --strict: 1 skipped, so nothing was committed; the index is as it was\n");
    assertThat(run.out()).contains("1 added").contains("nothing committed (strict), 29 papers in the index");
    assertThat(cli.run("search", "--index", index, "--json", "quokka").out()).contains("\"total\" : 0");
    assertThat(cli.run("index", "--strict", "--index", index, feed.toString()).exitCode()).isZero();
  }
}
