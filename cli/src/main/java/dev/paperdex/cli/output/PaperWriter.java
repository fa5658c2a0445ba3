package dev.paperdex.cli.output;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;

/** Writes papers in one machine-readable format: a page of search results, or one whole record. */
public interface PaperWriter {

  /** Writes the hits of {@code results} (and, where the format has room, the total and highlights) to {@code out}. */
  void writeResults(SearchResults results, PrintWriter out) throws IOException;

  /** Writes one paper's whole record to {@code out}. */
  void writePaper(Paper paper, PrintWriter out) throws IOException;
}
