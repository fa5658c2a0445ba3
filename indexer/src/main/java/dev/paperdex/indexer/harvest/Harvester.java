package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.parse.ResponsePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fetches what is new on arXiv into a harvest directory of gzipped raw responses that {@code paperdex index DIR}
 * reads, over OAI-PMH {@code ListRecords} (the default) or the arXiv API (with a query).
 *
 * <pre>{@code
 * HarvestReport report = Harvester.builder()
 *     .withDirectory(Path.of("harvest"))
 *     .withSet("cs")
 *     .withFrom(LocalDate.of(2026, 11, 1))
 *     .build()
 *     .harvest();
 * }</pre>
 *
 * <p>Each page is checked (whole, well formed, the expected format) before it is kept, written under a hidden
 * temporary name and moved into place; then the {@link HarvestState} is saved. A killed run therefore resumes at the
 * first page it had not saved, and a complete run leaves the point the next one starts from. One directory holds one
 * harvest (one metadata format and set, or one query), and one run at a time.
 */
public final class Harvester {

  /** arXiv's OAI-PMH base URL. */
  public static final URI OAI_ENDPOINT = URI.create("https://oaipmh.arxiv.org/oai");
  /** arXiv's API query URL. */
  public static final URI API_ENDPOINT = URI.create("https://export.arxiv.org/api/query");
  /** The shortest time between two requests that arXiv allows. */
  public static final Duration MIN_DELAY = Duration.ofSeconds(3);
  /** How often a failed request is tried again by default before the run stops. */
  public static final int DEFAULT_MAX_RETRIES = 5;
  /** How long a response may take by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  /** The API page size ({@code max_results}) by default. */
  public static final int DEFAULT_PAGE_SIZE = 200;
  /** The metadata formats paperdex reads from OAI-PMH. */
  public static final Set<String> METADATA_FORMATS = Set.of("arXiv", "arXivRaw", "oai_dc");

  private static final String LOCK_FILE = ".paperdex-harvest.lock";

  private final Path dir;
  private final PageSource source;
  private final HarvestClock clock;
  private final HarvestListener listener;
  private final Duration delay;
  private final Duration timeout;
  private final int maxRetries;

  private Harvester(Builder builder, PageSource source) {
    this.dir = builder.dir;
    this.source = source;
    this.clock = builder.clock;
    this.listener = builder.listener;
    this.delay = builder.delay;
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
  }

