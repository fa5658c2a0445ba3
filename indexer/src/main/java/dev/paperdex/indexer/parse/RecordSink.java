package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.searcher.Paper;

/** Receives what a parser finds in a source: papers, skipped records, and notes about the file. */
public interface RecordSink {

  /**
   * A paper read from the source.
   *
   * @param paper    the paper
   * @param position where in the file it was, such as {@code entry 3} or {@code line 120}
   */
  void paper(Paper paper, String position);

  /** A record or the whole file that was not read as a paper. */
  void skip(Skip skip);

  /** Something the user should know about the file that is not a skip, such as how sure a best-effort split is. */
  default void note(String file, String message) {}
}
