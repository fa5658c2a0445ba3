package dev.paperdex.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Papers as CSV (RFC 4180 quoting by Jackson: a value holding a comma, a quote or a line break is quoted, quotes
 * doubled), with a header row; see {@link Columns}.
 */
final class CsvWriter implements PaperWriter {

  /** Quotes only the values that need it, not every value with a space. */
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  @Override
  public void writeResults(SearchResults results, PrintWriter out) throws IOException {
    write(Columns.of(results), out);
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) throws IOException {
    write(Columns.of(paper), out);
  }

  private static void write(List<List<String>> rows, PrintWriter out) throws IOException {
    try (SequenceWriter writer = MAPPER.writer(CsvSchema.emptySchema()).writeValues(new NonClosing(out))) {
      for (List<String> row : rows) {
        writer.write(row);
      }
    }
    out.flush();
  }

  /** Keeps the command's output open when Jackson closes its writer. */
  private static final class NonClosing extends FilterWriter {
    NonClosing(PrintWriter out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
