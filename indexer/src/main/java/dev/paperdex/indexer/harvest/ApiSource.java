package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.ResponsePage;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arXiv API: a query paged with {@code start} and {@code max_results}, newest update first
 * ({@code sortBy=lastUpdatedDate}, descending), so papers that arrive while a pass runs only push older ones to later
 * pages, where they are met again rather than missed. A pass ends at the last result, after {@code maxRecords}
 * records, or at the first page that reaches back to the newest update of the last complete pass.
 */
final class ApiSource implements PageSource {

  private final URI endpoint;
  private final String query;
  private final int pageSize;
  private final long maxRecords;

  /**
   * @param pageSize   {@code max_results} of each request
   * @param maxRecords how many records one pass fetches at most, 0 for no limit
   */
  ApiSource(URI endpoint, String query, int pageSize, long maxRecords) {
    this.endpoint = endpoint;
    this.query = query;
    this.pageSize = pageSize;
    this.maxRecords = maxRecords;
  }

  @Override
  public String describe() {
    return "arXiv API, query " + query;
  }

  @Override
  public boolean resumes(HarvestState.Pass pass) {
    return true;
  }

  @Override
  public HarvestState.Pass start(HarvestState state, String stamp) {
    return new HarvestState.Pass(stamp, null, null, null, 0, null, 0, 0);
  }

  @Override
  public URI request(HarvestState.Pass pass) {
    long size = maxRecords > 0 ? Math.min(pageSize, maxRecords - pass.records()) : pageSize;
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("search_query", query);
    parameters.put("start", Long.toString(pass.nextStart()));
    parameters.put("max_results", Long.toString(size));
    parameters.put("sortBy", "lastUpdatedDate");
    parameters.put("sortOrder", "descending");
    return PageSource.query(endpoint, parameters);
  }

  @Override
  public Verdict check(ResponsePage page, HarvestState.Pass pass) {
    Optional<Verdict> damage = PageSource.damage(page, Format.ATOM_FEED, "an Atom feed");
    if (damage.isPresent()) {
      return damage.get();
    }
    ResponsePage.FeedFacts facts = page.feed();
    if (facts.error() != null) {
      return Verdict.fail("the arXiv API answered with an error: " + facts.error());
    }
    if (facts.totalResults() == null) {
      return Verdict.retry("the feed does not say how many results there are (no opensearch:totalResults)");
    }
    if (facts.startIndex() != null && facts.startIndex() != pass.nextStart()) {
      return Verdict.retry("the page starts at " + facts.startIndex() + ", not at the " + pass.nextStart()
          + " asked for");
    }
    if (page.records() == 0 && pass.nextStart() < facts.totalResults()) {
      return Verdict.retry("the page starting at " + pass.nextStart() + " came back empty, though the query has "
          + facts.totalResults() + " results");
    }
    return Verdict.KEEP;
  }

  @Override
  public HarvestState.Pass next(ResponsePage page, HarvestState.Pass pass, HarvestState state) {
    long records = pass.records() + page.records();
    long nextStart = pass.nextStart() + page.records();
    boolean caughtUp = state.watermark() != null && page.oldestUpdate() != null
        && !page.oldestUpdate().isAfter(Instant.parse(state.watermark()));
    if (page.records() == 0 || nextStart >= page.feed().totalResults() || caughtUp
        || (maxRecords > 0 && records >= maxRecords)) {
      return null;
    }
    return new HarvestState.Pass(pass.stamp(), null, null, null, nextStart, newest(pass.newest(), page),
        pass.pages() + 1, records);
  }

  /** The newest update date of the finished pass, or the old watermark when the pass held nothing newer. */
  @Override
  public String watermark(ResponsePage lastPage, HarvestState.Pass finished, HarvestState state) {
    String passNewest = newest(finished.newest(), lastPage);
    if (passNewest == null) {
      return state.watermark();
    }
    return state.watermark() == null || Instant.parse(passNewest).isAfter(Instant.parse(state.watermark()))
        ? passNewest : state.watermark();
  }

  private static String newest(String sofar, ResponsePage page) {
    Instant onPage = page.newestUpdate();
    if (onPage == null) {
      return sofar;
    }
    return sofar == null || onPage.isAfter(Instant.parse(sofar)) ? onPage.toString() : sofar;
  }

  @Override
  public Long listSize(ResponsePage page) {
    Long total = page.feed().totalResults();
    return maxRecords > 0 && total != null ? Long.valueOf(Math.min(total, maxRecords)) : total;
  }

  @Override
  public String fileName(HarvestState.Pass pass, int number) {
    return String.format("api-%s-%s-%05d.xml.gz", PageSource.slug(query, 40), pass.stamp(), number);
  }
}
