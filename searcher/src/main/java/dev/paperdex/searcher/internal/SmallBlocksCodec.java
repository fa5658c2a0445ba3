package dev.paperdex.searcher.internal;

import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec paperdex wrote its segments in before {@link PaperCodec}: Lucene's default codec with stored fields in
 * 16 KB blocks of LZ4 with a preset dictionary. Kept so that indexes written then still read and merge; paperdex no
 * longer writes it. Its name and stored-fields format name are recorded in those segments and must not change.
 */
public final class SmallBlocksCodec extends StoredFieldsCodec {

  /** The name recorded in each segment this codec wrote. */
  public static final String NAME = "Paperdex104";

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final int MAX_DOCS_PER_CHUNK = 128;
  private static final int BLOCK_SHIFT = 10;

  /** The codec; called by Lucene's service loader. */
  public SmallBlocksCodec() {
    super(NAME, new Lucene90CompressingStoredFieldsFormat(
        "PaperdexStoredFieldsSmallBlocks", Lucene90StoredFieldsFormat.BEST_SPEED_MODE, CHUNK_BYTES, MAX_DOCS_PER_CHUNK,
        BLOCK_SHIFT));
  }
}
