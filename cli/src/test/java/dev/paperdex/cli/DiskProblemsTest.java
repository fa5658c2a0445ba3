package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only file system, made real with a small tmpfs: {@code paperdex index} fails with one line
 * and exit code 1, and the index already there still answers and passes the check. Mounting needs root; without it
 * the tests are skipped and say so.
 */
class DiskProblemsTest {

  @TempDir
  Path temp;

  private Path disk;
  private boolean mounted;
  private final Cli cli = new Cli(Map.of());

  @BeforeEach
  void mountASmallDisk() throws Exception {
    disk = Files.createDirectories(temp.resolve("disk"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString());
    assumeTrue(mounted, "skipped: mounting a 3 MB tmpfs needs root (mount -t tmpfs failed)");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void aFullDiskIsOneClearErrorAndTheIndexStaysAsItWas() throws Exception {
    String index = Cli.indexBundledData(disk.resolve("index"));
    Path tooMany = SyntheticPapers.write(temp.resolve("many.jsonl"), "2603", 1, 20_000);

    Cli.Run run = cli.run("index", "--index", index, tooMany.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).matches("paperdex: cannot write the index at " + index + ": no space left on device; "
        + "nothing of this run was committed and the index is as it was \\(free some disk space and run it again\\)\n");
    assertStillAnswers(index);
  }

  @Test
  void aReadOnlyDiskIsOneClearErrorAndTheIndexStillAnswers() throws Exception {
    String index = Cli.indexBundledData(disk.resolve("index"));
    assertThat(run("mount", "-o", "remount,ro", disk.toString())).isTrue();

    Cli.Run run = cli.run("index", "--index", index, Cli.HOME.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("paperdex: cannot write the index at " + index + ": read-only file system; ")
        .endsWith("(choose a writable directory with --index, or fix its permissions)\n")
        .hasLineCount(1);
    assertThat(cli.run("search", "--index", index, "KV cache", "--limit", "1").exitCode()).isZero();
  }

  private void assertStillAnswers(String index) {
    Cli.Run search = cli.run("search", "--index", index, "KV cache", "--limit", "1");
    assertThat(search.exitCode()).isZero();
    assertThat(search.out()).contains("3 papers match \"KV cache\"");
    Cli.Run check = cli.run("check", "--index", index);
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out()).startsWith("index is healthy: 29 papers");
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException noSuchCommand) {
      return false;
    }
  }
}
