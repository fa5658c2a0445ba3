package dev.paperdex.searcher;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to search for, how to filter and order it, and how much to return. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.builder()
 *     .withQuery("au:del_maestro AND ti:checkerboard")
 *     .withCategory("cond-mat")
 *     .withSince(LocalDate.of(2010, 1, 1))
 *     .withSort(SearchRequest.Sort.PUBLISHED)
 *     .withLimit(5)
 *     .build();
 * }</pre>
 *
 * @param query      the query text, in paperdex's query language; may be empty when a filter says what to list
 * @param limit      how many hits to return, 0 or more (0 only counts)
 * @param offset     how many of the best hits to skip, for paging
 * @param sort       the order of the hits
 * @param since      only papers dated on or after this day (UTC), or {@code null}
 * @param until      only papers dated on or before this day (UTC), or {@code null}
 * @param dateField  which date {@code since} and {@code until} look at
 * @param categories only papers in one of these categories: codes ({@code cs.DC}), archives ({@code cs},
 *                   {@code cs.*}) or category names and unique prefixes of them; empty for all
 * @param primaryOnly whether {@code categories} must be the primary category, not a cross-list
 * @param highlight  whether to compute highlighted snippets
 * @param facets     whether to count the matching papers by category, archive, year and author
 * @param literal    whether the query is plain text to search word by word (a claim, a question, a pasted
 *                   sentence), in which the query language's operators and syntax characters mean nothing
 */
public record SearchRequest(String query, int limit, int offset, Sort sort, LocalDate since, LocalDate until,
                            DateField dateField, List<String> categories, boolean primaryOnly, boolean highlight,
                            boolean facets, boolean literal) {

  /** The number of hits returned when no limit is given. */
  public static final int DEFAULT_LIMIT = 10;

  /** The order of the hits. */
  public enum Sort {
    /** Best match first; equal scores in id order. */
    RELEVANCE,
    /** Newest first by the first version's date, then by id. */
    PUBLISHED,
    /** Most recently updated first, then by id. */
    UPDATED
  }

  /** Which of a paper's dates a date filter looks at. */
  public enum DateField {
    /** When version 1 was submitted. */
    PUBLISHED,
    /** When the latest version was submitted. */
    UPDATED
  }

  /** Checks the values and makes the category list immutable. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(dateField, "dateField");
    categories = List.copyOf(categories);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
    }
  }

  /** Whether anything besides the query narrows the search. */
  public boolean hasFilters() {
    return since != null || until != null || !categories.isEmpty();
  }

  /**
   * A builder with the defaults: empty query, {@value #DEFAULT_LIMIT} hits by relevance, no filters, highlighting on,
   * no facets.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SearchRequest}. */
  public static final class Builder {
    private String query = "";
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private Sort sort = Sort.RELEVANCE;
    private LocalDate since;
    private LocalDate until;
    private DateField dateField = DateField.PUBLISHED;
    private List<String> categories = List.of();
    private boolean primaryOnly;
    private boolean highlight = true;
    private boolean facets;
    private boolean literal;

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

    /** Sets the order of the hits. */
    public Builder withSort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /** Keeps only papers dated on or after {@code since} ({@code null}: no lower bound). */
    public Builder withSince(LocalDate since) {
      this.since = since;
      return this;
    }

    /** Keeps only papers dated on or before {@code until} ({@code null}: no upper bound). */
    public Builder withUntil(LocalDate until) {
      this.until = until;
      return this;
    }

    /** Sets which date {@code since} and {@code until} look at. */
    public Builder withDateField(DateField dateField) {
      this.dateField = dateField;
      return this;
    }

    /** Keeps only papers in any of these categories, archives or named categories. */
    public Builder withCategories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    /** Keeps only papers in this category, archive or named category (replacing earlier ones). */
    public Builder withCategory(String category) {
      this.categories = List.of(category);
      return this;
    }

    /** Makes the category filter look at the primary category only. */
    public Builder withPrimaryOnly(boolean primaryOnly) {
      this.primaryOnly = primaryOnly;
      return this;
    }

    /** Turns highlighted snippets on or off. */
    public Builder withHighlight(boolean highlight) {
      this.highlight = highlight;
      return this;
    }

    /** Turns facet counts on or off. */
    public Builder withFacets(boolean facets) {
      this.facets = facets;
      return this;
    }

    /**
     * Reads the query as plain text rather than in the query language: {@code : " ( ) [ ] { } * ? ~ + & |} and a
     * {@code -} that does not join two letters or digits are spaces, and {@code AND OR NOT ANDNOT} are words.
     */
    public Builder withLiteral(boolean literal) {
      this.literal = literal;
      return this;
    }

    /** Builds the request; throws {@link IllegalArgumentException} for values out of range. */
    public SearchRequest build() {
      return new SearchRequest(query, limit, offset, sort, since, until, dateField, categories, primaryOnly,
          highlight, facets, literal);
    }
  }
}
