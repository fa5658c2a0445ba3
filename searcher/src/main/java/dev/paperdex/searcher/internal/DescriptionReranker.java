package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;

/**
 * The second stage of a description's ranking: the first {@value #DEPTH} papers of the first stage (DFR over title and
 * abstract) are ranked again by their first-stage score together with how many of the description's words they have
 * close together.
 *
 * <p>"Close together" is counted on words reduced by the Porter stemmer, which the index does not use (it would join
 * words that keyword searches keep apart, such as {@code university} and {@code universe}), so the papers' stored
 * title and abstract are analysed again, for these few papers only. Every pair of different description words that
 * occurs within {@value #WINDOW} words of each other adds the smaller of the two words' idf (a pair of rare words
 * says more than a pair with a common one); the sum is divided by the description's total idf. Both this and the
 * first-stage score are divided by their largest value among the re-ranked papers, and summed with the weights
 * {@value #FIRST_STAGE_WEIGHT} and {@value #NEARBY_WEIGHT}.
 *
 * <p>The weights were fitted on SciFact's 809 training claims by a grid search on nDCG@10 over these two features of
 * the first 15 papers, with cross-validation: fitted on the odd query ids and measured on the even ones, nDCG@10 rose
 * from 0.6806 to 0.6898; fitted on the even and measured on the odd, from 0.7336 to 0.7443; five random folds gave
 * 0.7163 against 0.7064; fitted on all of them, the weights are the same for re-ranking 10 to 100 papers. Features
 * also tried (BM25, language-model and title scores, shares of the words present, the best window, length, the same
 * pairs without Porter stemming) added less or did not hold across folds; see the README, "Measuring ranking".
 */
public final class DescriptionReranker {

  /**
   * How many of the first stage's papers are ranked again: few, because the first stage's pruning skips fewer papers
   * the more it must collect (50 cost about 4 ms more a description at 300,000 papers; 15 about 1.5 ms).
   */
  public static final int DEPTH = 15;
  /** Two words count as close when they are fewer than this many words apart. */
  static final int WINDOW = 8;
  /** The weight of the first-stage score, divided by the largest among the re-ranked papers. */
  static final float FIRST_STAGE_WEIGHT = 0.88f;
  /** The weight of the close word pairs, divided by the largest among the re-ranked papers. */
  static final float NEARBY_WEIGHT = 0.12f;

