package dev.paperdex.indexer;

import java.nio.file.Path;

/** Hears what an indexing run does as it goes, to show progress and problems. Every method does nothing by default. */
public interface IndexListener {

  /** The run is about to read {@code files} source files that hold {@code bytes} bytes as stored (gzipped or not). */
  default void started(int files, long bytes) {}

  /**
   * How far the run has got: {@code records} records read and {@code bytes} bytes of the source files (as stored) read
   * so far. Heard after every record and every file, so it must be cheap.
   */
  default void progressed(long records, long bytes) {}

  /** A source file is about to be read. */
  default void fileStarted(Path file) {}

  /** A file or record was skipped. */
  default void skipped(Skip skip) {}

  /** Something about a file worth telling the user, such as how sure a best-effort parse is. */
  default void noted(String file, String message) {}
}
