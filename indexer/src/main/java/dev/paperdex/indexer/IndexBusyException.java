package dev.paperdex.indexer;

import java.io.IOException;

/** Thrown when another process is writing the index: only one writer at a time. */
public final class IndexBusyException extends IOException {

  /** Creates the exception with a message that says which index and what to do. */
  public IndexBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
