package dev.paperdex.searcher.internal;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed in small blocks, so that showing a hit decompresses little
 * more than that one paper.
 *
 * <p>Lucene's fast stored fields compress blocks of up to 80 KB (some 70 papers) with LZ4, and reading the ten hits'
 * papers took a seventh of a warm query's CPU, mostly decompressing. With blocks of 16 KB (the same LZ4 with a preset
 * dictionary) reading a random paper of the 300k index takes 8 rather than 28 microseconds of CPU, for stored fields a
 * fifth larger (the index a tenth). Plain LZ4 in 4 KB blocks was slower (9 microseconds) and hardly smaller, and
 * in 16 KB blocks no faster than Lucene's. Stored fields not compressed at all read a paper in 2.4 microseconds and
 * save the compressing (about 2% of an index run's CPU), but make the index a quarter larger; not taken (README,
 * "Indexing work, sixth round: stored fields").
 *
 * <p>Lucene finds the codec of each segment by the name it recorded, through {@code META-INF/services}; so an index
 * written before this codec (Lucene's own) reads as before, and segments of both kinds mix in one index. The name
 * carries Lucene's codec version: when Lucene's default codec changes, a new paperdex codec takes a new name and this
 * one must stay, for reading.
 */
public final class PaperCodec extends FilterCodec {

  /** The name recorded in each segment this codec writes. */
  public static final String NAME = "Paperdex104";

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final int MAX_DOCS_PER_CHUNK = 128;
  /** Lucene's own setting: one index entry per 1,024 chunks. */
  private static final int BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "PaperdexStoredFieldsSmallBlocks", Lucene90StoredFieldsFormat.BEST_SPEED_MODE, CHUNK_BYTES, MAX_DOCS_PER_CHUNK,
      BLOCK_SHIFT);

  /** The codec; called by Lucene's service loader (a codec may not look others up by name while it is built). */
  public PaperCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
