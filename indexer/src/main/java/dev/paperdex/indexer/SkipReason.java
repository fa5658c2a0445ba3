package dev.paperdex.indexer;

/** Why a file or record was not indexed. Each reason has its own counter in the {@link IndexReport}. */
public enum SkipReason {
  /** The file's content matches no format paperdex reads. */
  UNKNOWN_FORMAT("not a format paperdex reads"),
  /** The file could not be read or decompressed. */
  UNREADABLE_FILE("cannot read the file"),
  /** The XML or JSON is broken: truncated, not well-formed, not valid UTF-8. */
  MALFORMED("malformed"),
  /** The source is an error response (an arXiv API error feed, an OAI-PMH error). */
  ERROR_RESPONSE("error response from arXiv"),
  /** The record has no recognisable arXiv id. */
  NO_ID("no arXiv id"),
  /** The record lacks a field every paper needs (a title). */
  MISSING_FIELD("missing field"),
  /** A field is longer than any real paper's. */
  FIELD_TOO_LONG("field too long");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** A short lower-case description for reports. */
  public String description() {
    return description;
  }
}
