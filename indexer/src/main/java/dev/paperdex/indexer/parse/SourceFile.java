package dev.paperdex.indexer.parse;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** A file to read, gzipped or not, that counts how much of it has been read, for progress reports. */
public final class SourceFile {

  private static final int GZIP_MAGIC_FIRST = 0x1f;
  private static final int GZIP_MAGIC_SECOND = 0x8b;

  private final Path path;
  private final AtomicLong bytesRead = new AtomicLong();

  /** The file at {@code path}. */
  public SourceFile(Path path) {
    this.path = path;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The name used in messages. */
  public String name() {
    return path.toString();
  }

  /**
   * How many bytes of the file as stored (compressed, when gzipped) the streams from {@link #open()} have read so far:
   * a reading thread's progress, safe to ask from another.
   */
  public long bytesRead() {
    return bytesRead.get();
  }

  /**
   * Opens the content, decompressing it when the file is gzipped (told by its first bytes, not its name).
   *
   * @throws java.util.zip.ZipException when the file starts like gzip but its header is not one
   * @throws java.io.EOFException       when the file starts like gzip but ends within the header
   */
  public InputStream open() throws IOException {
    return open(new Counting(Files.newInputStream(path), bytesRead));
  }

  /** The first {@code max} bytes of the (decompressed) content; not counted in {@link #bytesRead()}. */
  public byte[] head(int max) throws IOException {
    try (InputStream in = open(Files.newInputStream(path))) {
      return in.readNBytes(max);
    }
  }

  private static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
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

  /** Adds the bytes read through it to a counter. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count.addAndGet(skipped);
      return skipped;
    }
  }
}
