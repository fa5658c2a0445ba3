package dev.paperdex.searcher;

import java.util.List;
import java.util.Objects;

/**
 * How the papers matching a search spread over categories, archives, years and authors: counted over every matching
 * paper, not just the page of hits shown, so that they can guide narrowing the search.
 *
 * <p>Each list holds at most the number of values asked for, the values with the most papers. A paper counts once
 * for each of its categories, archives and authors, so counts in a list can add up to more than the number of
 * matches; a paper without categories, or without a submission date, is simply missing from that list.
 *
 * @param categories category codes ({@code cs.DC}), most papers first; equal counts in value order
 * @param archives   archives ({@code cs}, {@code hep-th}), most papers first; equal counts in value order
 * @param years      UTC years of first submission ({@code 2026}): the years with the most papers, listed most recent
 *                   first rather than by count, since a timeline reads better in order
 * @param authors    authors' display names, most papers first; equal counts in value order
 */
public record Facets(List<Count> categories, List<Count> archives, List<Count> years, List<Count> authors) {

  private static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), List.of());

  /** Makes the lists immutable. Lists are kept in the order given; see the class description for the order used. */
  public Facets {
    categories = List.copyOf(categories);
    archives = List.copyOf(archives);
    years = List.copyOf(years);
    authors = List.copyOf(authors);
  }

  /** Facets with every list empty: what a search matching nothing, or not asking for facets, gets. */
  public static Facets empty() {
    return EMPTY;
  }

  /**
   * One value of a facet and how many matching papers have it.
   *
   * <p>"Value order", used to order equal counts, is Unicode code point order, the order the index keeps values in;
   * for names without characters beyond the Basic Multilingual Plane it is the same as {@link String#compareTo}.
   *
   * @param value the value as indexed: a category code, an archive, a year in decimal, or an author's display name
   * @param count how many matching papers have it, 1 or more in a facet list
   */
  public record Count(String value, long count) {

    /** Checks that the value is present and the count not negative. */
    public Count {
      Objects.requireNonNull(value, "value");
      if (count < 0) {
        throw new IllegalArgumentException("a count cannot be negative: " + value + "=" + count);
      }
    }
  }
}
