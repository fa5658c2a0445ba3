package dev.paperdex.indexer.harvest;

import java.io.IOException;

/**
 * A harvest that stopped: the server failed past the retry limit, refused the request, or the harvest directory is in
 * use. The message is one line that names the URL or directory and the reason; the harvest state on disk is intact,
 * so the next run resumes where this one stopped.
 */
public final class HarvestException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient HarvestReport report;

  HarvestException(String message) {
    this(message, null, null);
  }

  HarvestException(String message, HarvestReport report, Throwable cause) {
    super(message, cause);
    this.report = report;
  }

  /** What the run did before it stopped, or {@code null} when it stopped before its first request. */
  public HarvestReport report() {
    return report;
  }
}
