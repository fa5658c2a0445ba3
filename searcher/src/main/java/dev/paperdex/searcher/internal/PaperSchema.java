package dev.paperdex.searcher.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.BasicModelIne;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The one place that names the index's fields, says how each is indexed and which analyzer reads it.
 *
 * <p>The indexer writes documents with these fields (see {@link PaperDocument}) and the searcher queries them, so
 * both always agree. Bump {@link #VERSION} whenever a change here makes old indexes unreadable or wrong.
 */
public final class PaperSchema {

  /** The schema version written into every commit; an index of another version must be rebuilt. */
  public static final int VERSION = 5;

  /** Commit user-data key holding {@link #VERSION}; the rest of what a commit records is in {@link CommitRecord}. */
  public static final String SCHEMA_VERSION_KEY = "paperdex.schema";

  /** Bare arXiv id: exact match, sortable, stored. */
  public static final String ID = "id";
  /** Latest version number: stored and a numeric doc value. */
  public static final String VERSION_NUMBER = "version";
  /** Title: analysed text with offsets for highlighting, stored. */
  public static final String TITLE = "title";
  /** Abstract: analysed text with offsets for highlighting, stored. */
  public static final String ABSTRACT = "abstract";
  /** Authors: one value per author, analysed as names, stored in order. */
  public static final String AUTHORS = "authors";
  /** Author search keys ({@code ostlin_g}, see {@link AuthorNames#key}): exact, one per author. */
  public static final String AUTHOR_KEYS = "author_key";
  /** Category codes, primary first: exact, stored, doc values for facets. */
  public static final String CATEGORIES = "categories";
  /** Archives of the categories ({@code cs} for {@code cs.DC}, {@code hep-th} for itself): exact, doc values. */
  public static final String ARCHIVES = "archive";
  /** Authors' display names as doc values, for counting top authors. */
  public static final String AUTHOR_FACET = "author_facet";
  /** The primary category code: exact, stored. */
  public static final String PRIMARY_CATEGORY = "primary_category";
  /**
   * Version 1 submission time, epoch seconds: a doc value with a skip index (what date filters, sorting and the years
   * facet read), stored. A paper whose record gives none has the first day of
   * {@link dev.paperdex.searcher.Paper#idMonth() its id's month} as its doc value, not stored. No points: opening a
   * segment's points took a search some 20 ms of CPU at start-up, and date filters are no slower on doc values.
   */
  public static final String PUBLISHED = "published";
  /** Latest version submission time, epoch seconds: a doc value with a skip index, stored, as {@link #PUBLISHED}. */
  public static final String UPDATED = "updated";
  /** DOI, lower-cased: exact, stored. */
  public static final String DOI = "doi";
  /** Journal reference: analysed text, stored. */
  public static final String JOURNAL_REF = "journal_ref";
  /** Comments: analysed text, stored. */
  public static final String COMMENTS = "comments";
  /** Report number: analysed text, stored. */
  public static final String REPORT_NUMBER = "report_number";
  /** MSC classes: stored. */
  public static final String MSC_CLASS = "msc_class";
  /** ACM classes: stored. */
  public static final String ACM_CLASS = "acm_class";
  /** Licence URL: stored. */
  public static final String LICENSE = "license";
  /** "true" for withdrawn papers: exact, stored. */
  public static final String WITHDRAWN = "withdrawn";
  /** Where the record came from: stored only. */
  public static final String SOURCE = "source";
  /** Hash of the paper's content, to tell an unchanged re-index from an update: a numeric doc value. */
  public static final String FINGERPRINT = "fingerprint";

  /**
   * Bare words search these fields, with these boosts: title above authors above abstract above comments. The
   * fields come in that order in every process, and so do a word's clauses (and the sum of their scores).
   */
  public static final Map<String, Float> DEFAULT_FIELD_BOOSTS = boosts(3.0f, 2.0f, 1.0f, 0.5f);

  /**
   * The boosts for the words of a long descriptive query (a claim, a sentence from an abstract) that analyse into
   * several terms: its words are the abstract's kind of words, and a title that shares a few of them says less than
   * an abstract that shares many.
   */
  public static final Map<String, Float> DESCRIPTION_FIELD_BOOSTS = boosts(0.5f, 0.5f, 1.0f, 0.25f);

  /**
   * The weight of the title against the abstract when a descriptive query's word is scored over both as one field
   * (BM25F): a title occurrence counts as 1.5 abstract occurrences. On SciFact's training queries this gave nDCG@10
   * 0.691, against 0.683 for the per-field sum with {@link #DESCRIPTION_FIELD_BOOSTS} and 0.565 for the keyword
   * boosts.
   */
  public static final float DESCRIPTION_TITLE_WEIGHT = 1.5f;

  /**
   * The weight of a descriptive query's word written with letters and digits, and a capital or a letter first
   * ({@code BRCA1}, {@code IL-6}, {@code p53}, {@code GPT-4}, not {@code 400mg}): the name of a gene, protein, drug,
   * model or device, which a paper about it has and a paper about its neighbours does not. Fitted on SciFact's
   * training queries with one half of them and measured on the other: nDCG@10 +0.006 on each half, the best weight
   * about 2 in every fold (README, "Measuring ranking", fourth round).
   */
  public static final float DESCRIPTION_NAME_WEIGHT = 2f;

  /**
   * How a descriptive query's words are scored: divergence from randomness, I(n<sub>e</sub>)B2 (a word's informative
   * content against its spread over the collection, normalised by the logarithm of the document's length), in place
   * of BM25. On SciFact's training queries it gave nDCG@10 0.706 against BM25's 0.698, better on both halves of the
   * queries, and for title and abstract as one field with Porter stemming as well (0.709 against 0.699). Norms are
   * encoded as for BM25, so an index needs no rebuild.
   */
  public static final Similarity DESCRIPTION_SIMILARITY =
      new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2());

  /**
   * The searched text fields that {@link #analyzer()} reads with one and the same English analyser (authors' names
   * have their own), so that a text analysed for one of them gives the same terms in the others.
   */
  public static final Set<String> ENGLISH_TEXT_FIELDS = Set.of(TITLE, ABSTRACT, COMMENTS);

  /** Gap between two authors' names so that a phrase never spans two people. */
  static final int AUTHOR_POSITION_GAP = 100;

  /** Analysed text that the highlighter reads from the postings: positions and offsets, stored. */
  public static final FieldType HIGHLIGHTED_TEXT = storedText(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /** Analysed text with positions for phrases, stored. */
  public static final FieldType STORED_TEXT = storedText(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private PaperSchema() {}

  /** Boosts of the fields bare words search, in a fixed order (a {@code Map.of} changes its order in every JVM). */
  private static Map<String, Float> boosts(float title, float authors, float abstractText, float comments) {
    Map<String, Float> boosts = new LinkedHashMap<>();
    boosts.put(TITLE, title);
    boosts.put(AUTHORS, authors);
    boosts.put(ABSTRACT, abstractText);
    boosts.put(COMMENTS, comments);
    return Collections.unmodifiableMap(boosts);
  }

  private static FieldType storedText(IndexOptions options) {
    FieldType type = new FieldType();
    type.setIndexOptions(options);
    type.setTokenized(true);
    type.setStored(true);
    type.freeze();
    return type;
  }

  /**
   * A paper's date in {@code field} ({@link #PUBLISHED} or {@link #UPDATED}), in epoch seconds, as the doc value with
   * a skip index that {@link #dateRange} and {@link #newestFirst} read; not stored.
   */
  public static IndexableField dateField(String field, long epochSeconds) {
    return SortedNumericDocValuesField.indexedField(field, epochSeconds);
  }

  /**
   * The papers whose date in {@code field} ({@link #PUBLISHED} or {@link #UPDATED}) is from {@code from} to {@code to}
   * inclusive, in epoch seconds; it scores nothing.
   */
  public static Query dateRange(String field, long from, long to) {
    return SortedNumericDocValuesField.newSlowRangeQuery(field, from, to);
  }

  /** Newest first by the date in {@code field} ({@link #PUBLISHED} or {@link #UPDATED}); papers without one last. */
  public static SortField newestFirst(String field) {
    SortField sort = new SortedNumericSortField(field, SortField.Type.LONG, true, SortedNumericSelector.Type.MAX);
    sort.setMissingValue(Long.MIN_VALUE);
    return sort;
  }

  /**
   * The analyzer for every field: English text for title, abstract and comments; names for authors. Keyword fields
   * are not analysed. Create it once and share it; it is thread-safe.
   */
  public static Analyzer analyzer() {
    Analyzer text = new EnglishTextAnalyzer();
    return new PerFieldAnalyzerWrapper(text, Map.of(AUTHORS, new NameAnalyzer()));
  }

  /**
   * Title and abstract text: Greek letters spelt out, standard tokens, possessives dropped, lower-cased, accents
   * folded, British spellings made American, light stemming.
   */
  static final class EnglishTextAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new GreekLetterFilter(tokenizer);
      // Each word on its own, the same every time it comes: remembered rather than worked out again.
      stream = new RememberedWordsFilter(stream, word -> new KStemFilter(new AmericanSpellingFilter(
          new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(word))))));
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new AmericanSpellingFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)));
    }
  }

  /** Person names: standard tokens, lower-cased, accents folded, no stemming; authors kept apart. */
  static final class NameAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return AUTHOR_POSITION_GAP;
    }
  }
}
