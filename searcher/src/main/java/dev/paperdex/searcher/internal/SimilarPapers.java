package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Builds "more like this" queries: papers that share a paper's most telling title and abstract words.
 *
 * <p>The query has two parts, each made by Lucene's {@link MoreLikeThis} from the paper's stored text (the index has
 * no term vectors, so the text is analysed again with the index's analyzer):
 *
 * <ul>
 *   <li>up to {@value #MAX_TITLE_TERMS} title words, matched against other papers' titles, weighted
 *       {@value #TITLE_WEIGHT}: a title names the topic in a few chosen words, so a shared title word says more than
 *       a shared abstract word;
 *   <li>up to {@value #MAX_ABSTRACT_TERMS} abstract words, matched against other papers' abstracts, weighted 1.
 * </ul>
 *
 * <p>That is at most {@value #MAX_TITLE_TERMS} + {@value #MAX_ABSTRACT_TERMS} = 25 term clauses: enough to describe
 * a paper, few enough to stay fast on millions of papers. Words are picked and weighted by tf·idf (how often in this
 * paper times how rare in the index), so rare shared words such as a method's name count most.
 */
public final class SimilarPapers {

  /** At most this many title words: a title has about ten content words. */
  static final int MAX_TITLE_TERMS = 10;
  /** At most this many abstract words; with the title words, about 25 in all. */
  static final int MAX_ABSTRACT_TERMS = 15;
  /** How much more the title part weighs than the abstract part. */
  static final float TITLE_WEIGHT = 2.0f;
  /**
   * A word must occur this many times in the paper's field. One, not Lucene's default of two: titles and abstracts
   * are short, and most of their key words occur only once.
   */
  static final int MIN_TERM_FREQ = 1;
  /**
   * A word must occur in at least this many papers: a word only this paper has cannot find another one, and would
   * only take the place of one that can.
   */
  static final int MIN_DOC_FREQ = 2;
  /**
   * Words in more than a tenth of all papers ("model", "result") are left out: they say little about the topic and
   * are slow to search. Never below this many papers, so that a small index keeps its topic words (in a test index
   * of a dozen papers, a topic's words are in a third of them).
   */
  static final int MAX_DOC_FREQ_FLOOR = 100;
  /** Single letters and digits are noise (variable names, "a"); two-letter words such as "KV" are kept. */
  static final int MIN_WORD_LENGTH = 2;

  /**
   * Words that never make two papers alike: Lucene's English stop words (our analyzer keeps them in the index) and
   * the boilerplate of abstracts. Analysed with the field's analyzer before use, since MoreLikeThis compares them with
   * analysed (lower-cased, stemmed) words.
   */
  private static final List<String> NOISE_WORDS = List.of("we", "our", "us", "paper", "papers", "this", "which",
      "from", "has", "have", "been", "its", "can", "also", "than", "both", "while", "each", "between", "more", "most",
      "all", "other", "only", "so", "do", "how", "what", "when", "where", "propose", "proposed", "present", "show",
      "shows", "study", "result", "results", "method", "approach", "new", "using", "based", "here", "however", "two",
      "one", "first", "well", "work");

  private SimilarPapers() {}

  /**
   * A query for papers like the one at {@code docId}, leaving that paper out.
   *
   * <p>Run it like any other query: the best hits share the most and rarest title and abstract words with the paper.
   * A paper with neither title nor abstract words gives a query that matches nothing.
   *
   * @param reader   the reader that {@code docId} belongs to (the searcher's {@code getIndexReader()})
   * @param docId    the paper's Lucene document id in {@code reader}, as in a search hit
   * @param analyzer the index's analyzer, {@link PaperSchema#analyzer()}
   * @throws IOException when the index cannot be read
   */
  public static Query likeThis(IndexReader reader, int docId, Analyzer analyzer) throws IOException {
    String id = reader.storedFields().document(docId, Set.of(PaperSchema.ID)).get(PaperSchema.ID);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    Query title = part(reader, docId, analyzer, PaperSchema.TITLE, MAX_TITLE_TERMS, TITLE_WEIGHT);
    Query abstractText = part(reader, docId, analyzer, PaperSchema.ABSTRACT, MAX_ABSTRACT_TERMS, 1.0f);
    if (title == null && abstractText == null) {
      return new MatchNoDocsQuery("paper " + id + " has no title or abstract words to compare");
    }
    Stream.of(title, abstractText).filter(part -> part != null).forEach(part -> query.add(part, Occur.SHOULD));
    if (id != null) {
      query.add(KeywordField.newExactQuery(PaperSchema.ID, id), Occur.MUST_NOT);
    }
    return query.build();
  }

  /**
   * The words of one field as a query whose best clause weighs {@code weight}, or {@code null} when the field gives
   * none.
   */
  private static Query part(IndexReader reader, int docId, Analyzer analyzer, String field, int maxTerms,
      float weight) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {field});
    mlt.setMaxQueryTerms(maxTerms);
    mlt.setMinTermFreq(MIN_TERM_FREQ);
    mlt.setMinDocFreq(MIN_DOC_FREQ);
    mlt.setMaxDocFreq(Math.max(MAX_DOC_FREQ_FLOOR, reader.numDocs() / 10));
    mlt.setMinWordLen(MIN_WORD_LENGTH);
    mlt.setStopWords(noiseWords(analyzer, field));
    mlt.setBoost(true);
    BooleanQuery terms = (BooleanQuery) mlt.like(docId);
    if (terms.clauses().isEmpty()) {
      return null;
    }
    return normalised(terms, weight);
  }

  /**
   * The same clauses with boosts scaled so that the best one weighs {@code weight}. MoreLikeThis scales its boosts by
   * the part's weakest word, which differs between title and abstract; scaling by the best word makes
   * {@link #TITLE_WEIGHT} mean what it says.
   */
  private static Query normalised(BooleanQuery terms, float weight) {
    float best = 0;
    for (BooleanClause clause : terms.clauses()) {
      best = Math.max(best, boostOf(clause.query()));
    }
    BooleanQuery.Builder scaled = new BooleanQuery.Builder();
    for (BooleanClause clause : terms.clauses()) {
      Query query = clause.query();
      float boost = boostOf(query);
      Query inner = query instanceof BoostQuery boosted ? boosted.getQuery() : query;
      scaled.add(new BoostQuery(inner, weight * boost / best), Occur.SHOULD);
    }
    return scaled.build();
  }

  private static float boostOf(Query query) {
    return query instanceof BoostQuery boosted ? boosted.getBoost() : 1.0f;
  }

  /** {@link #NOISE_WORDS} and the English stop words as the field's analyzer indexes them. */
  private static Set<String> noiseWords(Analyzer analyzer, String field) {
    Set<String> analysed = new HashSet<>();
    Stream<String> stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream()
        .map(word -> word instanceof char[] chars ? new String(chars) : word.toString());
    Stream<String> words = Stream.concat(NOISE_WORDS.stream(), stopWords);
    words.forEach(word -> {
      try (TokenStream stream = analyzer.tokenStream(field, word)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          analysed.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysing a string cannot fail", e);
      }
    });
    return analysed;
  }
}
