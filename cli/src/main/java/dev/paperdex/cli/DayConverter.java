package dev.paperdex.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import picocli.CommandLine;

/**
 * Reads {@code --since} and {@code --until} days written as {@code 2026}, {@code 2026-03} or {@code 2026-03-24}:
 * a year or month starts on its first day for {@code --since} and ends on its last for {@code --until}.
 */
abstract class DayConverter implements CommandLine.ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    String day = value.strip();
    try {
      if (day.matches("\\d{4}")) {
        return pick(YearMonth.of(Integer.parseInt(day), 1), YearMonth.of(Integer.parseInt(day), 12));
      }
      if (day.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(day);
        return pick(month, month);
      }
      return LocalDate.parse(day);
    } catch (DateTimeException | NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date: write 2026, 2026-03 or 2026-03-24");
    }
  }

  /** The day a period stands for: its first for a lower bound, its last for an upper. */
  abstract LocalDate pick(YearMonth first, YearMonth last);

  /** For {@code --since}: the first day of a year or month. */
  static final class Since extends DayConverter {
    @Override
    LocalDate pick(YearMonth first, YearMonth last) {
      return first.atDay(1);
    }
  }

  /** For {@code --until}: the last day of a year or month. */
  static final class Until extends DayConverter {
    @Override
    LocalDate pick(YearMonth first, YearMonth last) {
      return last.atEndOfMonth();
    }
  }
}
