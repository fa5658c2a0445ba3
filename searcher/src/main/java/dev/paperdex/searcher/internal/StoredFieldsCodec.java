package dev.paperdex.searcher.internal;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields of paperdex's choosing, in blocks of 16 KB or 128 papers: what each of
 * paperdex's codecs is, told apart by how the blocks are compressed.
 */
abstract class StoredFieldsCodec extends FilterCodec {

  private static final int BLOCK_BYTES = 16 * 1024;
  private static final int MAX_DOCS_PER_BLOCK = 128;
  /** Lucene's own setting: one index entry per 1,024 blocks. */
  private static final int BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields;

  /**
   * @param name       the codec's name, recorded in each segment it writes
   * @param formatName the stored-fields format's name, recorded in its files
   * @param blocks     how each block of stored fields is compressed
   */
  StoredFieldsCodec(String name, String formatName, CompressionMode blocks) {
    super(name, new Lucene104Codec());
    this.storedFields = new Lucene90CompressingStoredFieldsFormat(formatName, blocks, BLOCK_BYTES, MAX_DOCS_PER_BLOCK,
        BLOCK_SHIFT);
  }

  @Override
  public final StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
