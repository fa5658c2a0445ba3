package dev.paperdex.cli;

import dev.paperdex.indexer.IndexListener;
import dev.paperdex.indexer.Skip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What an indexing run tells the user on stderr as it goes: skipped records (always), notes (unless quiet), each file
 * (when verbose), and, when stderr is a terminal, a progress bar over the bytes of the sources with the records read,
 * their rate and the time left. Without a terminal there is no bar: the run's summary line says it all at the end.
 */
final class IndexProgress implements IndexListener, AutoCloseable {

  /** How often the records count and rate on the bar are recomputed. */
  private static final long MESSAGE_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();
  private static final long MEGABYTE = 1_000_000;

  private final PrintWriter err;
  private final boolean showBar;
  private final boolean showNotes;
  private final boolean verbose;
  private final int columns;
  private StderrBar bar;
  private long startNanos;
  private long lastMessageNanos;
  private long records;

  /**
   * @param err     standard error
   * @param showBar   whether to draw a bar: stderr is a terminal and the user did not ask for quiet
   * @param showNotes whether to print the parsers' notes about files
   * @param verbose   whether to name each file as it is read
   * @param columns   the terminal's width
   */
  IndexProgress(PrintWriter err, boolean showBar, boolean showNotes, boolean verbose, int columns) {
    this.err = err;
    this.showBar = showBar;
    this.showNotes = showNotes;
    this.verbose = verbose;
    this.columns = columns;
  }

  @Override
  public void started(int files, long bytes) {
    if (!showBar) {
      return;
    }
    startNanos = System.nanoTime();
    boolean small = bytes < 10 * MEGABYTE;
    bar = new StderrBar(err, "indexing", Math.max(1, bytes), small ? " kB" : " MB", small ? 1000 : MEGABYTE, columns);
  }

  @Override
  public void progressed(long records, long bytes) {
    if (bar == null) {
      return;
    }
    bar.stepTo(bytes);
    this.records = records;
    long now = System.nanoTime();
    if (now - lastMessageNanos >= MESSAGE_INTERVAL_NANOS) {
      lastMessageNanos = now;
      showRecords(now);
    }
  }

  private void showRecords(long now) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    bar.message(String.format("%,d records, %,.0f/s", records, records / seconds));
  }

  @Override
  public void fileStarted(Path file) {
    if (verbose) {
      println("reading " + file);
    }
  }

  @Override
  public void skipped(Skip skip) {
    println("skipped: " + skip);
  }

  @Override
  public void noted(String file, String message) {
    if (showNotes) {
      println("note: " + file + ": " + message);
    }
  }

  private void println(String message) {
    StderrBar.println(err, bar, message);
  }

  /** Takes the bar away, so that what follows starts on a clean line. */
  @Override
  public void close() {
    if (bar != null) {
      showRecords(System.nanoTime());
      bar.close();
      bar = null;
    }
  }
}
