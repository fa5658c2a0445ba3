package dev.paperdex.searcher;

import dev.paperdex.searcher.internal.PaperDocument;
import dev.paperdex.searcher.internal.PaperQueryParser;
import dev.paperdex.searcher.internal.PaperSchema;
import dev.paperdex.searcher.internal.SnippetHighlighter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

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

  /** Relevance first; equal scores in id order, so that results never depend on index layout. */
  private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
      KeywordField.newSortField(PaperSchema.ID, false, SortedSetSelector.Type.MIN));

  private final Directory directory;
  private final SearcherManager manager;
  private final PaperQueryParser parser;
  private final Analyzer analyzer;

  private PaperSearcher(Directory directory, SearcherManager manager) {
    this.directory = directory;
    this.manager = manager;
    this.analyzer = PaperSchema.analyzer();
    this.parser = new PaperQueryParser(analyzer, PaperSchema.DEFAULT_FIELD_BOOSTS);
  }

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IndexProblemException when there is no index there, or it was built with another schema version
   * @throws IOException           when the index cannot be read
   */
  public static PaperSearcher open(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IndexProblemException("no index at " + indexDir + ": build one with `paperdex index SOURCE…`");
    }
    Directory directory = FSDirectory.open(indexDir);
    try {
      checkSchema(indexDir, directory);
      return new PaperSearcher(directory, new SearcherManager(directory, null));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static void checkSchema(Path indexDir, Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      String version = reader.getIndexCommit().getUserData().get(PaperSchema.SCHEMA_VERSION_KEY);
      if (!String.valueOf(PaperSchema.VERSION).equals(version)) {
        throw new IndexProblemException("the index at " + indexDir + " has schema version " + version
            + " but this paperdex reads version " + PaperSchema.VERSION + ": delete that directory and index your sources again");
      }
    } catch (IndexNotFoundException e) {
      throw new IndexProblemException("no index at " + indexDir + ": build one with `paperdex index SOURCE…`", e);
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
    PaperQueryParser.ParsedQuery parsed = parser.parse(request.query());
    IndexSearcher searcher = manager.acquire();
    try {
      int wanted = Math.max(1, request.offset() + request.limit());
      Query query = parsed.query();
      TopDocs top = searcher.search(query, new TopFieldCollectorManager(BY_RELEVANCE, wanted, Integer.MAX_VALUE));
      boolean partial = false;
      if (top.totalHits.value() == 0 && parsed.relaxed().isPresent()) {
        query = parsed.relaxed().get();
        top = searcher.search(query, new TopFieldCollectorManager(BY_RELEVANCE, wanted, Integer.MAX_VALUE));
        partial = top.totalHits.value() > 0;
      }
      ScoreDoc[] page = top.scoreDocs.length > request.offset() && request.limit() > 0
          ? Arrays.copyOfRange(top.scoreDocs, request.offset(), Math.min(top.scoreDocs.length, wanted))
          : new ScoreDoc[0];
      List<Hit> hits = toHits(searcher, query, page, request);
      return new SearchResults(request, top.totalHits.value(), partial, hits, query.toString(),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      manager.release(searcher);
    }
  }

  private List<Hit> toHits(IndexSearcher searcher, Query query, ScoreDoc[] page, SearchRequest request)
      throws IOException {
    int[] docIds = Arrays.stream(page).mapToInt(scoreDoc -> scoreDoc.doc).toArray();
    List<SnippetHighlighter.DocSnippets> snippets = request.highlight() && docIds.length > 0
        ? new SnippetHighlighter(searcher, analyzer).highlight(query, docIds)
        : null;
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Paper paper = PaperDocument.toPaper(stored.document(page[i].doc));
      SnippetHighlighter.DocSnippets marked = snippets == null ? null : snippets.get(i);
      Snippet title = marked == null || marked.title() == null ? Snippet.plain(paper.title()) : marked.title();
      List<Snippet> passages = marked == null ? List.of() : marked.abstractPassages();
      float score = (Float) ((FieldDoc) page[i]).fields[0];
      hits.add(new Hit(request.offset() + i + 1, paper, score, title, passages));
    }
    return hits;
  }

  /** The paper with this bare id, if the index holds it. */
  public Optional<Paper> get(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(KeywordField.newExactQuery(PaperSchema.ID, id), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(PaperDocument.toPaper(searcher.storedFields().document(top.scoreDocs[0].doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /** How many papers the index holds. */
  public int paperCount() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
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
