package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.ResponsePage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One way of paging through arXiv: how to ask for a page, whether an answer is good, and where the list goes next. */
interface PageSource {

  /** What is harvested, such as {@code OAI-PMH ListRecords, metadata arXiv, set cs}; one directory holds one. */
  String describe();

  /** Whether a pass under way (saved by an earlier run) is the one this harvest asks for, so it resumes. */
  boolean resumes(HarvestState.Pass pass);

  /**
   * A new pass, starting where the state says the last one ended.
   *
   * @throws IllegalArgumentException when there is nowhere to start from, such as a first OAI-PMH run with no from day
   */
  HarvestState.Pass start(HarvestState state, String stamp);

  /**
   * The same list asked for again from its start, after the server forgot the list (an expired resumption token);
   * only sources whose {@link #check} can answer {@link Verdict.Kind#RESTART} have lists to restart.
   */
  default HarvestState.Pass restart(HarvestState.Pass pass, String stamp) {
    throw new IllegalStateException(describe() + " has no list to restart");
  }

  /** The request for the next page of {@code pass}. */
  URI request(HarvestState.Pass pass);

  /** Whether a page that came back with HTTP 200 is to be kept, asked for again, or the end of the harvest. */
  Verdict check(ResponsePage page, HarvestState.Pass pass);

  /** The pass after {@code page} was saved, or {@code null} when the page ended it. */
  HarvestState.Pass next(ResponsePage page, HarvestState.Pass pass, HarvestState state);

  /** The watermark once {@code finished} has ended with {@code lastPage}. */
  String watermark(ResponsePage lastPage, HarvestState.Pass finished, HarvestState state);

  /** How many records the whole list holds, when the page says. */
  Long listSize(ResponsePage page);

  /** The name of the file that keeps page {@code number} of {@code pass}. */
  String fileName(HarvestState.Pass pass, int number);

  /**
   * What to do with a response.
   *
   * @param kind   keep the page, ask again, stop the harvest, or restart the list
   * @param reason why, for the user, when not kept
   */
  record Verdict(Kind kind, String reason) {

    /** What to do. */
    enum Kind { KEEP, RETRY, FAIL, RESTART }

    static final Verdict KEEP = new Verdict(Kind.KEEP, null);

    static Verdict retry(String reason) {
      return new Verdict(Kind.RETRY, reason);
    }

    static Verdict fail(String reason) {
      return new Verdict(Kind.FAIL, reason);
    }
  }

  /** A retry verdict when the page is not whole: not the expected format, cut short, or with a broken record. */
  static Optional<Verdict> damage(ResponsePage page, Format expected, String what) {
    if (page.format() != expected) {
      return Optional.of(Verdict.retry("the response is not " + what));
    }
    if (!page.complete()) {
      return Optional.of(Verdict.retry("the response is truncated"));
    }
    return page.skips().stream()
        .filter(skip -> skip.reason() == SkipReason.MALFORMED)
        .findFirst()
        .map(skip -> Verdict.retry("the response is malformed" + describe(skip)));
  }

  private static String describe(Skip skip) {
    return (skip.position() == null ? "" : " at " + skip.position()) + ": " + skip.detail();
  }

  /** {@code endpoint?key=value&…}, each value URL-encoded, null values left out. */
  static URI query(URI endpoint, Map<String, String> parameters) {
    String query = parameters.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String base = endpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  /** A file-name-safe form of {@code text}: letters, digits, dots and hyphens, the rest as {@code _}. */
  static String slug(String text, int maxLength) {
    String slug = text.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
    return slug.length() > maxLength ? slug.substring(0, maxLength) : slug;
  }
}