  /** A builder; a directory is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches every page that is new since the last complete run (or resumes the run that was stopped) and saves each
   * into the directory.
   *
   * @throws HarvestException         when the server fails past the retry limit or refuses the request, or another
   *                                  run uses the directory; what was saved stays, and the next run resumes
   * @throws IllegalArgumentException when the directory holds another harvest, or a first OAI-PMH harvest has no
   *                                  from day
   * @throws IOException              when the directory cannot be written
   */
  public HarvestReport harvest() throws IOException {
    Instant started = clock.now();
    Files.createDirectories(dir);
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      removeTemporaryFiles();
      HarvestState state = HarvestState.load(dir)
          .orElseGet(() -> new HarvestState(source.describe(), null, null, List.of()));
      if (!state.source().equals(source.describe())) {
        throw new IllegalArgumentException(dir + " holds the harvest of " + state.source() + ", not of "
            + source.describe() + ": harvest that into another directory");
      }
      Progress progress = new Progress();
      try {
        run(state, progress, lock);
      } catch (HarvestException e) {
        throw new HarvestException(e.getMessage(), progress.report(false, started), e);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarvestException("interrupted; what was saved is kept, and the next run resumes here",
            progress.report(false, started), e);
      }
      return progress.report(true, started);
    }
  }

  private void run(HarvestState state, Progress progress, DirectoryLock lock) throws IOException,
      InterruptedException {
    HarvestState.Pass pass = state.pass();
    if (pass != null && source.resumes(pass)) {
      if (pass.pages() > 0) {
        listener.noted("resuming after page " + pass.pages() + " (" + pass.records() + " records) of the list started "
            + pass.stamp());
      }
    } else {
      pass = source.start(state, Stamps.after(Stamps.latestIn(dir), clock.now()));
    }
    PoliteFetcher fetcher = new PoliteFetcher(clock, delay, timeout, maxRetries, listener, lock.lastAnswer(),
        lock::answered);
    int restarts = 0;
    while (pass != null) {
      HarvestState.Pass current = pass;
      Path file = dir.resolve(source.fileName(current, current.pages() + 1));
      Path temp = AtomicFiles.temporary(file);
      ResponsePage page;
      try {
        page = fetcher.fetch(source.request(current), temp, response -> source.check(response, current));
      } catch (PoliteFetcher.ListForgotten e) {
        if (++restarts > maxRetries) {
          throw new HarvestException("the server forgot the list " + (maxRetries + 1) + " times (" + e.getMessage()
              + "); stopped, run again later");
        }
        pass = source.restart(current, Stamps.after(current.stamp(), clock.now()));
        state = state.withPass(pass);
        state.save(dir);
        listener.noted(e.getMessage() + "; asking for the list again from " + pass.from());
        continue;
      }
      Path saved = null;
      if (page.records() > 0) {
        AtomicFiles.move(temp, file);
        saved = file;
      } else {
        Files.deleteIfExists(temp);
      }
      HarvestState.Pass next = source.next(page, current, state);
      state = state.afterPage(next, next == null ? source.watermark(page, current, state) : state.watermark(), saved);
      state.save(dir);
      progress.add(page, saved);
      listener.pageSaved(new HarvestListener.SavedPage(current.pages() + 1, saved, page.records(), progress.records,
          source.listSize(page)));
      pass = next;
    }
  }

  /** Removes the temporary files of a run that was killed while writing a page. */
  private void removeTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(path -> {
        String name = path.getFileName().toString();
        return name.startsWith(".") && name.endsWith(AtomicFiles.PART);
      }).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * The files of {@code dir} saved by harvests and not yet passed to {@link #markIndexed}, in harvest order: what
   * {@code paperdex update} indexes.
   */
  public static List<Path> unindexedFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      return HarvestState.load(dir).map(HarvestState::unindexed).orElse(List.of()).stream()
          .map(dir::resolve)
          .filter(Files::isRegularFile)
          .toList();
    }
  }

  /** Records that {@code files} of {@code dir} are in the index, so {@link #unindexedFiles} no longer lists them. */
  public static void markIndexed(Path dir, Collection<Path> files) throws IOException {
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      var state = HarvestState.load(dir);
      if (state.isPresent()) {
        state.get().without(files.stream().map(file -> file.getFileName().toString()).toList()).save(dir);
      }
    }
  }

  /** Pages and records of this run. */
  private final class Progress {
    int pages;
    long records;
    final List<Path> files = new ArrayList<>();

    void add(ResponsePage page, Path saved) {
      pages++;
      records += page.records();
      if (saved != null) {
        files.add(saved);
      }
    }

    HarvestReport report(boolean upToDate, Instant started) {
      return new HarvestReport(pages, records, files, upToDate, Duration.between(started, clock.now()));
    }
  }

  /**
   * Keeps a second harvest (another process, or another thread) out of a directory. The lock file's modification time
   * is when the last response came, so that a run started right after another still waits the delay.
   */
  private static final class DirectoryLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private DirectoryLock(Path file, FileChannel channel) {
      this.file = file;
      this.channel = channel;
    }

    /** When the last response of an earlier run came, or {@code null} when none did. */
    Instant lastAnswer() throws IOException {
      return Files.size(file) == 0 ? null : Files.getLastModifiedTime(file).toInstant();
    }

    /** Records that a response came at {@code time}. */
    void answered(Instant time) {
      try {
        if (Files.size(file) == 0) {
          Files.writeString(file, "the modification time of this file is when arXiv last answered\n");
        }
        Files.setLastModifiedTime(file, FileTime.from(time));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static DirectoryLock acquire(Path dir) throws IOException {
      Path file = dir.resolve(LOCK_FILE);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new HarvestException(dir + " is busy: another paperdex harvest or update is using it");
      }
      return new DirectoryLock(file, channel);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Builds a {@link Harvester}. */
  public static final class Builder {
    private Path dir;
    private String query;
    private String metadataFormat;
    private String set;
    private LocalDate from;
    private LocalDate until;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private long maxRecords;
    private URI endpoint;
    private Duration delay = MIN_DELAY;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration timeout = DEFAULT_TIMEOUT;
    private HarvestClock clock = HarvestClock.system();
    private HarvestListener listener = new HarvestListener() {};

    private Builder() {}

    /** Sets the harvest directory, created when missing. */
    public Builder withDirectory(Path dir) {
      this.dir = dir;
      return this;
    }

    /** Harvests the arXiv API with this query (such as {@code cat:cs.DC}) instead of OAI-PMH. */
    public Builder withQuery(String query) {
      this.query = query;
      return this;
    }

    /** Sets the OAI-PMH metadata format: {@code arXiv} (the default), {@code arXivRaw} or {@code oai_dc}. */
    public Builder withMetadataFormat(String metadataFormat) {
      this.metadataFormat = metadataFormat;
      return this;
    }

    /** Harvests one OAI-PMH set, such as {@code cs} or {@code physics:hep-th}; all of arXiv by default. */
    public Builder withSet(String set) {
      this.set = set;
      return this;
    }

    /** Starts the OAI-PMH list at this day; by default a run starts where the last complete one ended. */
    public Builder withFrom(LocalDate from) {
      this.from = from;
      return this;
    }

    /** Ends the OAI-PMH list at this day (inclusive); no end by default. */
    public Builder withUntil(LocalDate until) {
      this.until = until;
      return this;
    }

    /** Sets the API page size ({@code max_results}), {@value #DEFAULT_PAGE_SIZE} by default. */
    public Builder withPageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Ends an API pass after this many records, the newest first; 0 (the default) for no limit. */
    public Builder withMaxRecords(long maxRecords) {
      this.maxRecords = maxRecords;
      return this;
    }

    /** Sets the server; arXiv's OAI-PMH or API address by default. */
    public Builder withEndpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Sets the time between requests: at least (and by default) {@link #MIN_DELAY}. */
    public Builder withDelay(Duration delay) {
      this.delay = delay;
      return this;
    }

    /** Sets how often a failed request is tried again before the run stops. */
    public Builder withMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets how long one response may take, from the request to its last byte. */
    public Builder withTimeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Sets the clock that says the time and waits; tests pass one that does not really wait. */
    public Builder withClock(HarvestClock clock) {
      this.clock = clock;
      return this;
    }

    /** Sets who hears about requests, waits, retries and saved pages. */
    public Builder withListener(HarvestListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Builds the harvester.
     *
     * @throws IllegalArgumentException when the settings contradict each other or arXiv's rules
     * @throws NullPointerException     without a directory
     */
    public Harvester build() {
      Objects.requireNonNull(dir, "harvest directory");
      if (delay.compareTo(MIN_DELAY) < 0) {
        throw new IllegalArgumentException("the delay between requests must be at least " + MIN_DELAY.toSeconds()
            + " s: arXiv asks for no more than one request every 3 seconds");
      }
      if (maxRetries < 0) {
        throw new IllegalArgumentException("the number of retries cannot be negative");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive");
      }
      if (endpoint != null && !(endpoint.isAbsolute() && endpoint.getHost() != null
          && (endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
        throw new IllegalArgumentException("the endpoint " + endpoint + " is not an http:// or https:// address");
      }
      return new Harvester(this, query != null ? apiSource() : oaiSource());
    }

    private PageSource apiSource() {
      if (query.isBlank()) {
        throw new IllegalArgumentException("the API query is empty");
      }
      if (metadataFormat != null || set != null || from != null || until != null) {
        throw new IllegalArgumentException("the metadata format, set, from and until are OAI-PMH settings; "
            + "an API harvest (a query) takes none of them");
      }
      if (pageSize < 1 || pageSize > 2000) {
        throw new IllegalArgumentException("the API page size must be between 1 and 2000 (arXiv's limit)");
      }
      if (maxRecords < 0) {
        throw new IllegalArgumentException("the maximum number of records cannot be negative");
      }
      return new ApiSource(endpoint != null ? endpoint : API_ENDPOINT, query.strip(), pageSize, maxRecords);
    }

    private PageSource oaiSource() {
      String format = metadataFormat != null ? metadataFormat : "arXiv";
      if (!METADATA_FORMATS.contains(format)) {
        throw new IllegalArgumentException("metadata format '" + format + "' is not one paperdex reads: use arXiv, "
            + "arXivRaw or oai_dc");
      }
      if (maxRecords != 0 || pageSize != DEFAULT_PAGE_SIZE) {
        throw new IllegalArgumentException("the page size and the maximum number of records are API settings: "
            + "arXiv's OAI-PMH sets its own page size");
      }
      if (from != null && until != null && from.isAfter(until)) {
        throw new IllegalArgumentException("from " + from + " is after until " + until);
      }
      return new OaiSource(endpoint != null ? endpoint : OAI_ENDPOINT, format, set, from, until);
    }
  }
}
