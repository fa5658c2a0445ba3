package dev.paperdex.searcher;

import java.time.Instant;

/**
 * What an index holds, as its last commit records it.
 *
 * @param schemaVersion the schema version it was written with
 * @param papers        how many papers it holds
 * @param committed     when the last indexing run committed, or {@code null} when the commit does not say
 * @param counts        the papers counted by category, archive, year and author
 */
public record IndexInfo(int schemaVersion, int papers, Instant committed, Facets counts) {}
