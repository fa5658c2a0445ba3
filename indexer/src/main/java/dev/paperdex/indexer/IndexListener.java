package dev.paperdex.indexer;

import java.nio.file.Path;

/** Hears what an indexing run does as it goes, to show progress and problems. Every method does nothing by default. */
public interface IndexListener {

  /** A source file is about to be read. */
  default void fileStarted(Path file) {}

  /** A file or record was skipped. */
  default void skipped(Skip skip) {}

  /** Something about a file worth telling the user, such as how sure a best-effort parse is. */
  default void noted(String file, String message) {}
}
