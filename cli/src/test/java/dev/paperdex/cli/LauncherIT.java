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

  /**
   * The runs above found no start-up cache for this jar and started recording one in the background: once that is
   * done, the same search runs with it. JDK 25 and later must have made one (an AOT cache); an older JDK may not be
   * able to (its CDS archive needs the JDK's own base archive), and then the test says so and is skipped.
   */
  @Test
  @Order(4)
  void searchesTheSameWithTheStartUpCache() throws Exception {
    Path startup = trainedStartupDirectory();
    Optional<Path> cache = freshCache(startup);
    if (cache.isEmpty()) {
      String log = Files.exists(startup.resolve("training.log")) ? Files.readString(startup.resolve("training.log")) : "";
      assertThat(jdkMajor(startup)).as("no AOT cache was recorded; training.log:\n" + log).isLessThan(25);
      Assumptions.abort("this JDK made no CDS archive; training.log:\n" + log);
    }
    if (jdkMajor(startup) >= 25) {
      assertThat(freshCache(startup, INDEX_CACHE_SUFFIX)).as("the index runs' AOT cache").isPresent();
      assertThat(freshCache(startup, SEARCH_CACHE_SUFFIX)).as("the searches' AOT cache").isPresent();
      try (Stream<Path> files = Files.list(startup)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .as("the mark that this JDK runs without replaying training, which the search below then does")
            .anyMatch(name -> name.endsWith(".replay-off"));
      }
    }

    ExternalProcess.Result result = paperdex("--index", index.toString(), "search", "KV cache", "--limit", "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith(" 1. 2606.08635v1  SpectrumKV").contains("3 papers match \"KV cache\"");
    assertThat(result.err()).isEmpty();
  }

  /**
   * On JDK 25 and later the training first writes picocli's classes as Java 8 class files, so that the AOT cache holds
   * them too (it leaves Java 5 ones out), and the commands that use the most of picocli work with them.
   */
  @Test
  @Order(5)
  void theAotCacheHoldsPicocliUpgraded() throws Exception {
    Path startup = trainedStartupDirectory();
    Assumptions.assumeTrue(jdkMajor(startup) >= 25 && freshCache(startup).isPresent(), "no AOT cache (JDK 21 to 24)");
    String log = Files.readString(startup.resolve("training.log"));

    Path upgraded = startup.resolve("upgraded-classes.jar");
    assertThat(upgraded).as(log).isRegularFile();
    assertThat(Files.getLastModifiedTime(upgraded)).as("made for this jar")
        .isGreaterThan(Files.getLastModifiedTime(Cli.HOME.resolve("cli/target/paperdex.jar")));
    assertThat(log).doesNotContain("Skipping picocli");
    ExternalProcess.Result help = paperdex("search", "--help");
    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).contains("--sort=ORDER", "relevance (default), published");
    ExternalProcess.Result completion = paperdex("generate-completion");
    assertThat(completion.exitCode()).as(completion.err()).isZero();
    assertThat(completion.out()).contains("(\"relevance\" \"published\" \"updated\") # --sort values");
  }

  /**
   * The launcher's start-up directory, once the training that records the cache there has finished; the test is
   * skipped when the cache is turned off.
   */
  private static Path trainedStartupDirectory() throws Exception {
    Assumptions.assumeFalse("off".equals(System.getenv("PAPERDEX_STARTUP_CACHE")), "PAPERDEX_STARTUP_CACHE=off");
    Path startup = Cli.HOME.resolve("cli/target/startup");
    awaitTraining(startup);
    return startup;
  }

  /** Waits while a training holds its lock (the launcher takes it before it exits), for ten minutes at most. */
  private static void awaitTraining(Path startup) throws Exception {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (hasLock(startup)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the start-up training is still running after 10 minutes");
      }
      Thread.sleep(1000);
    }
  }

  private static boolean hasLock(Path startup) throws IOException {
    try (Stream<Path> files = Files.list(startup)) {
      return files.anyMatch(path -> path.toString().endsWith(".lock"));
    }
  }

  /** How the name of the cache that the launcher gives index runs ends (JDK 25 and later). */
  private static final String INDEX_CACHE_SUFFIX = "-index.aot";

  /** How the name of the cache that the launcher gives {@code search} ends (JDK 25 and later). */
  private static final String SEARCH_CACHE_SUFFIX = "-search.aot";

  /** The start-up cache recorded for the jar the tests run, if there is one. */
  private static Optional<Path> freshCache(Path startup) throws IOException {
    Optional<Path> aot = freshCache(startup, ".aot");
    return aot.isPresent() ? aot : freshCache(startup, ".jsa");
  }

  /**
   * The cache recorded for the jar the tests run whose name ends in {@code suffix}, but not the index runs' nor
   * the searches' unless asked for.
   */
  private static Optional<Path> freshCache(Path startup, String suffix) throws IOException {
    FileTime jar = Files.getLastModifiedTime(Cli.HOME.resolve("cli/target/paperdex.jar"));
    try (Stream<Path> files = Files.list(startup)) {
      for (Path path : files.toList()) {
        String name = path.getFileName().toString();
        boolean otherCache = name.endsWith(INDEX_CACHE_SUFFIX) && !suffix.equals(INDEX_CACHE_SUFFIX)
            || name.endsWith(SEARCH_CACHE_SUFFIX) && !suffix.equals(SEARCH_CACHE_SUFFIX);
        if (name.endsWith(suffix) && !otherCache && Files.getLastModifiedTime(path).compareTo(jar) > 0) {
          return Optional.of(path);
        }
      }
    }
    return Optional.empty();
  }

  /** The major version of the JDK the launcher chose, from what it remembers (third line of startup/jdk). */
  private static int jdkMajor(Path startup) throws IOException {
    return Integer.parseInt(Files.readAllLines(startup.resolve("jdk")).get(2).strip());
  }
}
