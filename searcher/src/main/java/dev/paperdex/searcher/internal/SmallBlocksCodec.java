package dev.paperdex.searcher.internal;

import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;

/**
 * The codec paperdex wrote its segments in before {@link PaperCodec}: Lucene's default codec with stored fields in
 * 16 KB blocks of LZ4 with a preset dictionary. Kept so that indexes written then still read and merge; paperdex no
 * longer writes it. Its name and stored-fields format name are recorded in those segments and must not change.
 */
public final class SmallBlocksCodec extends StoredFieldsCodec {

  /** The name recorded in each segment this codec wrote. */
  public static final String NAME = "Paperdex104";

  /** The codec; called by Lucene's service loader. */
  public SmallBlocksCodec() {
    super(NAME, "PaperdexStoredFieldsSmallBlocks", Lucene90StoredFieldsFormat.BEST_SPEED_MODE);
  }
}
