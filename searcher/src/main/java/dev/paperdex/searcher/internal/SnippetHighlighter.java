package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.Snippet;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Marks a query's matches in titles (the whole title, always) and abstracts (the best passages, whole sentences),
 * reading offsets from the postings.
 */
public final class SnippetHighlighter extends UnifiedHighlighter {

  /** The most abstract passages shown for one hit. */
  public static final int MAX_ABSTRACT_PASSAGES = 3;

  /** The highlighted fields, in the order {@link #highlight} returns them. */
  private static final String[] FIELDS = {PaperSchema.TITLE, PaperSchema.ABSTRACT};
  private static final Set<String> HIGHLIGHTED = Set.of(FIELDS);

  /** The papers of the documents to highlight, read already: their text need not be read again. */
  private final Map<Integer, Paper> loaded;
  /** How the query's matches are found in each segment, made once for all the documents and fields highlighted there. */
  private final Map<LeafReader, SegmentMatches> segments = new IdentityHashMap<>();
  /** The query being highlighted, and the part of it that finds the same matches in its hits' titles and abstracts. */
  private Query highlighted;
  private Query offsetsPart;

  /** A highlighter over {@code searcher}'s index. */
  public SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    this(searcher, analyzer, null, Map.of());
  }

  /**
   * A highlighter over {@code searcher}'s index that takes the title and abstract of the documents in {@code loaded}
   * (by document id) from there rather than from the index.
   *
   * @param fieldInfos the index reader's merged field infos when the caller keeps them, else {@code null}: merging
   *                   them for every search costs more than finding the hits
   */
  public SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, FieldInfos fieldInfos,
      Map<Integer, Paper> loaded) {
    super(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter())
        .withScorer(new PassageScorerWithoutHash())
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true));
    this.fieldInfos = fieldInfos;
    this.loaded = loaded;
  }

  /** Snippets of one document: the title and up to three abstract passages. */
  public record DocSnippets(Snippet title, List<Snippet> abstractPassages) {}

  /** Highlights the given documents; the result is in the order of {@code docIds}. */
  @SuppressWarnings("unchecked")
  public List<DocSnippets> highlight(Query query, int[] docIds) throws IOException {
    int[] maxPassages = {1, MAX_ABSTRACT_PASSAGES};
    Map<String, Object[]> byField = highlightFieldsAsObjects(FIELDS, query, docIds, maxPassages);
    Object[] titles = byField.get(PaperSchema.TITLE);
    Object[] abstracts = byField.get(PaperSchema.ABSTRACT);
    List<DocSnippets> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      List<Snippet> title = (List<Snippet>) titles[i];
      List<Snippet> passages = (List<Snippet>) abstracts[i];
      result.add(new DocSnippets(
          title == null || title.isEmpty() ? null : title.get(0),
          passages == null ? List.of() : passages));
    }
    return result;
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
      throws IOException {
    if (loaded.isEmpty()) {
      return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
    }
    List<CharSequence[]> values = new ArrayList<>();
    for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
      Paper paper = loaded.get(doc);
      if (paper == null) {
        throw new IllegalArgumentException("document " + doc + " was not loaded");
      }
      CharSequence[] row = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = switch (fields[i]) {
          case PaperSchema.TITLE -> paper.title();
          case PaperSchema.ABSTRACT -> paper.abstractText();
          default -> throw new IllegalArgumentException("cannot highlight " + fields[i]);
        };
      }
      values.add(row);
    }
    return values;
  }

  /**
   * Lucene's postings strategy rewrites the query and builds its weight again for every document and field, which
   * costs more than the rest of highlighting together; this one finds the same matches once per segment (see
   * {@link SegmentMatches}).
   */
  @Override
  protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
    FieldOffsetStrategy strategy = super.getOffsetStrategy(offsetSource, components);
    return strategy.getClass() == PostingsOffsetStrategy.class
        && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
        ? new SharedWeightOffsetStrategy(components)
        : strategy;
  }

  /**
   * The matches of {@code query} in {@code field} of document {@code doc} of {@code leaf}, as Lucene's own strategy
   * finds them: the query rewritten and weighed on a searcher of that segment alone. That strategy hides the index's
   * other fields behind the highlighted one only when a field matcher says so; this highlighter has none, so every
   * field keeps its own words and the matches of a document are the same whichever field is highlighted.
   */
  private MatchesIterator matchesOf(Query query, LeafReader leaf, int doc, String field) throws IOException {
    if (query != highlighted) {
      highlighted = query;
      offsetsPart = offsetsPart(query, true);
      segments.clear();
    }
    if (offsetsPart == null) {
      return null;
    }
    SegmentMatches segment = segments.get(leaf);
    if (segment == null) {
      segment = new SegmentMatches(leaf, offsetsPart);
      segments.put(leaf, segment);
    }
    return segment.matches(doc, field);
  }

  /**
   * The part of {@code query} that marks the same words in the titles and abstracts of the documents it matches, or
   * {@code null} when no part can mark any: without the words aimed at other fields, the filters and the excluded
   * words, whose matches the highlighter would find for each hit only to drop them (a hit matches every required
   * clause and none of the excluded ones, so they decide nothing there).
   *
   * @param matched whether every document highlighted is known to match {@code query}; when not, a clause that
   *                decides whether the query matches stays whole
   */
  static Query offsetsPart(Query query, boolean matched) {
    if (query instanceof BoostQuery boost) {
      return offsetsPart(boost.getQuery(), matched);
    }
    if (query instanceof ConstantScoreQuery constant) {
      return offsetsPart(constant.getQuery(), matched);
    }
    if (!(query instanceof BooleanQuery bool)) {
      return touchesHighlightedFields(query) ? query : null;
    }
    if (!matched && !isDisjunction(bool)) {
      return touchesHighlightedFields(query) ? query : null;
    }
    // A matched query's matches are those of its required clauses (which all match) and of those optional ones that
    // match, each on its own; so are a disjunction's
    BooleanQuery.Builder parts = new BooleanQuery.Builder();
    List<Query> kept = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      if (clause.occur() != Occur.MUST_NOT) {
        Query part = offsetsPart(clause.query(), clause.isRequired());
        if (part != null) {
          kept.add(part);
          parts.add(part, Occur.SHOULD);
        }
      }
    }
    return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : parts.build();
  }

  /** Whether the query matches where any of its clauses does: optional clauses only, none of them required. */
  private static boolean isDisjunction(BooleanQuery bool) {
    return bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().stream().allMatch(clause -> clause.occur() == Occur.SHOULD);
  }

    private static boolean touchesHighlightedFields(Query query) {
    Set<String> fields = new HashSet<>();
    boolean[] unnamed = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }

      @Override
      public void visitLeaf(Query leaf) {
        if (fields.isEmpty()) {
          unnamed[0] = true;
        }
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }
    });
    return unnamed[0] || fields.stream().anyMatch(HIGHLIGHTED::contains);
  }

  /** Offsets from the postings, through {@link #matchesOf}. */
  private final class SharedWeightOffsetStrategy extends PostingsOffsetStrategy {

    SharedWeightOffsetStrategy(UHComponents components) {
      super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int doc, List<OffsetsEnum> results)
        throws IOException {
      // Lucene's field matcher for a highlighted field takes that field's matches alone
      MatchesIterator iterator = matchesOf(components.query(), leaf, doc, components.field());
      if (iterator != null) {
        results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
      }
    }
  }

  /**
   * A query's matches in the documents of one segment, the same as its {@link Weight#matches} finds, but each term's
   * postings read once for all the documents highlighted there rather than opened again for each (which cost more
   * than a tenth of a search): the matches of a disjunction are those of its clauses that match, merged in clause
   * order ({@code BooleanWeight.matches}), a term's are its positions in the document, and a description word's
   * ({@code CombinedFieldQuery}) are those of its terms in the field, so the same iterators are built from postings
   * shared across documents. What is none of these (a phrase, a wildcard, a group that decides whether the query
   * matches) gives its matches through its own weight.
   */
  private static final class SegmentMatches {
    private final LeafReader leaf;
    private final IndexSearcher searcher;
    private final Query rewritten;
    /** The postings of each term query's term, and of each exact phrase's words. */
    private final Map<Query, SharedPostings[]> postings = new IdentityHashMap<>();
    private final Map<Query, OwnWeight> others = new IdentityHashMap<>();

    SegmentMatches(LeafReader leaf, Query query) throws IOException {
      this.leaf = leaf;
      this.searcher = new IndexSearcher(leaf);
      searcher.setQueryCache(null);
      this.rewritten = searcher.rewrite(query);
    }

    MatchesIterator matches(int doc, String field) throws IOException {
      return matches(rewritten, doc, field);
    }

    private MatchesIterator matches(Query query, int doc, String field) throws IOException {
      if (query instanceof BoostQuery boost) {
        return matches(boost.getQuery(), doc, field);
      }
      if (query instanceof TermQuery term) {
        if (!term.getTerm().field().equals(field)) {
          return null;
        }
        PostingsEnum onDoc = postings.computeIfAbsent(term, any -> new SharedPostings[] {new SharedPostings(
            term.getTerm())})[0].at(leaf, doc);
        return onDoc == null ? null : new PositionsOfTerm(term, onDoc);
      }
      if (query instanceof CombinedFieldQuery combined) {
        // Its weight's matches build a query of its terms, one per field, and a weight for it at every document.
        List<Term> terms = combined.getTerms();
        SharedPostings[] words = postings.computeIfAbsent(combined, any -> terms.stream()
            .map(SharedPostings::new).toArray(SharedPostings[]::new));
        List<MatchesIterator> parts = new ArrayList<>(terms.size());
        for (int i = 0; i < words.length; i++) {
          PostingsEnum onDoc = terms.get(i).field().equals(field) ? words[i].at(leaf, doc) : null;
          if (onDoc != null) {
            parts.add(new PositionsOfTerm(words[i].query, onDoc));
          }
        }
        return MatchesUtils.disjunction(parts);
      }
      if (query instanceof PhraseQuery phrase && isExact(phrase)) {
        if (!phrase.getField().equals(field)) {
          return null;
        }
        SharedPostings[] words = postings.computeIfAbsent(phrase, any -> Arrays.stream(phrase.getTerms())
            .map(SharedPostings::new).toArray(SharedPostings[]::new));
        PostingsEnum[] onDoc = new PostingsEnum[words.length];
        for (int i = 0; i < words.length; i++) {
          onDoc[i] = words[i].at(leaf, doc);
          if (onDoc[i] == null) {
            return null;
          }
        }
        return PhraseOccurrences.in(phrase, onDoc);
      }
      if (query instanceof BooleanQuery bool && isDisjunction(bool)) {
        List<MatchesIterator> parts = new ArrayList<>(bool.clauses().size());
        for (BooleanClause clause : bool.clauses()) {
          MatchesIterator part = matches(clause.query(), doc, field);
          if (part != null) {
            parts.add(part);
          }
        }
        return MatchesUtils.disjunction(parts);
      }
      OwnWeight own = others.get(query);
      if (own == null) {
        own = new OwnWeight(searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1.0f));
        others.put(query, own);
      }
      Matches found = own.matches(leaf, doc);
      return found == null ? null : found.getMatches(field);
    }
  }

  /**
   * Whether {@link PhraseOccurrences} finds the phrase's matches: no slop, and each word at a position of its own (a
   * phrase with two words at one position is left to Lucene, which orders them its own way).
   */
  private static boolean isExact(PhraseQuery phrase) {
    int[] positions = phrase.getPositions();
    if (phrase.getSlop() != 0 || positions.length < 2) {
      return false;
    }
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] <= positions[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** A query's weight in one segment, and its matches in the last document asked for, shared by the fields. */
  private static final class OwnWeight {
    private final Weight weight;
    private int doc = -1;
    private Matches matches;

    OwnWeight(Weight weight) {
      this.weight = weight;
    }

    Matches matches(LeafReader leaf, int doc) throws IOException {
      if (doc != this.doc) {
        this.doc = doc;
        matches = weight.matches(leaf.getContext(), doc);
      }
      return matches;
    }
  }

  /** A term's postings with offsets in one segment, advanced through the documents highlighted in index order. */
  private static final class SharedPostings {
    private final Term term;
    /** The term as a query, which the matches name. */
    private final TermQuery query;
    private TermsEnum terms;
    private PostingsEnum postings;
    private boolean absent;
    private int lastDoc = -1;

    SharedPostings(Term term) {
      this.term = term;
      this.query = new TermQuery(term);
    }

    /** The postings on {@code doc}, their positions not read yet; null if the term is not in that document. */
    PostingsEnum at(LeafReader leaf, int doc) throws IOException {
      if (absent) {
        return null;
      }
      if (postings == null || doc <= lastDoc) {
        if (terms == null) {
          Terms inField = leaf.terms(term.field());
          terms = inField == null ? null : inField.iterator();
          if (terms == null || !terms.seekExact(term.bytes())) {
            absent = true;
            return null;
          }
        }
        postings = terms.postings(null, PostingsEnum.OFFSETS);
      }
      lastDoc = doc;
      int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
      return at == doc ? postings : null;
    }
  }

  /**
   * The occurrences of an exact phrase in the document its words' postings are on, as Lucene's
   * {@code ExactPhraseMatcher} finds them: each one whole (from its first word's start to its last word's end), with
   * no sub-matches, the phrase's words at consecutive positions in the order of the query.
   */
  private static final class PhraseOccurrences extends WholeMatches {
    private final int[] offsets;
    private final PostingsEnum[] postings;
    private final int[] freqs;
    private final int[] read;
    private final int[] positions;
    private boolean first = true;

    /** The phrase's occurrences in the document, or null when it has none. */
    static PhraseOccurrences in(PhraseQuery query, PostingsEnum[] postings) throws IOException {
      PhraseOccurrences occurrences = new PhraseOccurrences(query, postings);
      return occurrences.advance() ? occurrences : null;
    }

    private PhraseOccurrences(PhraseQuery query, PostingsEnum[] postings) throws IOException {
      super(query);
      this.offsets = query.getPositions();
      this.postings = postings;
      this.freqs = new int[postings.length];
      this.read = new int[postings.length];
      this.positions = new int[postings.length];
      for (int i = 0; i < postings.length; i++) {
        freqs[i] = postings[i].freq();
        positions[i] = -1;
      }
    }

    /** Moves word {@code i} to its first position at or after {@code target}; false if it has none. */
    private boolean moveTo(int i, int target) throws IOException {
      while (positions[i] < target) {
        if (read[i] == freqs[i]) {
          return false;
        }
        positions[i] = postings[i].nextPosition();
        read[i]++;
      }
      return true;
    }

    /** Finds the next occurrence: the first word's next position, and the others where the phrase puts them. */
    private boolean advance() throws IOException {
      if (read[0] == freqs[0]) {
        return false;
      }
      positions[0] = postings[0].nextPosition();
      read[0]++;
      while (true) {
        int start = positions[0] - offsets[0];
        boolean aligned = true;
        for (int i = 1; i < postings.length && aligned; i++) {
          int expected = start + offsets[i];
          if (!moveTo(i, expected)) {
            return false;
          }
          if (positions[i] != expected) {
            if (!moveTo(0, positions[i] - offsets[i] + offsets[0])) {
              return false;
            }
            aligned = false;
          }
        }
        if (aligned) {
          return true;
        }
      }
    }

    @Override
    public boolean next() throws IOException {
      if (first) {
        first = false;
        return true;
      }
      return advance();
    }

    @Override
    public int startPosition() {
      return positions[0];
    }

    @Override
    public int endPosition() {
      return positions[positions.length - 1];
    }

    @Override
    public int startOffset() throws IOException {
      return postings[0].startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return postings[postings.length - 1].endOffset();
    }
  }

  /** Matches of one query that are each marked whole: they have no sub-matches. */
  private abstract static class WholeMatches implements MatchesIterator {
    private final Query query;

    WholeMatches(Query query) {
      this.query = query;
    }

    @Override
    public MatchesIterator getSubMatches() {
      return null;
    }

    @Override
    public Query getQuery() {
      return query;
    }
  }

  /** The positions of a term in the document its postings are on. */
  private static final class PositionsOfTerm extends WholeMatches {
    private final PostingsEnum postings;
    private int left;
    private int position = -1;

    PositionsOfTerm(Query query, PostingsEnum postings) throws IOException {
      super(query);
      this.postings = postings;
      this.left = postings.freq();
    }

    @Override
    public boolean next() throws IOException {
      if (left-- > 0) {
        position = postings.nextPosition();
        return true;
      }
      return false;
    }

    @Override
    public int startPosition() {
      return position;
    }

    @Override
    public int endPosition() {
      return position;
    }

    @Override
    public int startOffset() throws IOException {
      return postings.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return postings.endOffset();
    }
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    return PaperSchema.TITLE.equals(field) ? new WholeBreakIterator() : BreakIterator.getSentenceInstance(Locale.ROOT);
  }

  @Override
  protected int getMaxNoHighlightPassages(String field) {
    return 1;
  }

  /**
   * Lucene's passage scorer, with the same score to the last bit, without the term hash it allocates for every
   * passage (a 32 KB block, most of the time spent choosing passages): a passage has a few matches, and looking its
   * earlier terms over finds the same distinct terms in the same order.
   */
  private static final class PassageScorerWithoutHash extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] matchTerms = passage.getMatchTerms();
      int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
      BytesRef[] terms = new BytesRef[matches];
      int[] termFreqsInDoc = new int[matches];
      int[] termFreqsInPassage = new int[matches];
      int distinct = 0;
      for (int i = 0; i < matches; i++) {
        int term = 0;
        while (term < distinct && !terms[term].bytesEquals(matchTerms[i])) {
          term++;
        }
        if (term == distinct) {
          terms[distinct++] = matchTerms[i];
          termFreqsInDoc[term] = freqsInDoc[i];
        }
        termFreqsInPassage[term]++;
      }
      double score = 0d;
      for (int term = 0; term < distinct; term++) {
        score += tf(termFreqsInPassage[term], passage.getLength()) * weight(contentLength, termFreqsInDoc[term]);
      }
      score *= norm(passage.getStartOffset());
      return (float) score;
    }
  }

  /** Turns Lucene's passages into {@link Snippet}s with match offsets relative to each passage. */
  private static final class SnippetFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Snippet> snippets = new ArrayList<>(passages.length);
      for (Passage passage : passages) {
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        String raw = content.substring(start, end);
        int lead = raw.length() - raw.stripLeading().length();
        String text = raw.strip();
        List<Snippet.Span> spans = new ArrayList<>();
        int lastEnd = 0;
        for (int m = 0; m < passage.getNumMatches(); m++) {
          int s = Math.max(passage.getMatchStarts()[m] - start - lead, lastEnd);
          int e = Math.min(passage.getMatchEnds()[m] - start - lead, text.length());
          if (e > s) {
            spans.add(new Snippet.Span(s, e));
            lastEnd = e;
          }
        }
        snippets.add(new Snippet(text, start + lead, end < content.length(), spans));
      }
      return snippets;
    }
  }
}
