package dev.paperdex.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr's last line, redrawn in place, with messages printed on lines of their own above it. Only
 * for a terminal: elsewhere the commands print plain lines instead.
 */
final class StderrBar implements AutoCloseable {

  private static final int REFRESH_MILLIS = 200;
  private static final String CLEAR_LINE = "\r\u001B[K";

  private final PrintWriter err;
  private final ProgressBar bar;

  /**
   * Starts the bar.
   *
   * @param task     what the bar is for, such as {@code indexing}
   * @param max      where the bar ends; 0 or less when not known yet (the bar then shows counts only)
   * @param unit     the unit the bar counts in, such as {@code " MB"}, or {@code ""}
   * @param unitSize how many steps make one unit
   * @param columns  the terminal's width
   */
  StderrBar(PrintWriter err, String task, long max, String unit, long unitSize, int columns) {
    this.err = err;
    this.bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max > 0 ? max : -1)
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REFRESH_MILLIS)
        .setConsumer(new LastLine(columns))
        .clearDisplayOnFinish()
        .build();
  }

  /** Moves the bar to {@code steps}. */
  void stepTo(long steps) {
    bar.stepTo(steps);
  }

  /** Sets where the bar ends, once that is known. */
  void maxHint(long max) {
    bar.maxHint(max);
  }

  /** Sets the text after the bar, such as a count and a rate. */
  void message(String message) {
    bar.setExtraMessage(message);
  }

  /** Prints a message on a line of its own: the bar's line is cleared first and redrawn at its next refresh. */
  void println(String message) {
    synchronized (err) {
      err.print(CLEAR_LINE);
      err.println(message);
      err.flush();
    }
  }

  /** Takes the bar away, so that what follows starts on a clean line. */
  @Override
  public void close() {
    bar.close();
  }

  /** Prints a message on a line of its own: above {@code bar} when there is one, else as a plain line of stderr. */
  static void println(PrintWriter err, StderrBar bar, String message) {
    if (bar != null) {
      bar.println(message);
    } else {
      err.println(message);
      err.flush();
    }
  }

  /** Draws the bar on stderr's current line, overwriting it each time. */
  private final class LastLine implements ProgressBarConsumer {
    private final int columns;

    LastLine(int columns) {
      this.columns = columns;
    }

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
