package dev.paperdex.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * What the output goes to: whether to colour, and how wide to wrap.
 *
 * @param color   whether to mark matches with ANSI colour
 * @param columns the width to wrap text at
 */
record Terminal(boolean color, int columns) {

  private static final int DEFAULT_COLUMNS = 100;
  private static final int MIN_COLUMNS = 40;

  /** {@code --color}: when to colour. */
  enum ColorWhen {
    AUTO, ALWAYS, NEVER;

    /** Reads {@code auto}, {@code always} or {@code never}, in any case. */
    static final class Converter implements CommandLine.ITypeConverter<ColorWhen> {
      @Override
      public ColorWhen convert(String value) {
        try {
          return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.TypeConversionException("'" + value + "' is not a choice: use auto, always or never");
        }
      }
    }
  }

  /**
   * With {@code auto}, colour only when standard output is a terminal, and never under {@code NO_COLOR} (set to any
   * value but the empty string, as no-color.org defines it) or {@code TERM=dumb}; {@code always} and {@code never}
   * decide alone, as no-color.org asks of a command-line option.
   */
  static Terminal of(Environment env, ColorWhen when, BooleanSupplier stdoutIsTerminal) {
    boolean color = switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> env.get("NO_COLOR").isEmpty() && !"dumb".equals(env.get("TERM").orElse(""))
          && stdoutIsTerminal.getAsBoolean();
    };
    int columns = env.get("COLUMNS").or(() -> Optional.ofNullable(System.getProperty("paperdex.columns")))
        .flatMap(Terminal::parseColumns)
        .orElse(DEFAULT_COLUMNS);
    return new Terminal(color, Math.max(MIN_COLUMNS, columns));
  }

  /** Whether standard output is a terminal, for colour: as the launcher says, else as the JVM guesses. */
  static boolean stdoutIsTerminal() {
    return isTerminal("paperdex.tty");
  }

  /** Whether standard error is a terminal, for progress bars: as the launcher says, else as the JVM guesses. */
  static boolean stderrIsTerminal() {
    return isTerminal("paperdex.stderr.tty");
  }

  /**
   * The JVM cannot tell which of its streams is a terminal, so the launcher says ({@code -Dpaperdex.tty},
   * {@code -Dpaperdex.stderr.tty}); without it, a console counts as one.
   */
  private static boolean isTerminal(String property) {
    String tty = System.getProperty(property);
    return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
  }

  private static Optional<Integer> parseColumns(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
