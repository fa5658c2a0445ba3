package dev.paperdex.cli;

import java.util.Optional;

/**
 * What the output goes to: whether to colour, and how wide to wrap.
 *
 * @param color   whether to mark matches with ANSI colour
 * @param columns the width to wrap text at
 */
record Terminal(boolean color, int columns) {

  private static final int DEFAULT_COLUMNS = 100;
  private static final int MIN_COLUMNS = 40;

  /**
   * Colour only on a terminal and never under {@code NO_COLOR} or {@code TERM=dumb}. The launcher says whether
   * standard output is a terminal ({@code -Dpaperdex.tty}); without it, a console counts as one.
   */
  static Terminal of(Environment env) {
    String tty = System.getProperty("paperdex.tty");
    boolean isTerminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    boolean color = isTerminal && env.get("NO_COLOR").isEmpty() && !"dumb".equals(env.get("TERM").orElse(""));
    int columns = env.get("COLUMNS").or(() -> Optional.ofNullable(System.getProperty("paperdex.columns")))
        .flatMap(Terminal::parseColumns)
        .orElse(DEFAULT_COLUMNS);
    return new Terminal(color, Math.max(MIN_COLUMNS, columns));
  }

  private static Optional<Integer> parseColumns(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
