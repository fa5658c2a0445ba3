package dev.paperdex.cli.output;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.PrintWriter;

/** One bare id per line and nothing else, for shell pipelines ({@code … --format ids | xargs -n1 paperdex show}). */
final class IdsWriter implements PaperWriter {

  @Override
  public void writeResults(SearchResults results, PrintWriter out) {
    for (Hit hit : results.hits()) {
      out.println(hit.paper().id());
    }
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) {
    out.println(paper.id());
  }
}
