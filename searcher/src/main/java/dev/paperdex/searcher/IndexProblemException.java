package dev.paperdex.searcher;

import dev.paperdex.searcher.internal.PaperSchema;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when an index cannot be used as it is: there is none, or it was built by an incompatible version. The
 * message says what to do.
 */
public final class IndexProblemException extends IOException {

  /** Creates the exception with a message that says what to do. */
  public IndexProblemException(String message) {
    super(message);
  }

  /** Creates the exception with a message that says what to do and the low-level cause. */
  public IndexProblemException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The exception for a directory that holds no index, saying how to build one. */
  public static IndexProblemException noIndex(Path dir) {
    return new IndexProblemException("no index at " + dir + ": build one with `paperdex index SOURCE…`");
  }

  /**
   * The exception for an index written with another schema version than this paperdex's, saying how to rebuild it.
   *
   * @param version the version the index names, or {@code null} when it names none
   */
  public static IndexProblemException otherSchema(Path dir, String version) {
    return new IndexProblemException("the index at " + dir + " has schema version " + (version == null ? "(none)" : version)
        + " but this paperdex uses version " + PaperSchema.VERSION
        + ": rebuild it with `paperdex index --rebuild SOURCE…`");
  }
}
