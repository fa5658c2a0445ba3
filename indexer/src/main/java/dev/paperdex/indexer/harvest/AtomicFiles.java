package dev.paperdex.indexer.harvest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that a reader (or a run after a kill) sees the old content or the new, never a part. */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to a hidden temporary file beside {@code target}, syncs it, and moves it into place. */
  static void write(Path target, byte[] content) throws IOException {
    Path temp = temporary(target);
    writeSynced(temp, content);
    move(temp, target);
  }

  /** Writes {@code content} to {@code file} and waits until it is on the disk. */
  static void writeSynced(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Moves a finished temporary file into place in one step. */
  static void move(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The hidden temporary name for {@code target}: {@code paperdex index} passes by names that start with a dot. */
  static Path temporary(Path target) {
    return target.resolveSibling("." + target.getFileName() + PART);
  }

  /** The ending of temporary files, which a run removes when an earlier one was killed while writing. */
  static final String PART = ".part";
}
