package dev.paperdex.indexer.normalize;

import dev.paperdex.searcher.internal.AuthorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits arXiv author lists into people and builds display names; {@link AuthorNames#key} makes their search keys.
 *
 * <p>An arXiv author string lists people as {@code A, B and C}, {@code A, B, and C}, {@code A; B} or
 * {@code A & B}; a collaboration may come first ({@code The CMS Collaboration: A. One, B. Two}) or anywhere as a
 * name of its own; suffixes ({@code Jr.}, {@code III}) may follow the name after a comma; affiliations come in
 * parentheses after a name ({@code A. One (MIT)}, {@code B. Two (1, 2)}) or as a numbered list at the end
 * ({@code ((1) MIT, (2) CERN)}). {@link #split} works on the string before or after {@link dev.paperdex.searcher.internal.TeX#toUnicode}: commas
 * and parentheses inside TeX braces never split a name.
 */
public final class Authors {

  /** The end of a list of collaborations, {@code Fermi-LAT and Fermi-GBM Collaborations}, which is not cut at and. */
  private static final Pattern PLURAL_COLLABORATION = Pattern.compile(
      "(?i)\\b(?:collaborations|consortia|teams|groups)\\s*$");

  /** The words {@link #PLURAL_COLLABORATION} ends with, looked for before it runs. */
  private static final List<String> PLURAL_COLLABORATION_WORDS =
      List.of("collaborations", "consortia", "teams", "groups");

  /** Counts standing in for people: {@code 445 co-authors}, {@code 12 additional authors not shown}, {@code others}. */
  private static final Pattern NOT_A_NAME = Pattern.compile(
      "(?i)(?:\\d+\\s+(?:more\\s+|other\\s+|additional\\s+)?(?:co-?)?authors?\\b.*|others|and others)");

  /** A person followed by the collaboration they write for: {@code Jamie Holder for the CTA Consortium}. */
  private static final Pattern PERSON_FOR_COLLABORATION = Pattern.compile(
      "(?i)^(.*?\\S)\\s+(?:on\\s+behalf\\s+of|for)\\s+(?:the\\s+)?(\\S.*)$");

  /** Collaborations given in parentheses after a name: {@code (The MACHO Collaboration)}. */
  private static final Pattern COLLABORATION_IN_PARENTHESES = Pattern.compile(
      "(?i)\\b(?:collaborations?|consortium)\\b");

  private static final Pattern ET_AL = Pattern.compile("(?i)(?:^|\\s)et\\.?\\s*al\\b\\.?");

  /** Footnote and affiliation markers written into a name: {@code \inst{1}}, {@code $^{1,2}$}, {@code ^a}. */
  private static final Pattern MARKERS = Pattern.compile(
      "\\\\(?:inst|altaffilmark|thanks|footnote|fnmsep|affil|affiliation|footnotemark)\\s*(?:\\{[^{}]*}|\\[[^]]*])?"
          + "|\\$\\^\\{?[^$]*}?\\$|(?<!\\\\)\\^\\{[^{}]*}|(?<!\\\\)\\^[0-9*,]+|[*†‡§¶]+");

  /** Footnote digits run into a surname: {@code Gabriel Petre1}, {@code E. Cantoni3}. */
  private static final Pattern TRAILING_DIGITS = Pattern.compile("(?<=\\p{L})\\d+(?:,\\d+)*$");

  /** A dot run into the next letter, {@code D.P.Bennett}; not the TeX accent {@code \.z}. */
  private static final Pattern DOT_BEFORE_LETTER = Pattern.compile("(?<!\\\\)\\.(?=\\p{L})");

  /** Initials only, as in the inverted {@code Martinez, P., Dorrer, C.}: {@code P.}, {@code N. P.}, {@code J.-P.}. */
  private static final Pattern INITIALS = Pattern.compile("\\p{Lu}\\.?(?:[ -]?\\p{Lu}\\.?){0,3}");

  /** Given names of an inverted single name, {@code Östlin, Göran}: capitalised words or initials. */
  private static final Pattern FORENAMES = Pattern.compile(
      "\\p{Lu}[\\p{Ll}\\p{M}'’-]*\\.?(?:[ -]\\p{Lu}[\\p{Ll}\\p{M}'’-]*\\.?){0,2}");

  private Authors() {}

  /**
   * The people (and collaborations) of an author string such as {@code A. One, B. Two and C. Three}, in order, as
   * display names; affiliations, footnote markers and {@code et al.} are left out.
   */
  public static List<String> split(String authors) {
    List<String> people = new ArrayList<>();
    if (authors == null || authors.isBlank()) {
      return people;
    }
    List<Part> parts = new Scanner(authors).scan();
    parts = uninvert(parts);
    for (Part part : parts) {
      if (part.collaboration) {
        people.add(part.text);
        continue;
      }
      addPerson(people, part.text);
    }
    return people;
  }

  /** One piece of an author string: a name, or a collaboration found in parentheses. */
  private record Part(String text, boolean collaboration) {}

  private static void addPerson(List<String> people, String raw) {
    String text = raw;
    if (text.contains(" al") || text.contains(".al")) {
      text = Text.clean(ET_AL.matcher(text).replaceAll(" "));
    }
    if (text != null && hasMarker(text)) {
      text = Text.clean(MARKERS.matcher(text).replaceAll(""));
    }
    if (text == null) {
      return;
    }
    int open = text.indexOf('(');
    if (open >= 0) {
      text = text.substring(0, open); // an affiliation that never closes
    }
    if (text.indexOf(')') >= 0 || text.indexOf(']') >= 0) {
      text = text.replace(")", "").replace("]", "");
    }
    text = stripEnds(text);
    if (text.isEmpty() || !hasLetter(text) || mayBeCount(text) && NOT_A_NAME.matcher(text).matches()) {
      return;
    }
    if (text.regionMatches(true, 0, "and ", 0, 4)) {
      text = text.substring(4).strip();
    }
    if (AuthorNames.isSuffix(text)) {
      int last = people.size() - 1;
      if (last >= 0 && !AuthorNames.isCollaboration(people.get(last))) {
        people.set(last, people.get(last) + " " + text);
        return;
      }
    }
    if (AuthorNames.isCollaboration(text)) {
      Matcher forThe = PERSON_FOR_COLLABORATION.matcher(text);
      if (forThe.matches() && AuthorNames.isCollaboration(forThe.group(2))
          && !AuthorNames.isCollaboration(forThe.group(1))) {
        addPerson(people, forThe.group(1));
        people.add(collaboration(forThe.group(2)));
      } else {
        people.add(collaboration(text));
      }
      return;
    }
    if (Character.isDigit(text.charAt(text.length() - 1))) {
      text = TRAILING_DIGITS.matcher(text).replaceAll("");
    }
    if (hasDotBeforeLetter(text)) {
      text = DOT_BEFORE_LETTER.matcher(text).replaceAll(". ");
    }
    people.add(text);
  }

  /** A collaboration's display name: without {@code for the} and {@code the}. */
  private static String collaboration(String text) {
    String cleaned = Text.clean(text);
    if (cleaned == null) {
      return "";
    }
    String name = AuthorNames.withoutCollaborationPrefix(cleaned);
    return stripEnds(name.isEmpty() ? text.strip() : name);
  }

  private static String stripEnds(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && ",;:&-–".indexOf(text.charAt(start)) >= 0 || start < end
        && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && (",;:&(-–\\".indexOf(text.charAt(end - 1)) >= 0
        || Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Whether a name is that of a group of authors; a quick look first, since few are. */
  private static boolean hasDotBeforeLetter(String text) {
    for (int k = text.indexOf('.'); k >= 0 && k + 1 < text.length(); k = text.indexOf('.', k + 1)) {
      if (Character.isLetter(text.charAt(k + 1)) && (k == 0 || text.charAt(k - 1) != '\\')) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #NOT_A_NAME} may match: it starts with a digit, {@code others} or {@code and others}. */
  private static boolean mayBeCount(String text) {
    char first = text.charAt(0);
    return first >= '0' && first <= '9' || (first | 0x20) == 'o' || (first | 0x20) == 'a';
  }

  /** Whether {@link #INITIALS} may match: its second character is never a lower-case letter. */
  private static boolean mayBeInitials(String text) {
    return text.length() < 2 || Character.getType(text.charAt(1)) != Character.LOWERCASE_LETTER;
  }

  /** Whether {@code c} may be part of a marker that {@link #MARKERS} removes: {@code \ $ ^ * † ‡ § ¶}. */
  private static boolean isMarker(char c) {
    return switch (c) {
      case '\\', '$', '^', '*', '†', '‡', '§', '¶' -> true;
      default -> false;
    };
  }

  private static boolean hasMarker(String text) {
    for (int k = 0; k < text.length(); k++) {
      if (isMarker(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String text) {
    for (int k = 0; k < text.length(); k++) {
      if (Character.isLetter(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lists written surname first, {@code Martinez, P., Dorrer, C., and Dohlen, K} or a single {@code Östlin,
   * Göran}, become forenames first; anything else is left as it is.
   */
  private static List<Part> uninvert(List<Part> parts) {
    List<Part> names = new ArrayList<>();
    for (Part part : parts) {
      if (!part.collaboration && !AuthorNames.isSuffix(part.text)) {
        names.add(part);
      }
    }
    if (names.size() < 2 || names.size() % 2 != 0 || names.size() != parts.size()) {
      return parts;
    }
    boolean initialsOnly = true;
    for (int k = 0; k < names.size(); k += 2) {
      String surname = names.get(k).text;
      String forenames = names.get(k + 1).text;
      if (surname.indexOf('.') >= 0 || surname.split(" ").length > 3 || !isSurname(surname)) {
        return parts;
      }
      if (!mayBeInitials(forenames) || !INITIALS.matcher(forenames).matches()) {
        initialsOnly = false;
      }
    }
    if (!initialsOnly) {
      // only a lone "Surname, Forenames" pair is read as inverted when the forenames are words
      String surname = names.get(0).text;
      String forenames = names.get(1).text;
      if (names.size() != 2 || surname.indexOf(' ') >= 0 && !startsWithParticle(surname)
          || !FORENAMES.matcher(forenames).matches() || !hasLowerCase(surname + forenames)) {
        return parts;
      }
    }
    List<Part> people = new ArrayList<>();
    for (int k = 0; k < names.size(); k += 2) {
      people.add(new Part(names.get(k + 1).text + " " + names.get(k).text, false));
    }
    return people;
  }

  private static boolean isSurname(String text) {
    for (String word : text.split(" ")) {
      if (word.isEmpty() || !Character.isLetter(word.charAt(word.length() - 1))) {
        return false;
      }
    }
    return Character.isUpperCase(text.charAt(0)) || startsWithParticle(text);
  }

  private static boolean startsWithParticle(String text) {
    int space = text.indexOf(' ');
    return space > 0 && AuthorNames.PARTICLES.contains(text.substring(0, space).toLowerCase(Locale.ROOT));
  }

  private static boolean hasLowerCase(String text) {
    for (int k = 0; k < text.length(); k++) {
      if (Character.isLowerCase(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cuts an author string into names at top-level separators: {@code ,}, {@code ;}, {@code :}, {@code &},
   * {@code \and}, the word {@code and}. Text in parentheses or brackets is an affiliation and is dropped, unless it
   * is a collaboration ({@code (The MACHO Collaboration)}); text in TeX braces is never cut.
   */
  private static final class Scanner {

    private final String s;
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final boolean braced;

    Scanner(String s) {
      this.s = s;
      this.braced = balanced();
    }

    List<Part> scan() {
      int n = s.length();
      int braces = 0;
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < n) {
          int end = i + 2;
          if (isAsciiLetter(s.charAt(i + 1))) {
            while (end < n && isAsciiLetter(s.charAt(end))) {
              end++;
            }
          }
          String command = s.substring(i + 1, end);
          if (braces == 0 && (command.equals("and") || command.equals("&"))) {
            finish();
          } else if (braces == 0 && command.equals("\\")) {
            current.append(' ');
          } else {
            current.append(s, i, end);
          }
          i = end;
          continue;
        }
        if (c == '{' && braced) {
          braces++;
        } else if (c == '}' && braced) {
          braces = Math.max(0, braces - 1);
        }
        if (braces > 0 || c == '}') {
          current.append(c);
          i++;
          continue;
        }
        if (c == '(' || c == '[') {
          int close = matching(i);
          if (close > 0) {
            affiliation(s.substring(i + 1, close));
            i = close + 1;
            continue;
          }
        }
        if (c == ',' || c == ';' || c == ':' || c == '&') {
          finish();
          i++;
          continue;
        }
        if ((c == 'a' || c == 'A') && s.regionMatches(true, i, "and", 0, 3)
            && (i + 3 == n || Character.isWhitespace(s.charAt(i + 3)) || s.charAt(i + 3) == ',')
            && (i == 0 || Character.isWhitespace(s.charAt(i - 1))) && !beforePluralCollaboration(i + 3)) {
          finish();
          i += 3;
          continue;
        }
        current.append(c);
        i++;
      }
      finish();
      return parts;
    }

    /** Whether every TeX brace is closed; when not, braces are taken as plain characters. */
    private boolean balanced() {
      int depth = 0;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth < 0) {
          return false;
        }
      }
      return depth == 0;
    }

    /** Whether the text from {@code from} to the next separator ends in {@code Collaborations} or the like. */
    private boolean beforePluralCollaboration(int from) {
      int end = from;
      while (end < s.length() && ",;:(".indexOf(s.charAt(end)) < 0) {
        end++;
      }
      return endsWithPluralCollaboration(from, end) && PLURAL_COLLABORATION.matcher(s.substring(from, end)).find();
    }

    /**
     * Whether {@link #PLURAL_COLLABORATION} may find its word at the end of {@code s[from, end)}: the word, ignoring
     * case, before white space or a line terminator only (its {@code $} may stand before a final one).
     */
    private boolean endsWithPluralCollaboration(int from, int end) {
      int last = end;
      while (last > from && " \t\n\u000B\f\r\u0085\u2028\u2029".indexOf(s.charAt(last - 1)) >= 0) {
        last--;
      }
      for (String word : PLURAL_COLLABORATION_WORDS) {
        int at = last - word.length();
        if (at >= from && s.regionMatches(true, at, word, 0, word.length())) {
          return true;
        }
      }
      return false;
    }

    /** The index of the parenthesis or bracket that closes the one at {@code open}, or -1. */
    private int matching(int open) {
      int depth = 0;
      int braces = 0;
      for (int k = open; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == '{' && braced) {
          braces++;
        } else if (c == '}' && braced) {
          braces--;
        } else if (braces <= 0) {
          if (c == '(' || c == '[') {
            depth++;
          } else if (c == ')' || c == ']') {
            depth--;
            if (depth == 0) {
              return k;
            }
          }
        }
      }
      return -1;
    }

    /** What came in parentheses: dropped, but a collaboration is a name of its own after the name before it. */
    private void affiliation(String text) {
      finish();
      if (!text.contains("ollaboration") && !text.contains("OLLABORATION") && !text.contains("onsortium")
          && !text.contains("ONSORTIUM")) {
        return;
      }
      String inside = Text.clean(text);
      if (inside != null && COLLABORATION_IN_PARENTHESES.matcher(inside).find() && inside.indexOf(',') < 0
          && inside.indexOf('(') < 0) {
        parts.add(new Part(collaboration(inside), true));
      }
    }

    private void finish() {
      if (!current.isEmpty()) {
        String text = Text.clean(current.toString());
        if (text != null) {
          parts.add(new Part(text, false));
        }
        current.setLength(0);
      }
    }

    private static boolean isAsciiLetter(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
  }

  /** The display name of a person given as surname, forenames and suffix (any may be {@code null} but the surname). */
  public static String fromParts(String surname, String forenames, String suffix) {
    StringBuilder name = new StringBuilder();
    if (forenames != null && !forenames.isBlank()) {
      name.append(forenames.strip()).append(' ');
    }
    if (surname != null) {
      name.append(surname.strip());
    }
    if (suffix != null && !suffix.isBlank()) {
      name.append(' ').append(suffix.strip());
    }
    return Text.clean(name.toString());
  }

  /**
   * The display name of a name written surname first, as in Dublin Core: {@code Östlin, Göran} is
   * {@code Göran Östlin}, {@code Smith, John, Jr.} is {@code John Smith Jr.}; a name without a comma is returned
   * cleaned as it is, {@code null} stays {@code null}.
   */
  public static String fromSurnameFirst(String name) {
    String text = Text.clean(name);
    if (text == null) {
      return null;
    }
    String[] pieces = text.split("\\s*,\\s*", 3);
    if (pieces.length == 1) {
      return text;
    }
    if (AuthorNames.isSuffix(pieces[1])) {
      return Text.clean(pieces[0] + " " + pieces[1] + (pieces.length > 2 ? " " + pieces[2] : ""));
    }
    return fromParts(pieces[0], pieces[1], pieces.length > 2 ? pieces[2] : null);
  }
}
