package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one arXiv response (an OAI-PMH page or an API feed) holds, read by the same parser {@code paperdex index}
 * uses: what a harvester must know before it keeps a page and asks for the next one.
 *
 * @param format   the response's format, or {@code null} when it is neither an OAI-PMH response nor an Atom feed
 *                 (such as an HTML error page)
 * @param complete whether the response ends with its root element closed; a truncated download does not
 * @param records  the records ({@code <record>}, deleted ones included) or feed entries (error entries excluded)
 * @param skips    what the parser skipped, as {@code paperdex index} would report it
 * @param newestUpdate the latest update date among the papers, or {@code null}
 * @param oldestUpdate the earliest update date among the papers, or {@code null}
 * @param oai      what an OAI-PMH response says about itself, or {@code null} for other formats
 * @param feed     what an API feed says about itself, or {@code null} for other formats
 */
public record ResponsePage(Format format, boolean complete, int records, List<Skip> skips,
                           Instant newestUpdate, Instant oldestUpdate, OaiFacts oai, FeedFacts feed) {

  /** Makes the skips immutable. */
  public ResponsePage {
    skips = List.copyOf(skips);
  }

  /**
   * What an OAI-PMH response says beside its records.
   *
   * @param responseDate     the {@code <responseDate>}, or {@code null}
   * @param listRecords      whether it is a {@code ListRecords} response with its list element
   * @param errors           its {@code <error>} elements, such as {@code noRecordsMatch} or {@code badResumptionToken}
   * @param resumptionToken  the token that asks for the next page, or {@code null} on the last page
   * @param completeListSize the {@code completeListSize} of the token, or {@code null}
   */
  public record OaiFacts(Instant responseDate, boolean listRecords, List<OaiError> errors, String resumptionToken,
                         Long completeListSize) {

    /** Makes the errors immutable. */
    public OaiFacts {
      errors = List.copyOf(errors);
    }

    /** Whether one of the errors has this code (compared ignoring case). */
    public boolean hasError(String code) {
      return errors.stream().anyMatch(error -> error.code().equalsIgnoreCase(code));
    }
  }

  /**
   * One OAI-PMH {@code <error>}.
   *
   * @param code    its {@code code} attribute, such as {@code noRecordsMatch}
   * @param message its text, or {@code null}
   */
  public record OaiError(String code, String message) {

    /** The code and message, for messages to the user. */
    @Override
    public String toString() {
      return message == null ? code : code + ": " + message;
    }
  }

  /**
   * What an arXiv API feed says beside its entries.
   *
   * @param totalResults how many results the query has ({@code opensearch:totalResults}), or {@code null}
   * @param startIndex   the index of the first entry ({@code opensearch:startIndex}), or {@code null}
   * @param error        the message of an error feed, or {@code null}
   */
  public record FeedFacts(Long totalResults, Long startIndex, String error) {}

  /**
   * Reads a response file (gzipped or not).
   *
   * @throws IOException when the file cannot be read, such as a gzip stream that ends early
   */
  public static ResponsePage read(SourceFile file) throws IOException {
    Optional<Format> format = Format.detect(file.head(Format.HEAD_BYTES));
    if (format.isEmpty() || (format.get() != Format.OAI_PMH && format.get() != Format.ATOM_FEED)) {
      return new ResponsePage(null, false, 0, List.of(), null, null, null, null);
    }
    XmlSource xml = XmlSource.read(file);
    Collector sink = new Collector();
    if (format.get() == Format.OAI_PMH) {
      new OaiPmhParser().parse(xml, file.name(), sink);
      return new ResponsePage(Format.OAI_PMH, OaiPmhParser.isComplete(xml), OaiPmhParser.records(xml), sink.skips,
          sink.newest, sink.oldest, OaiPmhParser.facts(xml), null);
    }
    new AtomFeedParser().parse(xml, file.name(), sink);
    return new ResponsePage(Format.ATOM_FEED, AtomFeedParser.isComplete(xml), AtomFeedParser.entries(xml),
        sink.skips, sink.newest, sink.oldest, null, AtomFeedParser.facts(xml));
  }

  /** Keeps what the parser skips and the span of the papers' update dates. */
  private static final class Collector implements RecordSink {
    final List<Skip> skips = new ArrayList<>();
    Instant newest;
    Instant oldest;

    @Override
    public void paper(Paper paper, String position) {
      Instant updated = paper.updated() != null ? paper.updated() : paper.published();
      if (updated != null && (newest == null || updated.isAfter(newest))) {
        newest = updated;
      }
      if (updated != null && (oldest == null || updated.isBefore(oldest))) {
        oldest = updated;
      }
    }

    @Override
    public void skip(Skip skip) {
      skips.add(skip);
    }
  }
}
