package dev.paperdex.indexer.parse;

import java.io.IOException;

/** Reads one input format. */
public interface PaperParser {

  /**
   * Reads every record of {@code file}, giving each paper and each skipped record to {@code sink}. A record that
   * cannot be read is a skip, not an exception.
   *
   * @throws IOException when the file itself cannot be read
   */
  void parse(SourceFile file, RecordSink sink) throws IOException;
}
