package dev.paperdex.searcher;

import dev.paperdex.searcher.internal.PaperSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when an index was written with another schema version than this paperdex's, so that it must be rebuilt.
 * It carries the source files the index records it was built from, which is what a rebuild reads again.
 */
public final class OtherSchemaException extends IndexProblemException {

  private final transient List<IndexInfo.Source> sources;

  /**
   * Creates the exception for the index in {@code dir}, with a message saying how to rebuild it.
   *
   * @param version the schema version the index names, or {@code null} when it names none
   * @param sources the source files its last commit records
   */
  public OtherSchemaException(Path dir, String version, List<IndexInfo.Source> sources) {
    super("the index at " + dir + " has schema version " + (version == null ? "(none)" : version)
        + " but this paperdex uses version " + PaperSchema.VERSION
        + ": rebuild it with `paperdex index --rebuild SOURCE…`");
    this.sources = List.copyOf(sources);
  }

  /** The source files the index was built from, as its last commit records them; empty when it records none. */
  public List<IndexInfo.Source> sources() {
    return sources;
  }
}
