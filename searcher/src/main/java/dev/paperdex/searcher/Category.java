package dev.paperdex.searcher;

import java.util.Objects;

/**
 * One arXiv category from paperdex's own taxonomy table; get them from {@link ArxivTaxonomy}.
 *
 * <p>Bare archives that were once categories in their own right ({@code hep-th}, {@code astro-ph}) have the archive's
 * code as both {@code code} and {@code archive}. Legacy archives such as {@code chao-dyn} are inactive categories of
 * their own archive; {@link ArxivTaxonomy#successor(String)} names the category that took them over.
 *
 * @param code        the category code as arXiv writes it, such as {@code cs.DC} or {@code hep-th}
 * @param name        the full name, such as {@code Distributed, Parallel, and Cluster Computing}
 * @param archive     the archive code, such as {@code cs}
 * @param archiveName the archive's full name, such as {@code Computer Science}
 * @param group       the group code without arXiv's {@code grp_} prefix, such as {@code cs} or {@code physics}
 * @param groupName   the group's full name, such as {@code Computer Science}
 * @param active      whether arXiv still accepts new papers in it
 */
public record Category(
    String code, String name, String archive, String archiveName, String group, String groupName, boolean active) {

  /** Checks that no field is missing. */
  public Category {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(archiveName, "archiveName");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(groupName, "groupName");
  }

  /** The code and name as one label for messages and listings: {@code cs.DC (Distributed, Parallel, …)}. */
  public String label() {
    return code + " (" + name + ")";
  }
}
