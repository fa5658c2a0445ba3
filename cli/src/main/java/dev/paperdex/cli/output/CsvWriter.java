package dev.paperdex.cli.output;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Papers as CSV (RFC 4180 quoting by Jackson: a value holding a comma, a quote or a line break is quoted, quotes
 * doubled), with a header row; see {@link Columns}. Written with Jackson's streaming CSV generator: its object
 * mapper's classes took a search printing CSV about 250 ms more to start than one printing text.
 */
final class CsvWriter implements PaperWriter {

  /** Quotes only the values that need it, not every value with a space; leaves the command's output open. */
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
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
    try (CsvGenerator csv = FACTORY.createGenerator(out)) {
      csv.setSchema(CsvSchema.emptySchema());
      for (List<String> row : rows) {
        csv.writeStartArray();
        for (String cell : row) {
          csv.writeString(cell);
        }
        csv.writeEndArray();
      }
    }
  }
}
