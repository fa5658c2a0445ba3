package dev.paperdex.searcher.internal;

import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * A "compression" for Lucene's stored-fields format that writes each block's bytes as they are, so that reading one
 * paper reads only that paper's bytes and skips the rest of its block.
 *
 * <p>The decompressor leaves the input at the end of the block: Lucene reads a block of one very large document in
 * slices, one call after another, each starting where the last one stopped.
 */
public final class StoredAsIs extends CompressionMode {

  /** The one instance; it holds no state. */
  public static final StoredAsIs MODE = new StoredAsIs();

  private StoredAsIs() {}

  @Override
  public Compressor newCompressor() {
    return new Compressor() {
      @Override
      public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
        out.copyBytes(buffersInput, buffersInput.length() - buffersInput.position());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Decompressor newDecompressor() {
    return new Copier();
  }

  @Override
  public String toString() {
    return "StoredAsIs";
  }

  /** Copies the requested part of a block and skips the rest. */
  private static final class Copier extends Decompressor {

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (offset < 0 || length < 0 || offset + length > originalLength) {
        throw new CorruptIndexException("stored bytes [" + offset + ", " + (offset + length)
            + ") outside a block of " + originalLength, in);
      }
      in.skipBytes(offset);
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
      in.readBytes(bytes.bytes, 0, length);
      bytes.offset = 0;
      bytes.length = length;
      in.skipBytes(originalLength - offset - length);
    }

    @Override
    public Decompressor clone() {
      return this;
    }
  }
}
