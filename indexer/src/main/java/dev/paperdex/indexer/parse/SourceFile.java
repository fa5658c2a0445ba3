package dev.paperdex.indexer.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file to read, gzipped or not.
 *
 * @param path the file
 */
public record SourceFile(Path path) {

  private static final int GZIP_MAGIC_FIRST = 0x1f;
  private static final int GZIP_MAGIC_SECOND = 0x8b;

  /** The name used in messages. */
  public String name() {
    return path.toString();
  }

  /**
   * Opens the content, decompressing it when the file is gzipped (told by its first bytes, not its name).
   *
   * @throws java.util.zip.ZipException when the file starts like gzip but its header is not one
   * @throws java.io.EOFException       when the file starts like gzip but ends within the header
   */
  public InputStream open() throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      if (first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The first {@code max} bytes of the (decompressed) content. */
  public byte[] head(int max) throws IOException {
    try (InputStream in = open()) {
      return in.readNBytes(max);
    }
  }
}