  /**
   * A description's words split at everything but letters and digits, lower-cased, accents folded, Porter-stemmed:
   * as {@link Stems} reads the papers' text, more simply than the index does, since it reads it at search time.
   */
  private static final Analyzer PORTER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = letterOrDigitTokenizer();
      return new TokenStreamComponents(tokenizer, new PorterStemFilter(new ASCIIFoldingFilter(
          new LowerCaseFilter(tokenizer))));
    }
  };

  private static final Set<String> FIELDS = Set.of(PaperSchema.TITLE, PaperSchema.ABSTRACT);

  private final Analyzer analyzer;

  /** A re-ranker that weighs words by their idf as {@code analyzer} (the index's) analyses them. */
  public DescriptionReranker(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The first stage's ranking {@code top} of the description made of {@code words}, its first {@value #DEPTH} papers
   * ranked again. Their scores become the combined score on the scale of the first-stage scores (the best paper's
   * first-stage score times the weighted sum); the papers after them keep their order, their scores lowered as
   * needed to stay below.
   */
  public ScoreDoc[] rerank(IndexReader reader, StoredFields stored, List<String> words, ScoreDoc[] top)
      throws IOException {
    int depth = Math.min(DEPTH, top.length);
    Map<String, Double> idfs = stemIdfs(reader, words);
    if (depth < 2 || idfs.size() < 2) {
      return top;
    }
    Stems stems = new Stems(idfs);
    double[] nearby = new double[depth];
    double maxNearby = 0;
    double maxScore = 0;
    for (int i = 0; i < depth; i++) {
      Document doc = stored.document(top[i].doc, FIELDS);
      nearby[i] = stems.nearbyPairs(doc.get(PaperSchema.TITLE), doc.get(PaperSchema.ABSTRACT));
      maxNearby = Math.max(maxNearby, nearby[i]);
      maxScore = Math.max(maxScore, top[i].score);
    }
    if (maxScore <= 0) {
      return top;
    }
    ScoreDoc[] reranked = new ScoreDoc[depth];
    for (int i = 0; i < depth; i++) {
      double combined = FIRST_STAGE_WEIGHT * top[i].score / maxScore
          + (maxNearby > 0 ? NEARBY_WEIGHT * nearby[i] / maxNearby : 0);
      reranked[i] = new ScoreDoc(top[i].doc, (float) (combined * maxScore), top[i].shardIndex);
    }
    // Stable: equal combined scores keep the first stage's order.
    Arrays.sort(reranked, Comparator.comparingDouble((ScoreDoc scoreDoc) -> scoreDoc.score).reversed());
    ScoreDoc[] all = Arrays.copyOf(reranked, top.length);
    float below = Math.nextDown(reranked[depth - 1].score);
    float scale = depth < top.length && top[depth].score > below ? below / top[depth].score : 1;
    for (int i = depth; i < top.length; i++) {
      all[i] = new ScoreDoc(top[i].doc, top[i].score * scale, top[i].shardIndex);
    }
    return all;
  }

  /**
   * The description's words by Porter stem, each weighted by the idf of the word as the index has it; the words that
   * the first stage leaves out as too common are left out here too.
   */
  private Map<String, Double> stemIdfs(IndexReader reader, List<String> words) throws IOException {
    Map<String, Double> idfs = new HashMap<>();
    int papers = reader.maxDoc();
    for (String word : words) {
      List<String> indexed = analyse(analyzer, TeX.toUnicode(word));
      List<String> stems = analyse(PORTER, TeX.toUnicode(word));
      if (indexed.size() != stems.size()) {
        continue;
      }
      for (int i = 0; i < indexed.size(); i++) {
        int docFreq = reader.docFreq(new Term(PaperSchema.ABSTRACT, indexed.get(i)));
        if (PaperQueryParser.isCommon(docFreq, papers)) {
          continue;
        }
        double idf = Math.log(1 + (papers - docFreq + 0.5) / (docFreq + 0.5));
        idfs.merge(stems.get(i), idf, Math::max);
      }
    }
    return idfs;
  }

  private static Tokenizer letterOrDigitTokenizer() {
    return CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
  }

  /**
   * A description's stems, and the pairs of them a paper has close together. Only the words that begin as one of the
   * stems begins are stemmed (Porter's stemmer changes only the ends of words), so most of a paper's words are not.
   */
  private static final class Stems {
    /** How many first letters a word must share with a stem to be stemmed. */
    private static final int BEGINNING = 2;
    private final CharArrayMap<Integer> ids = new CharArrayMap<>(16, false);
    private final double[] idf;
    private final double idfSum;
    private final CharArraySet beginnings = new CharArraySet(16, false);
    private final Tokenizer tokenizer = letterOrDigitTokenizer();
    private final TokenStream stream;
    private final CharTermAttribute term;
    /** The positions of the stems found in a paper, and which stem each is. */
    private int[] positions = new int[64];
    private int[] matched = new int[64];
    private int found;

    Stems(Map<String, Double> idfs) {
      idf = new double[idfs.size()];
      double sum = 0;
      for (Map.Entry<String, Double> stem : idfs.entrySet()) {
        idf[ids.size()] = stem.getValue();
        ids.put(stem.getKey(), ids.size());
        beginnings.add(stem.getKey().substring(0, Math.min(BEGINNING, stem.getKey().length())));
        sum += stem.getValue();
      }
      idfSum = sum;
      TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
      stream = new PorterStemFilter(new KeywordMarkerFilter(folded) {
        private final CharTermAttribute text = addAttribute(CharTermAttribute.class);

        @Override
        protected boolean isKeyword() {
          return !beginnings.contains(text.buffer(), 0, Math.min(BEGINNING, text.length()));
        }
      });
      term = stream.addAttribute(CharTermAttribute.class);
    }

    /**
     * The sum over pairs of different stems found within {@link #WINDOW} words of each other in the title and the
     * abstract (read as one text) of the smaller idf, divided by the description's total idf.
     */
    double nearbyPairs(String title, String abstractText) throws IOException {
      found = 0;
      int position = read(title, 0);
      read(abstractText, position);
      boolean[] seen = new boolean[idf.length * idf.length];
      double sum = 0;
      for (int i = 0; i < found; i++) {
        int first = matched[i];
        for (int j = i + 1; j < found && positions[j] < positions[i] + WINDOW; j++) {
          int second = matched[j];
          if (second != first && !seen[first * idf.length + second]) {
            seen[first * idf.length + second] = true;
            seen[second * idf.length + first] = true;
            sum += Math.min(idf[first], idf[second]);
          }
        }
      }
      return sum / idfSum;
    }

    /** Records the positions of the stems in {@code text}, counted from {@code position}; the next position. */
    private int read(String text, int position) throws IOException {
      if (text == null) {
        return position;
      }
      tokenizer.setReader(new StringReader(text));
      stream.reset();
      while (stream.incrementToken()) {
        Integer id = ids.get(term.buffer(), 0, term.length());
        if (id != null) {
          if (found == positions.length) {
            positions = Arrays.copyOf(positions, 2 * found);
            matched = Arrays.copyOf(matched, 2 * found);
          }
          positions[found] = position;
          matched[found++] = id;
        }
        position++;
      }
      stream.end();
      stream.close();
      return position;
    }
  }

  private static List<String> analyse(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(PaperSchema.ABSTRACT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
