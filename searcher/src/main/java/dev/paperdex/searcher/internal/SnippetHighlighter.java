package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.Snippet;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

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
  /** The query's weight on each segment, made once for all the documents and fields highlighted there. */
  private final Map<LeafReader, Weight> weights = new IdentityHashMap<>();
  /** Where the query matches each document, by segment and document, shared by the title and the abstract. */
  private final Map<LeafReader, Map<Integer, Matches>> matches = new IdentityHashMap<>();
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
   * costs more than the rest of highlighting together; this one reads the same matches from one weight per segment.
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
   * The matches of {@code query} in document {@code doc} of {@code leaf}, as Lucene's own strategy finds them: the
   * query rewritten and weighed on a searcher of that segment alone. That strategy hides the index's other fields
   * behind the highlighted one only when a field matcher says so; this highlighter has none, so every field keeps
   * its own words and the matches of a document are the same whichever field is highlighted.
   */
  private Matches matchesOf(Query query, LeafReader leaf, int doc) throws IOException {
    if (query != highlighted) {
      highlighted = query;
      offsetsPart = offsetsPart(query, true);
      weights.clear();
      matches.clear();
    }
    if (offsetsPart == null) {
      return null;
    }
    Map<Integer, Matches> ofLeaf = matches.computeIfAbsent(leaf, any -> new HashMap<>());
    if (ofLeaf.containsKey(doc)) {
      return ofLeaf.get(doc);
    }
    Weight weight = weights.get(leaf);
    if (weight == null) {
      IndexSearcher segment = new IndexSearcher(leaf);
      segment.setQueryCache(null);
      weight = segment.rewrite(offsetsPart).createWeight(segment, ScoreMode.COMPLETE_NO_SCORES, 1.0f);
      weights.put(leaf, weight);
    }
    Matches found = weight.matches(leaf.getContext(), doc);
    ofLeaf.put(doc, found);
    return found;
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
    boolean disjunction = bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().stream().allMatch(clause -> clause.occur() == Occur.SHOULD);
    if (!matched && !disjunction) {
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
      Matches found = matchesOf(components.query(), leaf, doc);
      if (found == null) {
        return;
      }
      for (String field : found) {
        if (components.fieldMatcher().test(field)) {
          MatchesIterator iterator = found.getMatches(field);
          if (iterator != null) {
            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
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
