package dev.paperdex.searcher;

import dev.paperdex.searcher.internal.CommitRecord;
import dev.paperdex.searcher.internal.DescriptionReranker;
import dev.paperdex.searcher.internal.FacetCounter;
import dev.paperdex.searcher.internal.HintFinder;
import dev.paperdex.searcher.internal.IdTieBreak;
import dev.paperdex.searcher.internal.IndexDamage;
import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperQueryParser;
import dev.paperdex.searcher.internal.PaperSchema;
import dev.paperdex.searcher.internal.QuerySyntax;
import dev.paperdex.searcher.internal.SimilarPapers;
import dev.paperdex.searcher.internal.SnippetHighlighter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * Searches a paperdex index. Open one per index and share it: it is thread-safe. Call {@link #refresh()} to see what
 * an indexer committed since, and {@link #close()} when done.
 *
 * <pre>{@code
 * try (PaperSearcher searcher = PaperSearcher.open(Path.of("index"))) {
 *   SearchResults results = searcher.search(SearchRequest.builder().withQuery("KV cache").build());
 *   results.hits().forEach(hit -> System.out.println(hit.paper().id() + " " + hit.paper().title()));
 * }
 * }</pre>
 */
public final class PaperSearcher implements Closeable {

  private static final SortField BY_ID = IdTieBreak.sortField();
  /** Relevance first; equal scores in id order, so that results never depend on index layout. */
  private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);
  /** Newest first; papers without the date last. */
  private static final Sort BY_PUBLISHED = new Sort(
      PaperSchema.newestFirst(PaperSchema.PUBLISHED), BY_ID);
  private static final Sort BY_UPDATED = new Sort(
      PaperSchema.newestFirst(PaperSchema.UPDATED), BY_ID);

  /** Fewer matches than this, and the results come with spelling and field hints. */
  private static final int FEW_HITS = 3;
  /** How many values each facet lists. */
  private static final int FACET_VALUES = 10;

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager manager;
  private final PaperQueryParser parser;
  private final Analyzer analyzer;
  private final DescriptionReranker reranker;
  /** The merged field infos of the last reader searched, for the highlighter. */
  private volatile ReaderFieldInfos fieldInfos;

  private record ReaderFieldInfos(IndexReader reader, FieldInfos infos) {}

  private PaperSearcher(Path indexDir, Directory directory, SearcherManager manager) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.manager = manager;
    this.analyzer = PaperSchema.analyzer();
    this.reranker = new DescriptionReranker(analyzer);
    this.parser = new PaperQueryParser(analyzer, PaperSchema.DEFAULT_FIELD_BOOSTS, PaperSchema.DESCRIPTION_FIELD_BOOSTS);
  }

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IndexProblemException when there is no index there, or it was built with another schema version
   * @throws IOException           when the index cannot be read
   */
  public static PaperSearcher open(Path indexDir) throws IOException {
    return open(indexDir, FSDirectory::open);
  }

  /**
   * Opens the index in {@code indexDir} for a process that searches it once or twice and exits, such as a command
   * line: its files are read as needed rather than mapped into memory. Mapping them costs a short process much of
   * its start-up in Lucene's one-off native set-up for mapped files; a program that keeps a searcher should use
   * {@link #open(Path)}, whose searches are faster once the JVM is warm.
   *
   * @throws IndexProblemException when there is no index there, or it was built with another schema version
   * @throws IOException           when the index cannot be read
   */
  public static PaperSearcher openForOneShot(Path indexDir) throws IOException {
    return open(indexDir, NIOFSDirectory::new);
  }

  private interface DirectoryOpener {
    Directory open(Path dir) throws IOException;
  }

  private static PaperSearcher open(Path indexDir, DirectoryOpener opener) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw IndexProblemException.noIndex(indexDir);
    }
    Directory directory = opener.open(indexDir);
    SearcherManager manager = null;
    try {
      manager = new SearcherManager(directory, null);
      checkSchema(indexDir, manager);
      return new PaperSearcher(indexDir, directory, manager);
    } catch (IndexNotFoundException e) {
      directory.close();
      IndexProblemException missing = IndexProblemException.noIndex(indexDir);
      missing.initCause(e);
      throw missing;
    } catch (IOException | RuntimeException e) {
      if (manager != null) {
        manager.close();
      }
      directory.close();
      if (e instanceof IOException io && IndexDamage.isDamage(io)) {
        throw IndexDamage.problem(indexDir, io);
      }
      throw e;
    }
  }

  /** Checks the schema on the reader searches will use: opening a second one costs as much again at start-up. */
  private static void checkSchema(Path indexDir, SearcherManager manager) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      CommitRecord.requireCurrentSchema(indexDir, reader.getIndexCommit().getUserData());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Runs a search.
   *
   * @throws QuerySyntaxException when the query cannot be parsed
   * @throws IOException          when the index cannot be read
   */
  public SearchResults search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    boolean listOnly = request.query().isBlank() && request.hasFilters();
    List<Query> filters = filters(request);
    Sort sort = switch (request.sort()) {
      case RELEVANCE -> BY_RELEVANCE;
      case PUBLISHED -> BY_PUBLISHED;
      case UPDATED -> BY_UPDATED;
    };
    return read(searcher -> {
      try {
        PaperQueryParser.ParsedQuery parsed = listOnly
            ? new PaperQueryParser.ParsedQuery(new MatchAllDocsQuery(), Optional.empty(), List.of(), false)
            : parser.parse(request.literal() ? QuerySyntax.plainWords(request.query()) : request.query(),
                searcher.getIndexReader());
        int wanted = Math.max(1, request.offset() + request.limit());
        Query query = filtered(parsed.query(), filters);
        // A description matches many papers through one word or another, and so may a single word: rank them by
        // skipping the papers that cannot make the page (Lucene's max-score pruning), then count their matches exactly
        // in a pass that scores nothing.
        boolean described = parsed.description() && sort == BY_RELEVANCE;
        boolean pruned = described || sort == BY_RELEVANCE && isSingleWord(query);
        // A description's first papers are then ranked again with what the first stage cannot score (see
        // DescriptionReranker).
        int collected = described ? Math.max(wanted, DescriptionReranker.DEPTH) : wanted;
        IndexSearcher ranking = parsed.description() ? describing(searcher) : searcher;
        TopFieldDocs top = ranking.search(query,
            new TopFieldCollectorManager(sort, collected, pruned ? collected : Integer.MAX_VALUE));
        long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value()
            : searcher.count(query);
        boolean partial = false;
        if (top.totalHits.value() == 0 && parsed.relaxed().isPresent()) {
          query = filtered(parsed.relaxed().get(), filters);
          top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, Integer.MAX_VALUE));
          total = top.totalHits.value();
          partial = total > 0;
        }
        ScoreDoc[] ranked = top.scoreDocs;
        if (sort == BY_RELEVANCE) {
          // A field sort keeps the score among the sort values, not in ScoreDoc.score.
          for (ScoreDoc scoreDoc : ranked) {
            scoreDoc.score = (Float) ((FieldDoc) scoreDoc).fields[0];
          }
        }
        if (described) {
          ranked = reranker.rerank(searcher.getIndexReader(), searcher.storedFields(),
              parsed.words().stream().map(HintFinder.QueryWord::text).toList(), ranked);
        }
        ScoreDoc[] page = ranked.length > request.offset() && request.limit() > 0
            ? Arrays.copyOfRange(ranked, request.offset(), Math.min(ranked.length, wanted))
            : new ScoreDoc[0];
        if (sort != BY_RELEVANCE) {
          TopFieldCollector.populateScores(page, ranking, query);
        }
        List<Hit> hits = toHits(searcher, query, page, request);
        Facets facets = request.facets() ? FacetCounter.count(searcher, query, FACET_VALUES) : Facets.empty();
        SearchHints hints = total < FEW_HITS || partial
            ? HintFinder.find(searcher, request.query(), parsed.words())
            : SearchHints.none();
        return new SearchResults(request, total, partial, hits, query.toString(), facets, hints,
            Duration.ofNanos(System.nanoTime() - start));
      } catch (IndexSearcher.TooManyClauses e) {
        throw new QuerySyntaxException(request.query(), 1,
            "the query expands to too many words: make wildcards and fuzzy words more specific");
      }
    });
  }

  /**
   * Whether {@code query} matches papers with any of some terms (each perhaps boosted), and nothing else: a single
   * word, its term in the title, abstract, authors and comments. Such a query is ranked as a description is, skipping
   * papers, and counted apart: pruning skips most of its papers, and Lucene counts a disjunction of terms from bit
   * sets without scoring. Where every word must match, pruning saves little and a second pass has to find every
   * match again, and a phrase must check word positions again: those are counted while ranking (on the benchmark's
   * queries, counting them apart made them slower).
   */
  private static boolean isSingleWord(Query query) {
    if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0
        || bool.clauses().isEmpty()) {
      return false;
    }
    for (BooleanClause clause : bool.clauses()) {
      Query word = clause.query() instanceof BoostQuery boost ? boost.getQuery() : clause.query();
      if (clause.occur() != Occur.SHOULD || !(word instanceof TermQuery)) {
        return false;
      }
    }
    return true;
  }

  /** A searcher over the same reader that scores a description's words as {@link PaperSchema#DESCRIPTION_SIMILARITY}. */
  private static IndexSearcher describing(IndexSearcher searcher) {
    IndexSearcher describing = new IndexSearcher(searcher.getIndexReader());
    describing.setSimilarity(PaperSchema.DESCRIPTION_SIMILARITY);
    return describing;
  }

  /** The request's date and category filters, as queries that must match without counting in the score. */
  private List<Query> filters(SearchRequest request) {
    List<Query> filters = new ArrayList<>();
    if (request.since() != null || request.until() != null) {
      String field = request.dateField() == SearchRequest.DateField.UPDATED ? PaperSchema.UPDATED
          : PaperSchema.PUBLISHED;
      long from = request.since() == null ? Long.MIN_VALUE
          : request.since().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      long to = request.until() == null ? Long.MAX_VALUE
          : request.until().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
      filters.add(PaperSchema.dateRange(field, from, to));
    }
    if (!request.categories().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String category : request.categories()) {
        String value = category.strip();
        any.add(parser.categoryQuery(value, false, request.primaryOnly(),
            problem -> new IllegalArgumentException("category filter '" + value + "': " + problem)), Occur.SHOULD);
      }
      filters.add(any.build());
    }
    return filters;
  }

  private static Query filtered(Query query, List<Query> filters) {
    if (filters.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(query, Occur.MUST);
    filters.forEach(filter -> all.add(filter, Occur.FILTER));
    return all.build();
  }

  private List<Hit> toHits(IndexSearcher searcher, Query query, ScoreDoc[] page, SearchRequest request)
      throws IOException {
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    int[] inIndexOrder = docIds.clone();
    Arrays.sort(inIndexOrder);
    StoredFields stored = searcher.storedFields();
    Map<Integer, Paper> papers = new HashMap<>();
    // In index order, so that documents in one compressed block of stored fields decompress it once.
    for (int doc : inIndexOrder) {
      if (!papers.containsKey(doc)) {
        papers.put(doc, PaperDocument.toPaper(stored.document(doc)));
      }
    }
    List<SnippetHighlighter.DocSnippets> snippets = request.highlight() && docIds.length > 0
        ? new SnippetHighlighter(searcher, analyzer, fieldInfos(searcher.getIndexReader()), papers)
            .highlight(query, docIds)
        : null;
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(page[i].doc);
      SnippetHighlighter.DocSnippets marked = snippets == null ? null : snippets.get(i);
      Snippet title = marked == null || marked.title() == null ? Snippet.plain(paper.title()) : marked.title();
      List<Snippet> passages = marked == null ? List.of() : marked.abstractPassages();
      hits.add(new Hit(request.offset() + i + 1, paper, page[i].score, title, passages));
    }
    return hits;
  }

  private FieldInfos fieldInfos(IndexReader reader) {
    ReaderFieldInfos known = fieldInfos;
    if (known == null || known.reader() != reader) {
      known = new ReaderFieldInfos(reader, FieldInfos.getMergedFieldInfos(reader));
      fieldInfos = known;
    }
    return known.infos();
  }

  /**
   * Papers like the one with this bare id, judged by the words of its title and abstract; empty when the index does
   * not hold the paper.
   */
  public Optional<SearchResults> similar(String id, int limit) throws IOException {
    long start = System.nanoTime();
    SearchRequest request = SearchRequest.builder().withLimit(limit).withHighlight(false).build();
    return read(searcher -> {
      TopDocs found = searcher.search(KeywordField.newExactQuery(PaperSchema.ID, id), 1);
      if (found.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Query like = SimilarPapers.likeThis(searcher.getIndexReader(), found.scoreDocs[0].doc, analyzer);
      TopFieldDocs top = searcher.search(like,
          new TopFieldCollectorManager(BY_RELEVANCE, Math.max(1, limit), Integer.MAX_VALUE));
      ScoreDoc[] page = limit > 0 ? top.scoreDocs : new ScoreDoc[0];
      for (ScoreDoc scoreDoc : page) {
        scoreDoc.score = (Float) ((FieldDoc) scoreDoc).fields[0];
      }
      return Optional.of(new SearchResults(request, top.totalHits.value(), false, toHits(searcher, like, page, request),
          like.toString(), Facets.empty(), SearchHints.none(), Duration.ofNanos(System.nanoTime() - start)));
    });
  }

  /** The paper with this bare id, if the index holds it. */
  public Optional<Paper> get(String id) throws IOException {
    return read(searcher -> {
      TopDocs top = searcher.search(KeywordField.newExactQuery(PaperSchema.ID, id), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(PaperDocument.toPaper(searcher.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /**
   * What the index holds: its schema version, paper count, when and by which paperdex it was built, the sources it was
   * built from, and counts of the top {@code maxValues} values by category, archive, year and author.
   */
  public IndexInfo info(int maxValues) throws IOException {
    return read(searcher -> {
      CommitRecord commit = CommitRecord.fromUserData(
          ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
      return new IndexInfo(commit.schemaVersion(), searcher.getIndexReader().numDocs(), commit.created(),
          commit.committed(), commit.paperdexVersion(), commit.sources(),
          FacetCounter.count(searcher, new MatchAllDocsQuery(), maxValues));
    });
  }

  /** How many papers the index holds. */
  public int paperCount() throws IOException {
    return read(searcher -> searcher.getIndexReader().numDocs());
  }

  /** What a method reads through the searcher of the latest commit it has seen. */
  private interface Reading<T> {
    T from(IndexSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code reading} on the searcher of the latest commit, released after; a failure that comes from damaged files
   * says so (see {@link IndexDamage#throwIfDamaged}).
   */
  private <T> T read(Reading<T> reading) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return reading.from(searcher);
    } catch (IOException | RuntimeException | AssertionError e) {
      IndexDamage.throwIfDamaged(indexDir, searcher.getIndexReader(), e);
      throw e;
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Makes later searches see the latest commit of the index. Cheap when nothing changed.
   *
   * @return whether a newer commit was opened
   */
  public boolean refresh() throws IOException {
    IndexSearcher before = manager.acquire();
    try {
      manager.maybeRefreshBlocking();
    } finally {
      manager.release(before);
    }
    IndexSearcher after = manager.acquire();
    try {
      return after != before;
    } finally {
      manager.release(after);
    }
  }

  /** Closes the index. Searches running in other threads finish first. */
  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
