package dev.paperdex.searcher.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the indexer and the searcher both need to know about authors' names: surname particles, suffixes,
 * collaborations, and the search key a display name is indexed and queried under.
 */
public final class AuthorNames {

  /** Surname particles; they belong to the surname in a key ({@code van der Putten} is {@code vanderputten}). */
  public static final Set<String> PARTICLES = Set.of(
      "van", "von", "der", "den", "de", "del", "della", "delle", "dello", "dei", "degli", "di", "da", "dal", "dalla",
      "das", "dos", "do", "du", "des", "la", "le", "lo", "ter", "ten", "te", "zu", "zum", "zur", "vom", "bin", "ibn",
      "al", "el", "van't", "d'", "st.", "ste.", "mac", "af", "av");

  /** Words that end the name of a group of authors rather than a person. */
  private static final Pattern COLLABORATION = Pattern.compile(
      "(?i)\\b(?:collaborations?|consortium|consortia|teams?|groups?)\\b");

  /** What introduces a collaboration: {@code for the}, {@code on behalf of the}, a leading {@code the}. */
  private static final Pattern COLLABORATION_PREFIX = Pattern.compile(
      "(?i)^(?:and\\s+)?(?:(?:on\\s+behalf\\s+of|for)\\s+)?(?:the\\s+)?");

  private AuthorNames() {}

  /** Whether {@code word} is a name suffix: {@code Jr.}, {@code Sr}, {@code II}, {@code III}, {@code IV}. */
  public static boolean isSuffix(String word) {
    // By hand rather than a regular expression: it runs for every author of every paper indexed.
    return switch (word.length()) {
      case 2 -> isJuniorOrSenior(word) || word.equals("II") || word.equals("IV");
      case 3 -> isJuniorOrSenior(word) && word.charAt(2) == '.' || word.equals("III");
      default -> false;
    };
  }

  /** Whether {@code word} starts with {@code Jr} or {@code Sr}, in any case. */
  private static boolean isJuniorOrSenior(String word) {
    char first = word.charAt(0);
    char second = word.charAt(1);
    return (first == 'j' || first == 'J' || first == 's' || first == 'S') && (second == 'r' || second == 'R');
  }

  /** Whether {@code text} names a group of authors (a collaboration, consortium, team or group), not a person. */
  public static boolean isCollaboration(String text) {
    return (text.contains("ollaboration") || text.contains("OLLABORATION") || text.contains("onsorti")
        || text.contains("ONSORTI") || text.contains("eam") || text.contains("EAM") || text.contains("roup")
        || text.contains("ROUP")) && COLLABORATION.matcher(text).find();
  }

  /** {@code text} without what introduces a collaboration: {@code for the}, {@code on behalf of the}, {@code the}. */
  public static String withoutCollaborationPrefix(String text) {
    return COLLABORATION_PREFIX.matcher(text).replaceFirst("");
  }

  /**
   * The author-search key of a display name: surname with its particles, an underscore and the first initial, in
   * lower case with accents folded to ASCII: {@code Göran Östlin} is {@code ostlin_g}, {@code Joost van der Putten}
   * is {@code vanderputten_j}, {@code J. R. R. Tolkien} is {@code tolkien_j}. A collaboration is its name run
   * together ({@code atlascollaboration}); {@code null} or a name without letters gives {@code null}.
   */
  public static String key(String displayName) {
    String name = displayName;
    if (name == null) {
      return null;
    }
    name = fold(name).strip();
    if (name.isEmpty()) {
      return null;
    }
    if (isCollaboration(name)) {
      String joined = alphanumeric(withoutCollaborationPrefix(name));
      return joined.isEmpty() ? null : joined;
    }
    List<String> words = words(name);
    while (words.size() > 1 && isSuffix(words.get(words.size() - 1).toUpperCase(Locale.ROOT))) {
      words.remove(words.size() - 1);
    }
    words.removeIf(word -> alphanumeric(word).isEmpty());
    if (words.isEmpty()) {
      return null;
    }
    int first = words.size() - 1; // where the surname starts
    while (first > 0 && PARTICLES.contains(words.get(first - 1))) {
      first--;
    }
    StringBuilder surname = new StringBuilder();
    for (String word : words.subList(first, words.size())) {
      surname.append(alphanumeric(word));
    }
    if (first == 0) {
      return surname.toString();
    }
    return surname + "_" + alphanumeric(words.get(0)).charAt(0);
  }

  /** The words of a stripped name, split at runs of ASCII white space. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>(4);
    int start = 0;
    for (int k = 0; k < name.length(); k++) {
      if (isAsciiSpace(name.charAt(k))) {
        if (k > start) {
          words.add(name.substring(start, k));
        }
        start = k + 1;
      }
    }
    if (start < name.length()) {
      words.add(name.substring(start));
    }
    return words;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Lower case, accents stripped, and the letters that do not decompose spelt in ASCII. */
  private static String fold(String text) {
    boolean ascii = true;
    for (int k = 0; ascii && k < text.length(); k++) {
      ascii = text.charAt(k) < 0x80;
    }
    String decomposed = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char c = decomposed.charAt(k);
      if (c >= '\u0300' && Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      switch (c) {
        case 'ø', 'Ø' -> folded.append('o');
        case 'ß' -> folded.append("ss");
        case 'ł', 'Ł' -> folded.append('l');
        case 'æ', 'Æ' -> folded.append("ae");
        case 'œ', 'Œ' -> folded.append("oe");
        case 'đ', 'Đ', 'ð', 'Ð' -> folded.append('d');
        case 'þ', 'Þ' -> folded.append("th");
        case 'ı' -> folded.append('i');
        case 'ȷ' -> folded.append('j');
        case 'ŋ', 'Ŋ' -> folded.append('n');
        case 'ħ', 'Ħ' -> folded.append('h');
        default -> folded.append(Character.toLowerCase(c));
      }
    }
    return folded.toString();
  }

  private static String alphanumeric(String word) {
    StringBuilder kept = new StringBuilder(word.length());
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (Character.isLetterOrDigit(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }
}
