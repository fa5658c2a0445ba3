package dev.paperdex.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain word wrapping for text with no marks in it. */
final class Wrapping {

  private Wrapping() {}

  /** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word gets its own line). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
