package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./paperdex} launcher, run as a process from the repository root the way the README says, after
 * {@code package} has built the jar (so it must not build again): exit codes, output, one-line errors, and never a
 * JVM warning, with and without its start-up cache.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

  /** What the JVM prints when it warns: unified logging's tags, the VM's own prefix, the JDK's WARNING lines. */
  private static final Pattern JVM_WARNING = Pattern.compile(
      "(?m)^(WARNING: |OpenJDK .*VM warning|Java HotSpot.*warning|\\[[0-9.]+s\\]\\[(warning|error))");

  @TempDir
  static Path temp;

  private static Path index;

  private static ExternalProcess.Result paperdex(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Cli.HOME.resolve("paperdex").toString()));
    command.addAll(List.of(args));
    ExternalProcess.Result result = ExternalProcess.run(command, Cli.HOME, Map.of(), 300);
    assertThat(result.err()).as("the launcher must not build during the tests").doesNotContain("building");
    assertThat(result.err()).as("JVM warnings").doesNotContainPattern(JVM_WARNING);
    return result;
  }

  @BeforeAll
  static void indexTheBundledData() throws Exception {
    index = temp.resolve("index");
    ExternalProcess.Result result = paperdex("--index", index.toString(), "index", "data");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("29 papers in the index");
  }

  @Test
  @Order(1)
  void searchesAnIndex() throws Exception {
    ExternalProcess.Result result = paperdex("--index", index.toString(), "search", "KV cache", "--limit", "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith(" 1. 2606.08635v1  SpectrumKV").contains("3 papers match \"KV cache\"");
    assertThat(result.err()).isEmpty();
  }

  @Test
  @Order(2)
  void aQueryThatCannotBeParsedIsAUsageErrorOnOneLine() throws Exception {
    ExternalProcess.Result result = paperdex("--index", index.toString(), "search", "kv \"cache");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).containsExactly(
        "paperdex: cannot parse the query at column 4: this quote is never closed: end the phrase with \"");
    assertThat(result.out()).isEmpty();
  }

  @Test
  @Order(3)
  void aMissingIndexIsAFailureOnOneLine() throws Exception {
    Path nowhere = temp.resolve("nowhere");

    ExternalProcess.Result result = paperdex("--index", nowhere.toString(), "search", "kv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines()).containsExactly(
        "paperdex: no index at " + nowhere + ": build one with `paperdex index SOURCE…`");
  }

  /** The runs above found no start-up cache for this jar and started recording one in the background. */
  @Test
  @Order(4)
  void searchesTheSameWithTheStartUpCache() throws Exception {
    Assumptions.assumeFalse("off".equals(System.getenv("PAPERDEX_STARTUP_CACHE")), "PAPERDEX_STARTUP_CACHE=off");
    Path cache = awaitStartupCache();

    ExternalProcess.Result result = paperdex("--index", index.toString(), "search", "KV cache", "--limit", "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith(" 1. 2606.08635v1  SpectrumKV").contains("3 papers match \"KV cache\"");
    assertThat(result.err()).isEmpty();
    assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(jarTime());
  }

  private static FileTime jarTime() throws IOException {
    return Files.getLastModifiedTime(Cli.HOME.resolve("cli/target/paperdex.jar"));
  }

  /** Waits for the launcher's background training to leave a cache newer than the jar, and no lock. */
  private static Path awaitStartupCache() throws Exception {
    Path startup = Cli.HOME.resolve("cli/target/startup");
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<Path> cache = fresh(startup);
      if (cache.isPresent()) {
        return cache.get();
      }
      Thread.sleep(1000);
    }
    Path log = startup.resolve("training.log");
    throw new AssertionError("no start-up cache after 10 minutes; " + log + ":\n"
        + (Files.exists(log) ? Files.readString(log) : "(none)"));
  }

  private static Optional<Path> fresh(Path startup) throws IOException {
    if (!Files.isDirectory(startup)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(startup)) {
      List<Path> all = files.toList();
      if (all.stream().anyMatch(path -> path.toString().endsWith(".lock"))) {
        return Optional.empty();
      }
      for (Path path : all) {
        String name = path.getFileName().toString();
        if ((name.endsWith(".aot") || name.endsWith(".jsa")) && Files.getLastModifiedTime(path).compareTo(jarTime()) > 0) {
          return Optional.of(path);
        }
      }
      return Optional.empty();
    }
  }
}
