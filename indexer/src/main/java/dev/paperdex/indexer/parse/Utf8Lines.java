package dev.paperdex.indexer.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a stream line by line as raw bytes, so that each line can be decoded as strict UTF-8 on its own and an error
 * names the line it is on. A line ends at {@code \n}; a {@code \r} before it is dropped, as is a UTF-8 byte order mark
 * at the start of line 1. Blank lines are returned like any other: the caller decides what to do with them.
 *
 * <p>A line longer than the limit is dropped as it is read, so a file without line breaks cannot exhaust memory:
 * {@link #tooLong()} says so, and the line has no content. Buffers are reused from line to line.
 *
 * <p>Use: {@code while (lines.next()) { if (lines.tooLong()) …; if (!lines.decode()) …; use lines.chars() }}.
 * Not thread-safe.
 */
public final class Utf8Lines implements Closeable {

  /** The default limit on a line's length in bytes (32 MiB), without its line break. */
  public static final int MAX_LINE_BYTES = 32 << 20;

  private static final int INITIAL_LINE_BYTES = 1 << 14;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean ended;

  private byte[] bytes = new byte[INITIAL_LINE_BYTES];
  private int length;
  private long number;
  private boolean tooLong;

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer chars = CharBuffer.allocate(INITIAL_LINE_BYTES);
  private int charCount;
  private String decodeError;

  /**
   * Reads {@code in}, dropping lines longer than {@link #MAX_LINE_BYTES}.
   *
   * @param in the bytes to read; {@link #close()} closes it
   */
  public Utf8Lines(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  /**
   * Reads {@code in}, dropping lines longer than {@code maxLineBytes}.
   *
   * @param in           the bytes to read; {@link #close()} closes it
   * @param maxLineBytes the longest line kept, in bytes without the line break; at least 1
   */
  public Utf8Lines(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Moves to the next line, blank or not.
   *
   * @return {@code false} at the end of the stream
   * @throws IOException when the stream cannot be read; {@link #number()} is then still the previous line's
   */
  public boolean next() throws IOException {
    length = 0;
    tooLong = false;
    charCount = 0;
    decodeError = null;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (any) {
          finish();
        }
        return any;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++;
        finish();
        return true;
      }
    }
  }

  /** The 1-based number of the current line, counting blank and dropped lines; 0 before the first. */
  public long number() {
    return number;
  }

  /** The limit on a line's length in bytes, without its line break. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /** Whether the current line was longer than {@link #maxLineBytes()} and dropped: it then has no content. */
  public boolean tooLong() {
    return tooLong;
  }

  /** Whether the current line's bytes are only ASCII spaces, tabs, carriage returns and form feeds, or none. */
  public boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes the current line as strict UTF-8 into {@link #chars()}.
   *
   * @return {@code true} when the line is valid UTF-8; {@code false} when it is not, and {@link #decodeError()} says
   *     where
   */
  public boolean decode() {
    if (chars.capacity() < length) {
      chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    chars.clear();
    utf8.reset();
    CoderResult result = utf8.decode(in, chars, true);
    if (!result.isError()) {
      result = utf8.flush(chars);
    }
    if (result.isError()) {
      charCount = 0;
      decodeError = String.format(Locale.ROOT, "byte 0x%02X at byte %d of the line",
          bytes[in.position()] & 0xFF, in.position() + 1);
      return false;
    }
    charCount = chars.position();
    decodeError = null;
    return true;
  }

  /**
   * The decoded line: its first {@link #charCount()} chars. Valid after {@link #decode()} returned {@code true},
   * until the next call of {@link #next()}; the array is reused, so copy what must be kept.
   */
  public char[] chars() {
    return chars.array();
  }

  /** How many chars of {@link #chars()} hold the decoded line; 0 before {@link #decode()} or when it failed. */
  public int charCount() {
    return charCount;
  }

  /** The decoded line as a string, after {@link #decode()} returned {@code true}. */
  public String text() {
    return new String(chars.array(), 0, charCount);
  }

  /**
   * Where the current line is not UTF-8, such as {@code byte 0xC3 at byte 5 of the line} (1-based), after
   * {@link #decode()} returned {@code false}; otherwise {@code null}.
   */
  public String decodeError() {
    return decodeError;
  }

  /** Closes the stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    int read = in.read(buffer);
    if (read <= 0) {
      ended = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private void append(int start, int count) {
    if (tooLong || count == 0) {
      return;
    }
    if ((long) length + count > maxLineBytes) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + count, Math.min(maxLineBytes, bytes.length * 2)));
    }
    System.arraycopy(buffer, start, bytes, length, count);
    length += count;
  }

  private void finish() {
    number++;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    if (number == 1 && length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      System.arraycopy(bytes, 3, bytes, 0, length - 3);
      length -= 3;
    }
  }
}
