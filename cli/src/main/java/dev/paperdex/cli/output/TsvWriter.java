package dev.paperdex.cli.output;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Papers as tab-separated values with a header row (see {@link Columns}). Nothing is quoted; a backslash, tab, line
 * feed or carriage return in a value is written {@code \\}, {@code \t}, {@code \n}, {@code \r}, so every row is one
 * line and every cell one field, as {@code cut} and {@code awk -F'\t'} expect.
 */
final class TsvWriter implements PaperWriter {

  @Override
  public void writeResults(SearchResults results, PrintWriter out) {
    write(Columns.of(results), out);
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) {
    write(Columns.of(paper), out);
  }

  private static void write(List<List<String>> rows, PrintWriter out) {
    for (List<String> row : rows) {
      out.println(row.stream().map(TsvWriter::escape).collect(Collectors.joining("\t")));
    }
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
