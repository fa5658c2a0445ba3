package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.ResponsePage;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OAI-PMH {@code ListRecords}: the first request names the metadata format, the set and the days; each later one only
 * the resumption token of the page before. A list ends on a page without a token. The next list starts from the day of
 * the last complete list's first {@code responseDate} (arXiv's OAI-PMH works in days), so nothing falls between lists.
 */
final class OaiSource implements PageSource {

  private final URI endpoint;
  private final String metadataPrefix;
  private final String set;
  private final LocalDate from;
  private final LocalDate until;

  OaiSource(URI endpoint, String metadataPrefix, String set, LocalDate from, LocalDate until) {
    this.endpoint = endpoint;
    this.metadataPrefix = metadataPrefix;
    this.set = set;
    this.from = from;
    this.until = until;
  }

  @Override
  public String describe() {
    return "OAI-PMH ListRecords, metadata " + metadataPrefix + (set == null ? "" : ", set " + set);
  }

  @Override
  public boolean resumes(HarvestState.Pass pass) {
    return (from == null || from.toString().equals(pass.from()))
        && (until == null || until.toString().equals(pass.until()));
  }

  @Override
  public HarvestState.Pass start(HarvestState state, String stamp) {
    LocalDate start = from;
    if (start == null && state.watermark() != null) {
      start = Instant.parse(state.watermark()).atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (start == null) {
      throw new IllegalArgumentException("nothing harvested here yet: say from which day with --from YYYY-MM-DD "
          + "(later runs go on from where the last one ended)");
    }
    return new HarvestState.Pass(stamp, start.toString(), until == null ? null : until.toString(), null, 0, null, 0,
        0);
  }

  @Override
  public HarvestState.Pass restart(HarvestState.Pass pass, String stamp) {
    return new HarvestState.Pass(stamp, pass.from(), pass.until(), null, 0, null, 0, 0);
  }

  @Override
  public URI request(HarvestState.Pass pass) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("verb", "ListRecords");
    if (pass.token() != null) {
      parameters.put("resumptionToken", pass.token());
    } else {
      parameters.put("metadataPrefix", metadataPrefix);
      parameters.put("set", set);
      parameters.put("from", pass.from());
      parameters.put("until", pass.until());
    }
    return PageSource.query(endpoint, parameters);
  }

  @Override
  public Verdict check(ResponsePage page, HarvestState.Pass pass) {
    Optional<Verdict> damage = PageSource.damage(page, Format.OAI_PMH, "an OAI-PMH response");
    if (damage.isPresent()) {
      return damage.get();
    }
    ResponsePage.OaiFacts facts = page.oai();
    if (facts.hasError("badResumptionToken") && pass.token() != null) {
      return new Verdict(Verdict.Kind.RESTART, "the resumption token was refused ("
          + facts.errors().stream().map(Object::toString).collect(Collectors.joining("; ")) + ")");
    }
    if (facts.hasError("noRecordsMatch")) {
      return Verdict.KEEP;
    }
    if (!facts.errors().isEmpty()) {
      return Verdict.fail("arXiv's OAI-PMH answered with an error: "
          + facts.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
    return facts.listRecords() ? Verdict.KEEP : Verdict.retry("the response holds no ListRecords");
  }

  @Override
  public HarvestState.Pass next(ResponsePage page, HarvestState.Pass pass, HarvestState state) {
    String token = page.oai().resumptionToken();
    if (token == null) {
      return null;
    }
    Instant responseDate = page.oai().responseDate();
    String newest = pass.newest() != null ? pass.newest() : responseDate == null ? null : responseDate.toString();
    return new HarvestState.Pass(pass.stamp(), pass.from(), pass.until(), token, 0, newest, pass.pages() + 1,
        pass.records() + page.records());
  }

  /**
   * The first page's response date (so the next list starts on that day), but no later than the day after
   * {@code until}: a list that stopped at a day in the past is continued from the next day.
   */
  @Override
  public String watermark(ResponsePage lastPage, HarvestState.Pass finished, HarvestState state) {
    Instant end = finished.newest() != null ? Instant.parse(finished.newest())
        : lastPage.oai().responseDate() != null ? lastPage.oai().responseDate() : Stamps.parse(finished.stamp());
    if (finished.until() != null) {
      Instant afterUntil = LocalDate.parse(finished.until()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      end = end.isAfter(afterUntil) ? afterUntil : end;
    }
    return end.toString();
  }

  @Override
  public Long listSize(ResponsePage page) {
    return page.oai().completeListSize();
  }

  @Override
  public String fileName(HarvestState.Pass pass, int number) {
    return String.format("oai-%s%s-%s-%05d.xml.gz", PageSource.slug(metadataPrefix, 20),
        set == null ? "" : "-" + PageSource.slug(set, 40), pass.stamp(), number);
  }
}
