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
 * @param took        how long the search took
 */
public record SearchResults(SearchRequest request, long totalHits, boolean partial, List<Hit> hits, String parsedQuery, Duration took) {

  /** Makes the hit list immutable. */
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
