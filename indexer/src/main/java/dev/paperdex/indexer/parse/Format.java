package dev.paperdex.indexer.parse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The input formats paperdex reads, told apart by the start of a file's content. */
public enum Format {
  /** An arXiv OAI-PMH response ({@code ListRecords}, {@code GetRecord}, errors) in any metadata format. */
  OAI_PMH("arXiv OAI-PMH response", OaiPmhParser::new),
  /** An arXiv API response: an Atom {@code <feed>}. */
  ATOM_FEED("arXiv API Atom feed", AtomFeedParser::new),
  /** The Kaggle/Cornell snapshot: one JSON object per line, each with an {@code "id"}. */
  KAGGLE_JSON("Kaggle arXiv snapshot JSON lines", KaggleJsonParser::new),
  /** An arXiv API response whose XML tags were stripped: text with {@code arxiv.org/abs/} entry ids. */
  FLATTENED_TEXT("flattened arXiv API text", FlattenedTextParser::new);

  /** How many bytes of a file {@link #detect} looks at. */
  public static final int HEAD_BYTES = 8192;

  private static final Pattern OAI_ROOT = Pattern.compile("<(?:[\\w.-]+:)?OAI-PMH[\\s>]");
  private static final Pattern FEED = Pattern.compile("<feed[\\s>]");
  private static final Pattern JSON_ID_KEY = Pattern.compile("\"id\"\\s*:");
  private static final Pattern ABS_URL = Pattern.compile("arxiv\\.org/abs/");

  private final String description;
  private final Supplier<PaperParser> parser;

  Format(String description, Supplier<PaperParser> parser) {
    this.description = description;
    this.parser = parser;
  }

  /** What the format is, for messages. */
  public String description() {
    return description;
  }

  /** A new parser for this format. */
  public PaperParser parser() {
    return parser.get();
  }

  /** The format of a file whose content starts with {@code head}, if paperdex reads it. */
  public static Optional<Format> detect(byte[] head) {
    String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (start.startsWith("<")) {
      if (OAI_ROOT.matcher(start).find()) {
        return Optional.of(OAI_PMH);
      }
      return FEED.matcher(start).find() ? Optional.of(ATOM_FEED) : Optional.empty();
    }
    if (start.startsWith("{")) {
      return JSON_ID_KEY.matcher(start).find() ? Optional.of(KAGGLE_JSON) : Optional.empty();
    }
    return ABS_URL.matcher(start).find() ? Optional.of(FLATTENED_TEXT) : Optional.empty();
  }
}
