package example;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import dev.paperdex.searcher.Snippet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/** Searches a paperdex index from Java: {@code java example.LibraryExample INDEX_DIR QUERY}. */
public class LibraryExample {

  public static void main(String[] args) throws IOException {
    search(Path.of(args[0]), args[1], System.out);
  }

  static void search(Path indexDir, String query, PrintStream out) throws IOException {
    try (PaperSearcher searcher = PaperSearcher.open(indexDir)) {
      SearchRequest request = SearchRequest.builder()
          .withQuery(query)
          .withSince(LocalDate.of(2026, 1, 1))
          .withLimit(3)
          .withFacets(true)
          .build();
      SearchResults results = searcher.search(request);
      out.println(results.totalHits() + " papers match " + query);
      for (Hit hit : results.hits()) {
        out.println(hit.rank() + ". " + hit.paper().versionedId() + " " + hit.paper().title());
        for (Snippet passage : hit.abstractSnippets()) {
          for (Snippet.Span match : passage.matches()) {
            out.println("   matched: " + passage.text().substring(match.start(), match.end()));
          }
        }
      }
      results.facets().years().forEach(year -> out.println("papers from " + year.value() + ": " + year.count()));
    }
  }
}
