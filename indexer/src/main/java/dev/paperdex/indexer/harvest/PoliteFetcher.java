package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.parse.ResponsePage;
import dev.paperdex.indexer.parse.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Sends one request at a time, never sooner than the delay after the last response, and tries again when the server
 * is busy ({@code 503}, {@code 429}: as long as its {@code Retry-After} says), fails ({@code 5xx}, a dropped
 * connection, no answer within the timeout) or sends a page that is cut short or broken (exponential backoff), up to
 * a limit. A page is written to its temporary file and checked there, so what is kept is exactly what was checked.
 */
final class PoliteFetcher {

  /** The first wait after a failure without {@code Retry-After}; each further failure doubles it. */
  static final Duration BACKOFF_START = Duration.ofSeconds(10);
  /** The longest backoff wait. */
  static final Duration BACKOFF_MAX = Duration.ofMinutes(10);
  /** A server that asks to wait longer than this is not waited for: the run stops and a later one resumes. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  private static final String USER_AGENT = "paperdex-harvest/"
      + Objects.requireNonNullElse(PoliteFetcher.class.getPackage().getImplementationVersion(), "dev")
      + " (offline paper search; one request at a time)";
  private static final int ERROR_DETAIL_CHARS = 200;

  private final HttpClient client;
  private final HarvestClock clock;
  private final Duration delay;
  private final Duration timeout;
  private final int maxRetries;
  private final HarvestListener listener;
  private final Consumer<Instant> answered;
  private Instant nextRequestAt;

  /**
   * @param lastAnswer when the last response of an earlier run came, or {@code null}: the first request waits the
   *                   delay from then too
   * @param answered   hears when each response came, to tell the next run
   */
  PoliteFetcher(HarvestClock clock, Duration delay, Duration timeout, int maxRetries, HarvestListener listener,
                Instant lastAnswer, Consumer<Instant> answered) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .build();
    this.clock = clock;
    this.delay = delay;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.listener = listener;
    this.answered = answered;
    this.nextRequestAt = lastAnswer == null ? null : lastAnswer.plus(delay);
  }

  /** The server forgot the list (the check said {@link PageSource.Verdict.Kind#RESTART}). */
  static final class ListForgotten extends Exception {
    private static final long serialVersionUID = 1L;

    ListForgotten(String reason) {
      super(reason);
    }
  }

  /** A failure worth another try, and how long the server asked to wait, if it did. */
  private static final class Retryable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    Retryable(String problem, Duration retryAfter) {
      super(problem);
      this.retryAfter = retryAfter;
    }
  }

  /**
   * Fetches {@code uri} into {@code temp} (gzipped) until {@code check} keeps the page.
   *
   * @throws HarvestException when the server fails past the retry limit, refuses the request, or the check fails it
   * @throws ListForgotten    when the check asks to restart the list
   */
  ResponsePage fetch(URI uri, Path temp, Function<ResponsePage, PageSource.Verdict> check)
      throws IOException, InterruptedException, ListForgotten {
    int attempts = maxRetries + 1;
    for (int attempt = 1; ; attempt++) {
      pause(attempt == 1 ? "before the next request" : "before trying again");
      listener.requesting(uri, attempt);
      Retryable failure;
      try {
        return once(uri, temp, check);
      } catch (Retryable e) {
        failure = e;
      }
      Files.deleteIfExists(temp);
      if (attempt >= attempts) {
        throw new HarvestException("gave up on " + uri + " after " + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ") + failure.getMessage()
            + "; what was saved is kept, and the next run resumes here");
      }
      Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
      if (wait.compareTo(LONGEST_RETRY_AFTER) > 0) {
        throw new HarvestException(uri + " asks to wait " + wait.toSeconds() + " s (" + failure.getMessage()
            + "): stopped, run again later to resume");
      }
      listener.retrying(uri, failure.getMessage(), attempt, attempts);
      Instant retryAt = clock.now().plus(wait);
      nextRequestAt = nextRequestAt == null || retryAt.isAfter(nextRequestAt) ? retryAt : nextRequestAt;
    }
  }

  /** One request and its check. */
  private ResponsePage once(URI uri, Path temp, Function<ResponsePage, PageSource.Verdict> check)
      throws IOException, InterruptedException, Retryable, ListForgotten {
    HttpResponse<byte[]> response;
    try {
      response = send(uri);
    } finally {
      Instant now = clock.now();
      nextRequestAt = now.plus(delay);
      answered.accept(now);
    }
    int status = response.statusCode();
    if (status == 503 || status == 429) {
      throw new Retryable("HTTP " + status + (status == 503 ? " (service unavailable)" : " (too many requests)"),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.now()));
    }
    if (status >= 500 || status == 408) {
      throw new Retryable("HTTP " + status, null);
    }
    if (status != 200) {
      String detail;
      try {
        detail = errorDetail(keep(response, temp), response);
      } catch (Retryable unreadable) {
        detail = "";
      }
      Files.deleteIfExists(temp);
      throw new HarvestException("HTTP " + status + " from " + uri + detail);
    }
    ResponsePage page = keep(response, temp);
    PageSource.Verdict verdict = check.apply(page);
    switch (verdict.kind()) {
      case KEEP -> {
        return page;
      }
      case RETRY -> throw new Retryable(verdict.reason(), null);
      case RESTART -> {
        Files.deleteIfExists(temp);
        throw new ListForgotten(verdict.reason());
      }
      default -> {
        Files.deleteIfExists(temp);
        throw new HarvestException(uri + ": " + verdict.reason());
      }
    }
  }

  private HttpResponse<byte[]> send(URI uri) throws InterruptedException, Retryable {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept-Encoding", "gzip")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw tooSlow();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw tooSlow();
      }
      throw new Retryable("the connection failed (" + connectionProblem(uri, e.getCause()) + ")", null);
    }
  }

  /** The timeout passed: the client's own (for the headers) or the wait for the whole body, whichever came first. */
  private Retryable tooSlow() {
    return new Retryable("no complete response within " + timeout.toMillis() / 1000.0 + " s", null);
  }

  /** What went wrong with the connection, in words: the JDK's exceptions often carry no message. */
  private static String connectionProblem(URI uri, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof UnresolvedAddressException) {
      return "cannot find the host " + uri.getHost();
    }
    if (cause instanceof ConnectException) {
      return "cannot connect to " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  /** Writes the body, gzipped, to {@code temp} and reads it back as a response page. */
  private static ResponsePage keep(HttpResponse<byte[]> response, Path temp) throws IOException, Retryable {
    boolean gzipped = response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
    AtomicFiles.writeSynced(temp, gzipped ? response.body() : gzip(response.body()));
    try {
      return ResponsePage.read(new SourceFile(temp));
    } catch (IOException | UncheckedIOException e) {
      throw new Retryable("the response is truncated or damaged (" + e.getMessage() + ")", null);
    }
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(body);
    }
    return bytes.toByteArray();
  }

  /** What an error response says: the arXiv API's error message, an OAI-PMH error, or the start of the body. */
  private static String errorDetail(ResponsePage page, HttpResponse<byte[]> response) {
    if (page.feed() != null && page.feed().error() != null) {
      return ": " + page.feed().error();
    }
    if (page.oai() != null && !page.oai().errors().isEmpty()) {
      return ": " + page.oai().errors().get(0);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ")
        .replaceAll("\\s+", " ").strip();
    if (text.isEmpty() || response.headers().firstValue("Content-Encoding").isPresent()) {
      return "";
    }
    return ": " + (text.length() > ERROR_DETAIL_CHARS ? text.substring(0, ERROR_DETAIL_CHARS) + "…" : text);
  }

  /** Waits until the next request is allowed. */
  private void pause(String why) throws InterruptedException {
    if (nextRequestAt == null) {
      return;
    }
    Duration wait = Duration.between(clock.now(), nextRequestAt);
    if (!wait.isNegative() && !wait.isZero()) {
      listener.waiting(wait, why);
      clock.sleep(wait);
    }
  }

  private static Duration backoff(int failures) {
    Duration wait = BACKOFF_START.multipliedBy(1L << Math.min(failures - 1, 20));
    return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
  }

  /** A {@code Retry-After} value in seconds or as an HTTP date, or {@code null} when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 9 ? LONGEST_RETRY_AFTER.plusSeconds(1) : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
