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
   * single spaces and trims; {@code null} and blank text become {@code null}. A hand-written loop: it runs on every
   * field of every record, and a regular expression here was most of the Kaggle parser's time.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    char[] collapsed = null;
    int size = 0;
    int at = 0;
    while (at < length) {
      int end = at;
      while (end < length && !isWhiteSpace(text.charAt(end))) {
        end++;
      }
      if (collapsed != null) {
        text.getChars(at, end, collapsed, size);
        size += end - at;
      }
      if (end == length) {
        break;
      }
      at = end;
      end++;
      while (end < length && isWhiteSpace(text.charAt(end))) {
        end++;
      }
      if (collapsed == null && (text.charAt(at) != ' ' || end - at > 1)) {
        collapsed = new char[length];
        text.getChars(0, at, collapsed, 0);
        size = at;
      }
      if (collapsed != null) {
        collapsed[size++] = ' ';
      }
      at = end;
    }
    String stripped = (collapsed == null ? text : new String(collapsed, 0, size)).strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static boolean isWhiteSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B')
        || c == '\u3000';
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
