package dev.paperdex.cli.eval;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a TREC run file, one line per retrieved document: {@code qid Q0 docid rank score paperdex}, separated by
 * spaces, as trec_eval and pytrec_eval read it. Each query's documents are written in {@link Metrics#trecOrder}, so
 * the rank column is the rank the measures were computed at.
 *
 * <p>Scores are written as the shortest decimal that reads back as the same {@code float} (paperdex's scores are
 * floats): equal scores are written alike and unequal ones differently, so trec_eval sees exactly the ties and the
 * order that {@link Metrics} saw.
 *
 * <p>The file appears only when {@link #commit()} is called: lines go to a temporary file beside it, moved into place
 * at the end, so that a failed evaluation never leaves a partial run behind.
 */
public final class TrecRun implements Closeable {

  /** The run tag of the last column. */
  public static final String TAG = "paperdex";

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s");

  private final Path file;
  private final Path partial;
  private final BufferedWriter out;
  private boolean committed;

  private TrecRun(Path file, Path partial, BufferedWriter out) {
    this.file = file;
    this.partial = partial;
    this.out = out;
  }

  /** Starts a run to be written to {@code file}, replacing it on {@link #commit()}. */
  public static TrecRun create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "the run file's directory does not exist");
    }
    Path partial = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
    try {
      return new TrecRun(file, partial, Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }

  /**
   * Writes one query's ranking.
   *
   * @param ranking the retrieved documents in any order; they are written in {@link Metrics#trecOrder}
   * @throws IllegalArgumentException when an id contains white space, which the format cannot hold
   */
  public void write(String queryId, List<Metrics.Scored> ranking) throws IOException {
    checkId(queryId);
    int rank = 0;
    for (Metrics.Scored scored : Metrics.trecOrder(ranking)) {
      checkId(scored.docId());
      rank++;
      out.write(queryId + " Q0 " + scored.docId() + " " + rank + " " + score(scored.score()) + " " + TAG);
      out.newLine();
    }
  }

  /** Finishes the file and moves it into place. */
  public void commit() throws IOException {
    out.close();
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  /** Without a {@link #commit()}, discards what was written. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** A float score as the shortest decimal that reads back as it; any other double as Java writes it. */
  static String score(double score) {
    float single = (float) score;
    return single == score ? Float.toString(single) : Double.toString(score);
  }

  private static void checkId(String id) {
    if (id.isEmpty() || WHITE_SPACE.matcher(id).find()) {
      throw new IllegalArgumentException("'" + id + "' cannot be written to a TREC run: ids may not be empty or "
          + "contain white space");
    }
  }
}
