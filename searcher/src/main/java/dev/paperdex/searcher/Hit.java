package dev.paperdex.searcher;

import java.util.List;

/**
 * One paper in a result list.
 *
 * @param rank             the position in the whole result list, starting at 1
 * @param paper            the paper's stored record
 * @param score            the relevance score (higher is better)
 * @param title            the title with the query's matches marked
 * @param abstractSnippets up to three passages of the abstract with the matches marked, in text order; empty when the
 *                         paper has no abstract or highlighting was off
 */
public record Hit(int rank, Paper paper, float score, Snippet title, List<Snippet> abstractSnippets) {

  /** Makes the snippet list immutable. */
  public Hit {
    abstractSnippets = List.copyOf(abstractSnippets);
  }
}
