package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.SkipReason;
import dev.paperdex.searcher.internal.TeX;
import dev.paperdex.indexer.normalize.Text;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads arXiv API responses whose XML tags were stripped, leaving each entry's element texts in feed order: id URL,
 * title, updated time, abstract, published time, then comment, journal reference, author names and DOI.
 *
 * <p>The stripped text either keeps a space where each tag was, or runs the elements together. The id URL and the
 * two timestamps mark the title and abstract exactly either way. What follows the published time is split by
 * guesswork: with no spaces, a lower-case letter running into a capital marks a new element, which recovers author
 * names well; with spaces, the author list is the run of name-like words at the end, and names are paired up
 * word by word, which can be wrong. The parser says per file how sure it is.
 */
final class FlattenedTextParser implements PaperParser {

  private static final Pattern ENTRY_ID =
      Pattern.compile("https?://arxiv\\.org/abs/(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})v(\\d+)");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final Pattern TRAILING_DOI = Pattern.compile("\\s?(10\\.\\d{4,9}/\\S+)$");

  /**
   * Where glued elements meet: a lower-case letter running into a capital, or an initial's dot, a digit, a closing
   * bracket or an acronym running into a capitalised word.
   */
  private static final Pattern GLUED_BOUNDARY = Pattern.compile(
      "(?<=\\p{Ll})(?=\\p{Lu})|(?<=[.\\d)\\]]|\\p{Lu}\\p{Lu})(?=\\p{Lu}\\p{Ll})");
  /** Surname prefixes that are followed by a capital inside one name: McDonald, MacLeod, DeWitt, LeCun. */
  private static final Pattern NAME_PREFIX_END = Pattern.compile("(?:^|[\\s-])(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Du)$");

