package dev.paperdex.searcher;

import java.util.Objects;

/**
 * What to search for and how many results to return. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.builder().withQuery("speculative decoding").withLimit(5).build();
 * }</pre>
 *
 * @param query     the query text, in paperdex's query language
 * @param limit     how many hits to return, 0 or more (0 only counts)
 * @param offset    how many of the best hits to skip, for paging
 * @param highlight whether to compute highlighted snippets
 */
public record SearchRequest(String query, int limit, int offset, boolean highlight) {

  /** The number of hits returned when no limit is given. */
  public static final int DEFAULT_LIMIT = 10;

  /** Checks the values. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
    }
  }

  /** A builder with the defaults: no query yet, {@value #DEFAULT_LIMIT} hits, no offset, highlighting on. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SearchRequest}. */
  public static final class Builder {
    private String query;
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private boolean highlight = true;

    private Builder() {}

    /** Sets the query text. */
    public Builder withQuery(String query) {
      this.query = query;
      return this;
    }

    /** Sets how many hits to return. */
    public Builder withLimit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Sets how many of the best hits to skip. */
    public Builder withOffset(int offset) {
      this.offset = offset;
      return this;
    }

    /** Turns highlighted snippets on or off. */
    public Builder withHighlight(boolean highlight) {
      this.highlight = highlight;
      return this;
    }

    /** Builds the request; throws {@link NullPointerException} without a query. */
    public SearchRequest build() {
      return new SearchRequest(query, limit, offset, highlight);
    }
  }
}
