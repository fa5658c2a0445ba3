package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;

/**
 * A paper's author names and author keys, each as ONE indexed field instance that holds them all, where an instance
 * per author made Lucene's indexing chain do its work per field instance (finding the field, a token stream from the
 * analyser, reset, end and close, its bookkeeping) once per author. The index holds exactly what the instances per
 * author gave: the same terms, positions, frequencies and lengths (norms). The names are stored apart, one stored
 * value per author. What that saves is small: about 1% of indexing's CPU by a profile, too little to measure on a
 * busy machine (README, "Indexing work, sixth round").
 */
final class AuthorFields {

  /** {@link PaperSchema#AUTHORS} as indexed (and not stored): positions for phrases, norms. */
  private static final FieldType NAMES_TYPE = namesType();

  private AuthorFields() {}

  /**
   * {@link PaperSchema#AUTHORS} indexed for all of {@code names} (at least one): each name read by {@link
   * PaperSchema.NameAnalyzer} and positioned as Lucene positions the values of a field given once per name, so that
   * a phrase never spans two people. The index writer must read the field with that analyser (as {@link
   * PaperSchema#analyzer()} does): its position and offset gaps are taken from it.
   */
  static Field names(List<String> names) {
    return new Field(PaperSchema.AUTHORS, NAMES_TYPE) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        NamesStream stream = reuse instanceof NamesStream reused ? reused : new NamesStream();
        stream.setNames(names, analyzer.getPositionIncrementGap(PaperSchema.AUTHORS),
            analyzer.getOffsetGap(PaperSchema.AUTHORS));
        return stream;
      }
    };
  }

  /** {@link PaperSchema#AUTHOR_KEYS} indexed as a {@link StringField} per key gives it: each key one term, docs only. */
  static Field keys(List<String> keys) {
    return new Field(PaperSchema.AUTHOR_KEYS, StringField.TYPE_NOT_STORED) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        KeysStream stream = reuse instanceof KeysStream reused ? reused : new KeysStream();
        stream.keys = keys;
        return stream;
      }
    };
  }

  private static FieldType namesType() {
    FieldType type = new FieldType(PaperSchema.STORED_TEXT);
    type.setStored(false);
    type.freeze();
    return type;
  }

  /**
   * The names one after another through one reused chain of the name analyser. Between two names it does what
   * Lucene's indexing chain does between two values of a field: the position moves on by the final position
   * increment of the name before and the analyser's position gap, and the offset by its final offset and the offset
   * gap.
   */
  private static final class NamesStream extends TokenFilter {
    /** Gives the chain's tokenizer the next name. */
    private final Consumer<Reader> source;
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private List<String> names = List.of();
    private int positionGap;
    private int offsetGap;
    /** Which name the chain reads. */
    private int current;
    /** Positions that the names before and the gaps after them add to the next token's increment. */
    private int pendingPositions;
    /** Where the current name starts, in offsets. */
    private int offsetBase;

    NamesStream() {
      this(new PaperSchema.NameAnalyzer().createComponents(PaperSchema.AUTHORS));
    }

    private NamesStream(Analyzer.TokenStreamComponents chain) {
      super(chain.getTokenStream());
      source = chain.getSource();
    }

    void setNames(List<String> names, int positionGap, int offsetGap) {
      this.names = names;
      this.positionGap = positionGap;
      this.offsetGap = offsetGap;
    }

    @Override
    public void reset() throws IOException {
      current = 0;
      pendingPositions = 0;
      offsetBase = 0;
      source.accept(new StringReader(names.getFirst()));
      super.reset();
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (!input.incrementToken()) {
        if (current == names.size() - 1) {
          return false;
        }
        input.end();
        pendingPositions += position.getPositionIncrement() + positionGap;
        offsetBase += offset.endOffset() + offsetGap;
        input.close();
        source.accept(new StringReader(names.get(++current)));
        input.reset();
      }
      moveOn();
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      moveOn();
    }

    /** The token's (or the end's) increment and offsets as counted from the first name. */
    private void moveOn() {
      if (pendingPositions != 0) {
        position.setPositionIncrement(position.getPositionIncrement() + pendingPositions);
        pendingPositions = 0;
      }
      if (offsetBase != 0) {
        offset.setOffset(offsetBase + offset.startOffset(), offsetBase + offset.endOffset());
      }
    }

    @Override
    public void close() throws IOException {
      super.close();
      names = List.of();
    }
  }

  /** Each key as one term. */
  private static final class KeysStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private List<String> keys = List.of();
    private int next;

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == keys.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(keys.get(next++));
      return true;
    }

    @Override
    public void close() throws IOException {
      super.close();
      keys = List.of();
    }
  }
}