  private static final Pattern NAME_WORD =
      Pattern.compile("\\p{Lu}(?:\\p{Ll}|['’-]\\p{Lu})[\\p{L}\\p{M}'’-]*|\\p{Lu}\\.(?:-?\\p{Lu}\\.)*");
  /** The most words, initials and particles included, one name may have. */
  private static final int MAX_NAME_WORDS = 7;
  private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.(?:-?\\p{Lu}\\.)*");
  private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "da", "di",
      "du", "la", "le", "dos", "das", "ter", "ten", "zu", "bin", "ibn", "al", "el", "y");
  /** Capitalised words that end comments and venues but are not names. */
  private static final Set<String> NOT_NAMES = Set.of("Accepted", "Appendix", "Conference", "Figure", "Figures",
      "Full", "International", "Journal", "Kingdom", "Letters", "Pages", "Paper", "Preprint", "Press", "Proceedings",
      "Review", "Section", "States", "Submitted", "Supplementary", "Symposium", "Table", "Tables", "Transactions",
      "United", "University", "Version", "Workshop");

  @Override
  public void parse(SourceFile file, RecordSink sink) throws IOException {
    String text;
    try (InputStream in = file.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<int[]> starts = new ArrayList<>();
    Matcher id = ENTRY_ID.matcher(text);
    while (id.find()) {
      starts.add(new int[] {id.start(), id.end()});
    }
    boolean spaced = isSpaced(text);
    int read = 0;
    for (int i = 0; i < starts.size(); i++) {
      int bodyEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
      id.find(starts.get(i)[0]);
      String body = text.substring(starts.get(i)[1], bodyEnd);
      if (readEntry(id.group(1), Integer.parseInt(id.group(2)), body, spaced, file, "entry " + (i + 1), sink)) {
        read++;
      }
    }
    sink.note(file.name(), "flattened arXiv API text, " + read + " of " + starts.size() + " entries read; "
        + (spaced
            ? "elements separated by spaces, so author names and where the comment ends are guessed (confidence: low)"
            : "elements run together, split where letter case changes (confidence: high)"));
  }

  /** Whether a space was left where the tags were: told by the first timestamp, which a tag always follows. */
  private static boolean isSpaced(String text) {
    Matcher stamp = TIMESTAMP.matcher(text);
    return stamp.find() && stamp.end() < text.length() && Character.isWhitespace(text.charAt(stamp.end()));
  }

  private static boolean readEntry(String id, int version, String body, boolean spaced, SourceFile file,
                                   String position, RecordSink sink) {
    Matcher stamp = TIMESTAMP.matcher(body);
    if (!stamp.find()) {
      sink.skip(new Skip(file.name(), position, SkipReason.MISSING_FIELD, id + " has no updated time after its title"));
      return false;
    }
    String title = TeX.toUnicode(Text.clean(body.substring(0, stamp.start())));
    String updated = stamp.group();
    int abstractStart = stamp.end();
    if (!stamp.find()) {
      sink.skip(new Skip(file.name(), position, SkipReason.MISSING_FIELD, id + " has no published time after its abstract"));
      return false;
    }
    if (title == null) {
      sink.skip(new Skip(file.name(), position, SkipReason.MISSING_FIELD, id + " has no title"));
      return false;
    }
    String abstractText = TeX.toUnicode(Text.clean(body.substring(abstractStart, stamp.start())));
    String published = stamp.group();
    String tail = body.substring(stamp.end()).strip();

    String doi = null;
    Matcher trailingDoi = TRAILING_DOI.matcher(tail);
    if (trailingDoi.find()) {
      doi = trailingDoi.group(1);
      tail = tail.substring(0, trailingDoi.start()).strip();
    }
    Tail parts = spaced ? splitSpaced(tail) : splitGlued(tail);
    sink.paper(Paper.builder()
        .withId(id)
        .withVersion(version)
        .withTitle(title)
        .withAbstract(abstractText)
        .withAuthors(parts.authors())
        .withPublished(Text.instant(published))
        .withUpdated(Text.instant(updated))
        .withComments(TeX.toUnicode(parts.comment()))
        .withJournalRef(parts.journalRef())
        .withDoi(doi)
        .build(), position);
    return true;
  }

  /** What follows the published time: comment, journal reference, authors. */
  record Tail(String comment, String journalRef, List<String> authors) {}

  /** Splits a tail whose elements ran together, where letter case changes. */
  static Tail splitGlued(String tail) {
    List<String> segments = gluedSegments(tail);
    int firstAuthor = segments.size();
    while (firstAuthor > 0 && looksLikeName(segments.get(firstAuthor - 1))) {
      firstAuthor--;
    }
    List<String> authors = new ArrayList<>();
    for (String segment : segments.subList(firstAuthor, segments.size())) {
      authors.add(Text.clean(segment));
    }
    List<String> before = segments.subList(0, firstAuthor);
    String comment = before.isEmpty() ? null : Text.clean(before.get(0));
    String journalRef = null;
    if (before.size() > 1) {
      String rest = Text.clean(String.join("", before.subList(1, before.size())));
      // A journal reference names a volume or year; anything else was the comment's own capital letters.
      if (rest != null && rest.matches(".*\\d.*")) {
        journalRef = rest;
      } else {
        comment = Text.clean(String.join("", before));
      }
    }
    return new Tail(comment, journalRef, authors);
  }

  /**
   * Cuts glued text where one element ends and the next begins. A one-word piece is part of a name with an inner
   * capital: after a surname prefix it ends that name (Mc|Donald), otherwise it starts the next (Hyeok|Jin Kim).
   */
  private static List<String> gluedSegments(String tail) {
    List<String> pieces = new ArrayList<>();
    Matcher boundary = GLUED_BOUNDARY.matcher(tail);
    int from = 0;
    while (boundary.find()) {
      if (boundary.start() > from) {
        pieces.add(tail.substring(from, boundary.start()));
        from = boundary.start();
      }
    }
    pieces.add(tail.substring(from));
    List<String> segments = new ArrayList<>();
    String pending = "";
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      boolean oneWord = !piece.contains(" ") && NAME_WORD.matcher(piece).matches();
      if (oneWord && pending.isEmpty() && !segments.isEmpty()
          && NAME_PREFIX_END.matcher(segments.get(segments.size() - 1)).find()) {
        segments.set(segments.size() - 1, segments.get(segments.size() - 1) + piece);
      } else if (oneWord && i < pieces.size() - 1) {
        pending += piece;
      } else {
        segments.add(pending + piece);
        pending = "";
      }
    }
    return segments;
  }

  private static boolean looksLikeName(String segment) {
    String[] words = segment.strip().split("\\s+");
    if (words.length < 1 || words.length > 6 || !NAME_WORD.matcher(words[0]).matches()) {
      return false;
    }
    for (String word : words) {
      if (!isNameWord(word)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameWord(String word) {
    return (NAME_WORD.matcher(word).matches() && !NOT_NAMES.contains(word)) || PARTICLES.contains(word);
  }

  /**
   * Splits a tail whose elements were separated by spaces: the authors are the run of name-like words at the end; the
   * words before are the comment.
   */
  static Tail splitSpaced(String tail) {
    String[] words = tail.isEmpty() ? new String[0] : tail.split("\\s+");
    int firstAuthor = words.length;
    while (firstAuthor > 0 && isNameWord(words[firstAuthor - 1])) {
      firstAuthor--;
    }
    while (firstAuthor < words.length && PARTICLES.contains(words[firstAuthor])) {
      firstAuthor++;
    }
    List<String> authors = people(List.of(words).subList(firstAuthor, words.length));
    String comment = Text.clean(String.join(" ", List.of(words).subList(0, firstAuthor)));
    return new Tail(comment, null, authors);
  }

  /**
   * Cuts a run of name words into people, choosing the cut that costs least: most names have two words besides
   * initials and particles, three cost a little more, one or four much more; an initial ends a name only when it
   * follows a single word ({@code Ranjith M. S.}); a particle never starts or ends one. Between equal cuts the
   * longer first name wins. Without the tags the true cut is unknowable, so this is a guess the file note admits to.
   */
  static List<String> people(List<String> words) {
    int n = words.size();
    double[] best = new double[n + 1];
    int[] cut = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      best[i] = Double.POSITIVE_INFINITY;
      for (int j = Math.min(n, i + MAX_NAME_WORDS); j > i; j--) {
        double cost = nameCost(words.subList(i, j)) + best[j];
        if (cost < best[i]) {
          best[i] = cost;
          cut[i] = j;
        }
      }
    }
    List<String> people = new ArrayList<>();
    for (int i = 0; i < n; i = cut[i]) {
      if (best[i] == Double.POSITIVE_INFINITY) {
        people.add(String.join(" ", words.subList(i, n)));
        break;
      }
      people.add(String.join(" ", words.subList(i, cut[i])));
    }
    return people;
  }

  private static double nameCost(List<String> name) {
    String first = name.get(0);
    String last = name.get(name.size() - 1);
    if (PARTICLES.contains(first) || PARTICLES.contains(last)) {
      return Double.POSITIVE_INFINITY;
    }
    int plainWords = 0;
    for (String word : name) {
      if (!INITIAL.matcher(word).matches() && !PARTICLES.contains(word)) {
        plainWords++;
      }
    }
    boolean endsWithInitial = INITIAL.matcher(last).matches();
    double cost = switch (plainWords) {
      case 1 -> endsWithInitial ? 1.0 : 3.0;
      case 2 -> endsWithInitial ? 2.0 : 0.0;
      case 3 -> endsWithInitial ? 3.5 : 1.5;
      case 4 -> 3.5;
      default -> Double.POSITIVE_INFINITY;
    };
    return INITIAL.matcher(first).matches() ? cost + 0.5 : cost;
  }
}
