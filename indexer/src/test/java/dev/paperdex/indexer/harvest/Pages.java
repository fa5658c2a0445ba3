package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.harvest.ReplayServer.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small arXiv responses written for the tests, laid out as arXiv's OAI-PMH and API answer. */
public final class Pages {

  /** The {@code responseDate} of the first page of {@link #threePages}. */
  public static final String FIRST_RESPONSE_DATE = "2026-11-21T08:45:00Z";

  private Pages() {}

  /** Five records in three pages; the list asked for from the first page's day has nothing new. */
  public static Reply threePages(Map<String, String> request) {
    String token = request.get("resumptionToken");
    if (token == null) {
      return request.get("from").equals("2026-11-21")
          ? Reply.ok(oaiError("2026-11-22T08:45:00Z", "noRecordsMatch", "No records match."))
          : Reply.ok(oaiPage(FIRST_RESPONSE_DATE, oaiRecords(0, 2), "6960524|1001", 0, 5));
    }
    return switch (token) {
      case "6960524|1001" -> Reply.ok(oaiPage("2026-11-21T08:45:04Z", oaiRecords(2, 4), "6960524|2001", 2, 5));
      case "6960524|2001" -> Reply.ok(oaiPage("2026-11-21T08:45:08Z", oaiRecords(4, 5), null, 4, 5));
      default -> Reply.ok(oaiError("2026-11-21T08:46:00Z", "badResumptionToken", "The token is unknown."));
    };
  }

  /** An OAI-PMH record in the {@code arXiv} metadata format. */
  public static String oaiRecord(String id, String title, String datestamp) {
    return """
        <record>
        <header>
         <identifier>oai:arXiv.org:%1$s</identifier>
         <datestamp>%3$s</datestamp>
         <setSpec>cs</setSpec>
        </header>
        <metadata>
         <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <id>%1$s</id><created>%3$s</created><authors><author><keyname>Tester</keyname><forenames>Ada</forenames></author></authors><title>%2$s</title><categories>cs.DC</categories><abstract>  An abstract about %2$s.
        </abstract></arXiv>
        </metadata>
        </record>
        """.formatted(id, title, datestamp);
  }

  /** Records {@code 2611.000NN} for NN in [from, to). */
  public static List<String> oaiRecords(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> oaiRecord(String.format("2611.%05d", i), "Paper number " + i, "2026-11-20"))
        .toList();
  }

  /** A {@code ListRecords} page; {@code token} null for the last page (an empty token element, as arXiv sends). */
  public static String oaiPage(String responseDate, List<String> records, String token, int cursor, int listSize) {
    String tokenElement = token == null
        ? "<resumptionToken cursor=\"" + cursor + "\" completeListSize=\"" + listSize + "\"/>"
        : "<resumptionToken cursor=\"" + cursor + "\" completeListSize=\"" + listSize + "\">" + token
            + "</resumptionToken>";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <responseDate>%s</responseDate>
        <request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://export.arxiv.org/oai2</request>
        <ListRecords>
        %s%s
        </ListRecords>
        </OAI-PMH>
        """.formatted(responseDate, String.join("", records), tokenElement);
  }

  /** An OAI-PMH error response, such as {@code noRecordsMatch} or {@code badResumptionToken}. */
  public static String oaiError(String responseDate, String code, String message) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <responseDate>%s</responseDate>
        <request verb="ListRecords">http://export.arxiv.org/oai2</request>
        <error code="%s">%s</error>
        </OAI-PMH>
        """.formatted(responseDate, code, message);
  }

  /** An API entry for paper {@code 2611.NNNNN}v1 updated at {@code updated}. */
  public static String feedEntry(int number, String updated) {
    String id = String.format("2611.%05d", number);
    return """
          <entry>
            <id>http://arxiv.org/abs/%1$sv1</id>
            <title>Feed paper %2$d</title>
            <updated>%3$s</updated>
            <summary>An abstract about feed paper %2$d.</summary>
            <category term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
            <published>2026-11-01T00:00:00Z</published>
            <arxiv:primary_category term="cs.DC"/>
            <author><name>Ada Tester</name></author>
          </entry>
        """.formatted(id, number, updated);
  }

  /** An API feed page (2025+ layout). */
  public static String feed(long totalResults, long startIndex, List<String> entries) {
    return """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/api/test</id>
          <title>arXiv Query</title>
          <updated>2026-11-21T08:00:00Z</updated>
          <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
          <opensearch:totalResults>%d</opensearch:totalResults>
          <opensearch:startIndex>%d</opensearch:startIndex>
        %s</feed>
        """.formatted(entries.size(), totalResults, startIndex, entries.stream().collect(Collectors.joining()));
  }
}
