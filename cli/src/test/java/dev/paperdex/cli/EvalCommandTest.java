package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.PaperSearcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code paperdex eval} on a small BEIR-format set written here, through the command line as a user would run it.
 *
 * <p>The set and the values it must give, worked out by hand (log2(3) = 1.5849625):
 * <pre>
 * q1 "quokka"                        hits d1 (title and abstract), d3, d2 (abstract only; d2's is the longer)
 *    judged d1 = 1, d2 = 2, d3 = 0    DCG  = 1/log2(2) + 0 + 2/log2(4) = 2
 *                                     IDCG = 2/log2(2) + 1/log2(3) = 2.6309298   nDCG = 0.7601875
 *                                     recall = 2/2 = 1                          MRR = 1/1
 * q2 "numbat termite"                hits d5, d6 (same title; d6's abstract is the longer); d3 lacks "termite"
 *    judged d6 = 1, d3 = 1            DCG  = 1/log2(3) = 0.6309298
 *                                     IDCG = 1 + 1/log2(3) = 1.6309298          nDCG = 0.3868528
 *                                     recall = 1/2                              MRR = 1/2
 * q3 Rottnest: "island" (species*)?  syntax written as words: hits d4 only, which has all three words
 *    judged d1 = 1                    nothing relevant found: nDCG = recall = MRR = 0
 * q4 judged d4 = 0 only              no relevant document: left out
 * q5 not judged                      not evaluated
 *
 * means: nDCG = (0.7601875 + 0.3868528 + 0) / 3 = 0.3823; recall = (1 + 0.5 + 0) / 3 = 0.5; MRR = (1 + 0.5) / 3 = 0.5
 * </pre>
 */
class EvalCommandTest {

  @TempDir
  Path temp;

  private Path corpus;
  private Path queries;
  private Path qrels;

  private static final String CORPUS = """
      {"_id": "d1", "title": "Quokka population census", "text": "A census of quokka populations on Rottnest Island."}
      {"_id": "d2", "title": "Wombat burrow architecture", "text": "Wombats dig long and deep burrows with several \
      entrances and chambers. A quokka was once seen resting near one of them during the survey."}
      {"_id": "d3", "title": "Marsupial diets", "text": "Quokka, wombat and numbat diets compared."}
      {"_id": "d4", "title": "Island ecology", "text": "Rottnest Island hosts many species."}
      {"_id": "d5", "title": "Numbat termite foraging", "text": "Numbats eat termites."}
      {"_id": "d6", "title": "Numbat termite foraging", "text": "Numbats eat termites in the dry season of Western \
      Australia, when few other insects are about.", "metadata": {"source": "test"}}
      """;

  private static final String QUERIES = """
      {"_id": "q1", "text": "quokka", "metadata": {}}
      {"_id": "q2", "text": "numbat termite"}
      {"_id": "q3", "text": "Rottnest: \\"island\\" (species*)?"}
      {"_id": "q4", "text": "island ecology"}
      {"_id": "q5", "text": "wombat"}
      """;

  private static final String QRELS = """
      query-id\tcorpus-id\tscore
      q1\td1\t1
      q1\td2\t2
      q1\td3\t0
      q2\td6\t1
      q2\td3\t1
      q3\td1\t1
      q4\td4\t0
      """;

  private static final String SUMMARY = """
      6 docs indexed, 3 queries evaluated, 1 left out (no relevant judgment)
      nDCG@10     0.3823
      recall@100  0.5000
      MRR@10      0.5000
      """;

  @BeforeEach
  void writeTheSet() throws IOException {
    corpus = Files.writeString(temp.resolve("corpus.jsonl"), CORPUS);
    queries = Files.writeString(temp.resolve("queries.jsonl"), QUERIES);
    qrels = Files.writeString(temp.resolve("test.tsv"), QRELS);
  }

  /** Runs {@code paperdex ARGS} with {@code eval} added to the command line, if it is not registered yet. */
  private Cli.Run paperdex(Map<String, String> variables, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = PaperdexCommand.commandLine(new Environment(variables, Cli.HOME));
    if (!commandLine.getSubcommands().containsKey("eval")) {
      commandLine.addSubcommand("eval", new EvalCommand());
    }
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private Cli.Run eval(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("eval", "--corpus", corpus.toString(), "--queries",
        queries.toString(), "--qrels", qrels.toString()));
    args.addAll(List.of(extra));
    return paperdex(Map.of(), args.toArray(String[]::new));
  }

  private static void assertOneLineNoTrace(Cli.Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void printsTheHandComputedMeasures() {
    Cli.Run run = eval();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(SUMMARY);
    assertThat(run.out().lines().toList().get(4)).matches("took \\d+\\.\\d s: indexing \\d+\\.\\d s, "
        + "searching \\d+\\.\\d s");
    assertThat(run.out().lines()).hasSize(5);
  }

  @Test
  void writesTheRunFileInTrecFormatRankedAsMeasured() throws IOException {
    Path runFile = temp.resolve("out").resolve("test.run");
    Files.createDirectories(runFile.getParent());

    Cli.Run run = eval("--run", runFile.toString());

    assertThat(run.exitCode()).isZero();
    List<String[]> lines = Files.readAllLines(runFile).stream().map(line -> line.split(" ")).toList();
    assertThat(lines).extracting(fields -> String.join(" ", fields[0], fields[1], fields[2], fields[3], fields[5]))
        .containsExactly(
            "q1 Q0 d1 1 paperdex",
            "q1 Q0 d3 2 paperdex",
            "q1 Q0 d2 3 paperdex",
            "q2 Q0 d5 1 paperdex",
            "q2 Q0 d6 2 paperdex",
            "q3 Q0 d4 1 paperdex");
    for (int i = 0; i < lines.size(); i++) {
      float score = Float.parseFloat(lines.get(i)[4]);
      assertThat(score).isPositive();
      if (i > 0 && lines.get(i)[0].equals(lines.get(i - 1)[0])) {
        assertThat(score).isLessThan(Float.parseFloat(lines.get(i - 1)[4]));
      }
    }
    try (Stream<Path> files = Files.list(runFile.getParent())) {
      assertThat(files).containsExactly(runFile);
    }
  }

  @Test
  void aGzippedCorpusIsToldByItsBytesNotItsName() throws IOException {
    try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(temp.resolve("corpus.data")))) {
      gzip.write(CORPUS.getBytes(StandardCharsets.UTF_8));
    }
    corpus = temp.resolve("corpus.data");

    Cli.Run run = eval();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(SUMMARY);
  }

  @Test
  void theIndexIsTemporaryUnlessNamedAndPaperdexIndexIsNeverUsed() throws IOException {
    Path userIndex = temp.resolve("user-index");

    Cli.Run temporary = paperdex(Map.of("PAPERDEX_INDEX", userIndex.toString()), "eval", "--corpus",
        corpus.toString(), "--queries", queries.toString(), "--qrels", qrels.toString());
    assertThat(temporary.exitCode()).isZero();
    assertThat(userIndex).doesNotExist();

    Path kept = temp.resolve("kept");
    Cli.Run named = eval("--index", kept.toString());
    assertThat(named.exitCode()).isZero();
    assertThat(named.out()).startsWith(SUMMARY);
    try (PaperSearcher searcher = PaperSearcher.open(kept)) {
      assertThat(searcher.paperCount()).isEqualTo(6);
      assertThat(searcher.get("d4").orElseThrow().abstractText()).isEqualTo("Rottnest Island hosts many species.");
    }

    Cli.Run again = eval("--index", kept.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("paperdex: " + kept + " is not an empty directory");
    assertOneLineNoTrace(again);
  }

  @Test
  void aMissingFileIsAFailureThatNamesIt() {
    corpus = temp.resolve("no-such-corpus.jsonl");

    Cli.Run run = eval();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: no such file or directory: " + corpus + "\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBrokenJsonLineIsAFailureThatNamesFileAndLineAndLeavesNoRunFile() throws IOException {
    Files.writeString(corpus, CORPUS.replace("{\"_id\": \"d3\", \"title\"", "{\"_id\": \"d3\" \"title\""));
    Path runFile = temp.resolve("broken.run");

    Cli.Run run = eval("--run", runFile.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("paperdex: " + corpus + ", line 3: not valid JSON: ");
    assertOneLineNoTrace(run);
    assertThat(run.out()).isEmpty();
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).noneMatch(file -> file.getFileName().toString().contains("broken.run"));
    }
  }

  @Test
  void aBrokenQueriesLineIsAFailureToo() throws IOException {
    Files.writeString(queries, QUERIES.replace("{\"_id\": \"q2\", \"text\": \"numbat termite\"}", "[\"q2\"]"));

    Cli.Run run = eval();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: " + queries + ", line 2: expected a JSON object such as "
        + "{\"_id\": \"…\", \"text\": \"…\"}, found a JSON array\n");
  }

  @Test
  void qrelsWithoutTheirHeaderAreAFailure() throws IOException {
    Files.writeString(qrels, QRELS.substring(QRELS.indexOf('\n') + 1));

    Cli.Run run = eval();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: " + qrels + ", line 1: expected the header line "
        + "query-id<TAB>corpus-id<TAB>score, found a judgment: BEIR qrels start with a header\n");
  }

  @Test
  void badJudgmentsAreFailuresThatNameTheLine() throws IOException {
    Files.writeString(qrels, QRELS.replace("q2\td6\t1", "q2\td6\thigh"));
    assertThat(eval().err()).isEqualTo("paperdex: " + qrels + ", line 5: the score 'high' is not a whole number\n");

    Files.writeString(qrels, QRELS.replace("q2\td6\t1", "q2 d6 1"));
    assertThat(eval().err()).isEqualTo("paperdex: " + qrels + ", line 5: expected 3 tab-separated fields "
        + "(query-id, corpus-id, score), found 1 (fields are separated by tabs, not spaces)\n");

    Files.writeString(qrels, QRELS + "q9\td1\t1\n");
    Cli.Run unknownQuery = eval();
    assertThat(unknownQuery.exitCode()).isEqualTo(1);
    assertThat(unknownQuery.err()).isEqualTo("paperdex: " + qrels + ", line 9: query 'q9' is not in " + queries
        + "\n");

    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq4\td4\t0\n");
    Cli.Run nothingRelevant = eval();
    assertThat(nothingRelevant.exitCode()).isEqualTo(1);
    assertThat(nothingRelevant.err()).isEqualTo("paperdex: " + qrels + ": no judged query has a relevant document "
        + "(score 1 or more), so there is nothing to measure\n");
  }

  @Test
  void aDirectoryForAFileIsAFailureThatNamesIt() {
    corpus = temp;

    Cli.Run run = eval();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("paperdex: " + temp + ": is a directory: name the file in it\n");
  }

  @Test
  void aDepthBelowTheRecallCutoffIsAUsageError() {
    Cli.Run run = eval("--depth", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: --depth must be at least 100 (recall@100 needs 100 hits), not 10");
  }

  @Test
  void missingRequiredFilesAreAUsageError() {
    Cli.Run run = paperdex(Map.of(), "eval", "--corpus", corpus.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperdex: Missing required options: '--queries=FILE', '--qrels=FILE'");
  }

  @Test
  void theHelpShowsAnExample() {
    Cli.Run run = paperdex(Map.of(), "eval", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: paperdex eval").contains("--corpus=FILE").contains("Examples:")
        .contains("paperdex eval --corpus scifact/corpus.jsonl.gz");
  }
}
