package dev.paperdex.cli;

import dev.paperdex.searcher.Facets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Plain word wrapping for text with no marks in it, and labelled blocks of it. */
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

  /**
   * Prints {@code label}, then {@code text} from {@code column} on, wrapped to {@code width} with the following
   * lines starting at {@code column} too.
   */
  static void printLabelled(PrintWriter out, String label, int column, String text, int width) {
    List<String> lines = wrap(text, width - column);
    out.println(label + " ".repeat(Math.max(1, column - label.length())) + lines.get(0));
    lines.subList(1, lines.size()).forEach(line -> out.println(" ".repeat(column) + line));
  }

  /** Counts as one line of text: {@code cs.DC 12 · cs.LG 7}. */
  static String counts(List<Facets.Count> counts) {
    return counts.stream().map(count -> count.value() + " " + count.count()).collect(Collectors.joining(" · "));
  }
}
