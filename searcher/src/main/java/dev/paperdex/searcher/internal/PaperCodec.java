package dev.paperdex.searcher.internal;

/**
 * Lucene's default codec with the stored fields not compressed, so that writing a paper costs no compression and
 * showing a hit reads that paper's bytes alone.
 *
 * <p>The stored text compresses poorly in blocks small enough to read one paper quickly (LZ4 with a preset
 * dictionary in 16 KB blocks saved a quarter of its size), and compressing it was about a twentieth of an index run's
 * CPU. Stored as they are, in blocks of 16 KB (block size hardly matters when nothing is decompressed), the papers
 * of the 300k index take 2.4 rather than 8.5 microseconds of CPU each to read, for stored fields two fifths larger.
 *
 * <p>Lucene finds the codec of each segment by the name it recorded, through {@code META-INF/services}; so segments
 * written in an earlier paperdex codec ({@link SmallBlocksCodec}) or in Lucene's own read as before, and segments of
 * every kind mix in one index (a merge writes them in this codec). The name carries Lucene's codec version: when
 * Lucene's default codec changes, a new paperdex codec takes a new name and this one must stay, for reading.
 */
public final class PaperCodec extends StoredFieldsCodec {

  /** The name recorded in each segment this codec writes. */
  public static final String NAME = "Paperdex104Plain";

  /** The codec; called by Lucene's service loader (a codec may not look others up by name while it is built). */
  public PaperCodec() {
    super(NAME, "PaperdexStoredFieldsAsIs", StoredAsIs.MODE);
  }
}
