package dev.paperdex.indexer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Thrown when another process is writing the index: only one writer at a time. */
public final class IndexBusyException extends IOException {

  /**
   * A file beside Lucene's lock that says who holds it, so that a second writer can be told. Lucene leaves files that
   * do not look like its own alone.
   */
  static final String LOCK_HOLDER_FILE = "paperdex-writer.txt";

  /** Creates the exception with a message that says which index and what to do. */
  public IndexBusyException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The exception for an index whose lock another process holds, naming that process when it said who it is.
   *
   * @param whatToDo what the user should do, such as "wait for it to finish and run this again"
   */
  public static IndexBusyException locked(Path indexDir, String whatToDo, Throwable cause) {
    return new IndexBusyException("index is busy (locked by " + lockHolder(indexDir) + "): another paperdex is writing "
        + indexDir + "; " + whatToDo, cause);
  }

  /** Who holds the lock, as they wrote it, or "another process" when they did not say. */
  private static String lockHolder(Path indexDir) {
    try {
      String holder = Files.readString(indexDir.resolve(LOCK_HOLDER_FILE), StandardCharsets.UTF_8).strip();
      return holder.isEmpty() ? "another process" : holder;
    } catch (IOException | RuntimeException e) {
      return "another process";
    }
  }
}
