package dev.paperdex.searcher;

import java.time.Duration;
import java.util.List;

/**
 * The answer to one {@link SearchRequest}.
 *
 * @param request     the request answered
 * @param totalHits   how many papers match in all (exact, not an estimate)
 * @param partial     true when no paper matched every word, so the hits are papers that match some of them
 * @param hits        the hits of the requested page, best first
 * @param parsedQuery the query as paperdex understood it, for explaining results
 * @param facets      counts of the matching papers by category, archive, year and author, when the request asked
 *                    for them; {@link Facets#empty()} otherwise
 * @param hints       spelling corrections and other fields to try when few papers match; {@link SearchHints#none()}
 *                    otherwise
 * @param took        how long the search took
 */
public record SearchResults(SearchRequest request, long totalHits, boolean partial, List<Hit> hits,
                            String parsedQuery, Facets facets, SearchHints hints, Duration took) {

  /** Makes the hit list immutable. */
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
