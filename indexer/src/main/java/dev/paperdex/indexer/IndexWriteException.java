package dev.paperdex.indexer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Thrown when the index cannot be written: no space left, a read-only or unwritable directory. Nothing of the run was
 * committed, so the index is as it was before it.
 */
public final class IndexWriteException extends IOException {

  private IndexWriteException(String message, IOException cause) {
    super(message, cause);
  }

  /** The exception for a failure to write the index in {@code indexDir}, with a message that says what to do. */
  static IndexWriteException of(Path indexDir, IOException cause) {
    String reason = reason(cause);
    return new IndexWriteException("cannot write the index at " + indexDir + ": " + lowerFirst(reason)
        + "; nothing of this run was committed and the index is as it was (" + advice(reason) + ")", cause);
  }

  private static String reason(IOException cause) {
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
      return ((FileSystemException) cause).getFile() + " is a file, not a directory";
    }
    if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return String.valueOf(cause.getMessage());
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String advice(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("space") || lower.contains("quota")) {
      return "free some disk space and run it again";
    }
    if (lower.contains("read-only") || lower.contains("permission") || lower.contains("not a directory")) {
      return "choose a writable directory with --index, or fix its permissions";
    }
    return "fix the cause and run it again";
  }
}
