package dev.paperdex.searcher;

import java.time.Instant;
import java.util.List;

/**
 * What an index holds, as its last commit records it.
 *
 * @param schemaVersion   the schema version it was written with
 * @param papers          how many papers it holds
 * @param created         when it was first built, or last rebuilt; {@code null} when the index does not say
 * @param committed       when the last indexing run committed; {@code null} when the index does not say
 * @param paperdexVersion the paperdex version of the last indexing run; {@code null} when the index does not say
 * @param sources         the files it was built from, in path order, as they were when last read
 * @param counts          the papers counted by category, archive, year and author
 */
public record IndexInfo(int schemaVersion, int papers, Instant created, Instant committed, String paperdexVersion,
                        List<Source> sources, Facets counts) {

  /** Makes the source list immutable. */
  public IndexInfo {
    sources = List.copyOf(sources);
  }

  /**
   * A source file as an indexing run read it.
   *
   * @param path     the file's absolute path
   * @param size     its size in bytes
   * @param modified its last modification time
   */
  public record Source(String path, long size, Instant modified) {}
}
