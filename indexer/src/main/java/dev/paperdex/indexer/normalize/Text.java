package dev.paperdex.indexer.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Cleans text values from any source. */
public final class Text {

  private Text() {}

  /**
   * Collapses hard wraps and runs of white space (ASCII white space, no-break, the U+2000 spaces, ideographic) into
   * single spaces and trims what {@link String#strip()} trims as well; {@code null} and blank text become
   * {@code null}. A hand-written loop: it runs on every field of every record, and a regular expression here was most
   * of the Kaggle parser's time. The ends are trimmed first and the rest collapsed in one array, so that a text that
   * changes (a Kaggle abstract starts with spaces and is hard-wrapped throughout) is copied once into a new string.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isTrimmed(text.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmed(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    // Between two characters that are kept, a run of white space becomes one space; a lone space stays as it is.
    int at = start;
    while (at < end) {
      char c = text.charAt(at);
      if (isWhiteSpace(c) && (c != ' ' || isWhiteSpace(text.charAt(at + 1)))) {
        break;
      }
      at++;
    }
    if (at == end) {
      return start == 0 && end == text.length() ? text : text.substring(start, end);
    }
    // the rest is collapsed in place in a copy, read from an array rather than char by char from the string
    char[] chars = new char[end - start];
    text.getChars(start, end, chars, 0);
    return new String(chars, 0, collapse(chars, at - start, chars.length, chars, at - start));
  }

  /**
   * {@link #clean(String)} of {@code new String(chars, offset, length)}, without making that string first: for text
   * that a parser holds as characters.
   */
  public static String clean(char[] chars, int offset, int length) {
    int start = offset;
    int end = offset + length;
    while (start < end && isTrimmed(chars[start])) {
      start++;
    }
    while (end > start && isTrimmed(chars[end - 1])) {
      end--;
    }
    if (start == end) {
      return null;
    }
    char[] collapsed = new char[end - start];
    return new String(collapsed, 0, collapse(chars, start, end, collapsed, 0));
  }

  /**
   * Copies {@code source[from, to)} to {@code target} from {@code written} on (which may be the same array, written
   * no further than read), each run of white space as one space; the run must not end the range.
   *
   * @return the length written up to, in {@code target}
   */
  private static int collapse(char[] source, int from, int to, char[] target, int written) {
    int read = from;
    int write = written;
    while (read < to) {
      char c = source[read++];
      if (isWhiteSpace(c)) {
        while (isWhiteSpace(source[read])) {
          read++;
        }
        c = ' ';
      }
      target[write++] = c;
    }
    return write;
  }

  private static boolean isWhiteSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || c >= '\t' && c <= '\r';
    }
    return c >= '\u00A0' && (c == '\u00A0' || c >= '\u2000' && c <= '\u200B' || c == '\u3000');
  }

  /** What is trimmed at the ends: the white space collapsed inside, and what {@link String#strip()} removes. */
  private static boolean isTrimmed(char c) {
    return isWhiteSpace(c) || Character.isWhitespace(c);
  }

  /**
   * Parses an ISO-8601 time ({@code 2026-03-24T18:28:38Z}, with or without offset) or a date ({@code 2026-03-24},
   * taken as midnight UTC); returns {@code null} for anything else.
   */
  public static Instant instant(String text) {
    String value = clean(text);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
