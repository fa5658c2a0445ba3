package dev.paperdex.cli;

import dev.paperdex.indexer.IndexListener;
import dev.paperdex.indexer.Skip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What an indexing run tells the user on stderr as it goes: skipped records (always), notes (unless quiet), each file
 * (when verbose), and, when stderr is a terminal, a progress bar over the bytes of the sources with the records read,
 * their rate and the time left. Without a terminal there is no bar: the run's summary line says it all at the end.
 */
final class IndexProgress implements IndexListener, AutoCloseable {

  /** How often the records count and rate on the bar are recomputed. */
  private static final long MESSAGE_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();
  private static final int BAR_REFRESH_MILLIS = 200;
  private static final String CLEAR_LINE = "\r\u001B[K";
  private static final long MEGABYTE = 1_000_000;

  private final PrintWriter err;
  private final boolean showBar;
  private final boolean showNotes;
  private final boolean verbose;
  private final int columns;
  private ProgressBar bar;
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
    bar = new ProgressBarBuilder()
        .setTaskName("indexing")
        .setInitialMax(Math.max(1, bytes))
        .setUnit(bytes < 10 * MEGABYTE ? " kB" : " MB", bytes < 10 * MEGABYTE ? 1000 : MEGABYTE)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(BAR_REFRESH_MILLIS)
        .setConsumer(new StderrLine())
        .clearDisplayOnFinish()
        .build();
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
    bar.setExtraMessage(String.format("%,d records, %,.0f/s", records, records / seconds));
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

  /** A message on a line of its own: the bar's line is cleared first and redrawn at its next refresh. */
  private void println(String message) {
    synchronized (err) {
      if (bar != null) {
        err.print(CLEAR_LINE);
      }
      err.println(message);
      err.flush();
    }
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

  /** Draws the bar on stderr's current line, overwriting it each time. */
  private final class StderrLine implements ProgressBarConsumer {
    @Override
    public int getMaxRenderedLength() {
      return columns - 1;
    }

    @Override
    public void accept(String rendered) {
      synchronized (err) {
        err.print("\r" + rendered);
        err.flush();
      }
    }

    @Override
    public void clear() {
      synchronized (err) {
        err.print(CLEAR_LINE);
        err.flush();
      }
    }

    @Override
    public void close() {
      // stderr belongs to the command.
    }
  }
}
