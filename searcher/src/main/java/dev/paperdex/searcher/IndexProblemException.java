package dev.paperdex.searcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when an index cannot be used as it is: there is none, or it was built by an incompatible version. The
 * message says what to do; {@link OtherSchemaException} is the one for an index of another version.
 */
public class IndexProblemException extends IOException {

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
}
