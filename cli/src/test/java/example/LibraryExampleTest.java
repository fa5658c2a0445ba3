package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.Indexer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example, run as a user's program would: it lives outside paperdex's packages, so it compiles
 * only against the public API.
 */
class LibraryExampleTest {

  private static final Path HOME = Path.of(System.getProperty("paperdex.home", "..")).toAbsolutePath().normalize();

  @TempDir
  Path index;

  @Test
  void searchesAnIndexThroughThePublicApi() throws Exception {
    Indexer.builder().withIndex(index).build().index(List.of(HOME.resolve("data")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LibraryExample.search(index, "KV cache", new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("""
        3 papers match KV cache
        1. 2606.08635v1 SpectrumKV: Per-Token Mixed-Precision KV Cache Transfer for Prefill-Decode Disaggregated LLM \
        Serving
           matched: KV
        """).contains("2. 2603.23049v1 PCR: A Prefetch-Enhanced Cache Reuse System for Low-Latency RAG Serving\n")
        .endsWith("papers from 2026: 3\n");
  }

  @Test
  void theReadmeShowsThisExampleAsItIs() throws Exception {
    String readme = Files.readString(HOME.resolve("README.md"));
    String example = Files.readString(HOME.resolve("cli/src/test/java/example/LibraryExample.java"));

    assertThat(readme).contains("```java\n" + example + "```\n");
  }
}
