package dev.paperdex.indexer.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * A local arXiv stand-in on the loopback interface: it answers each request from a replay function (the request's
 * query parameters → a recorded or written response), unless a fault was injected for it. Every response closes its
 * connection, as arXiv's did in the recordings, so each request is a fresh connection and faults are deterministic.
 */
public final class ReplayServer implements AutoCloseable {

  /** How the server misbehaves, if it does. */
  public enum Mode {
    /** Sends the whole response. */
    WHOLE,
    /** Closes the connection before any response. */
    DROP,
    /** Sends the headers and half of the body, then closes the connection (the client sees a reset). */
    DROP_MID_BODY
  }

  /**
   * One answer.
   *
   * @param status  the HTTP status
   * @param headers extra response headers
   * @param body    the body
   * @param mode    whether it is sent whole
   * @param stall   how long the server waits before answering
   */
  public record Reply(int status, Map<String, String> headers, byte[] body, Mode mode, Duration stall) {

    public static Reply ok(String xml) {
      return new Reply(200, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8), Mode.WHOLE,
          Duration.ZERO);
    }

    public static Reply status(int status, String body, Map<String, String> headers) {
      return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), Mode.WHOLE, Duration.ZERO);
    }

    public static Reply drop() {
      return new Reply(200, Map.of(), new byte[0], Mode.DROP, Duration.ZERO);
    }

    /** This reply with its body gzipped and said so in {@code Content-Encoding}. */
    public Reply gzipped() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
        out.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put("Content-Encoding", "gzip");
      return new Reply(status, more, bytes.toByteArray(), mode, stall);
    }

    /** This reply with only the first {@code fraction} of its body, sent as if it were all of it. */
    public Reply cut(double fraction) {
      byte[] part = Arrays.copyOf(body, (int) (body.length * fraction));
      return new Reply(status, headers, part, mode, stall);
    }

    public Reply droppedMidBody() {
      return new Reply(status, headers, body, Mode.DROP_MID_BODY, stall);
    }

    public Reply after(Duration wait) {
      return new Reply(status, headers, body, mode, wait);
    }
  }

  private record Rule(Predicate<Map<String, String>> when, Deque<Reply> faults) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Function<Map<String, String>, Reply> replay;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Map<String, String>> requests = new ArrayList<>();

  public ReplayServer(Function<Map<String, String>, Reply> replay) throws IOException {
    this.replay = replay;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The address to harvest from. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
  }

  /** Answers the next requests that match {@code when} with {@code faults}, one each, before replaying again. */
  public synchronized ReplayServer inject(Predicate<Map<String, String>> when, Reply... faults) {
    rules.add(new Rule(when, new ArrayDeque<>(List.of(faults))));
    return this;
  }

  /** Answers the next requests with {@code faults}, one each. */
  public ReplayServer inject(Reply... faults) {
    return inject(request -> true, faults);
  }

  /** The query parameters of every request so far, in order. */
  public synchronized List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
    Reply reply;
    synchronized (this) {
      requests.add(query);
      reply = rules.stream()
          .filter(rule -> !rule.faults().isEmpty() && rule.when().test(query))
          .findFirst()
          .map(rule -> rule.faults().poll())
          .orElse(null);
    }
    if (reply == null) {
      reply = replay.apply(query);
    }
    try {
      Thread.sleep(reply.stall());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (reply.mode() == Mode.DROP) {
      throw new IOException("dropping the connection, as asked");
    }
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.getResponseHeaders().add("Connection", "close");
    exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (reply.mode() == Mode.DROP_MID_BODY) {
        out.write(reply.body(), 0, reply.body().length / 2);
        out.flush();
        throw new IOException("dropping the connection in the middle of the body, as asked");
      }
      out.write(reply.body());
    }
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      parameters.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
