package dev.paperdex.indexer.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Cleans text values from any source. */
public final class Text {

  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

  private Text() {}

  /**
   * Collapses hard wraps and runs of white space into single spaces and trims; {@code null} and blank text become
   * {@code null}.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String collapsed = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    return collapsed.isEmpty() ? null : collapsed;
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
