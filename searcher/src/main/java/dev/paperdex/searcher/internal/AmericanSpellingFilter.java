package dev.paperdex.searcher.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Writes British spellings the American way, so that {@code tumour} finds {@code tumor}, {@code quantisation} finds
 * {@code quantization} and {@code ischaemic} finds {@code ischemic}, whichever way the paper and the query spell them.
 * It reads lower-cased, accent-folded words and runs before stemming.
 *
 * <p>Only patterns that are British spellings in (nearly) every word that has them are rewritten: the {@code -our}
 * of a known list of stems ({@code colour}, not {@code four}), {@code -ise}/{@code -isation} after the consonants
 * that make verbs ({@code normalise}, not {@code precise}, {@code advise}, {@code pairwise} or {@code promise}),
 * {@code -lyse} ({@code analyse}, not {@code lyse}), the medical {@code ae}/{@code oe} ({@code haem}, {@code -aemia},
 * {@code oestr}, {@code paed}), {@code -re} of {@code fibre}/{@code centre}/{@code metre}, the doubled {@code l} of
 * {@code modelling}/{@code labelled}, and a few single words ({@code grey}, {@code programme}, {@code ageing}).
 */
final class AmericanSpellingFilter extends TokenFilter {

  /** Stems written the British way anywhere in a word ({@code antitumoural}), with their American spelling. */
  private static final List<Map.Entry<String, String>> STEMS = List.of(
      Map.entry("tumour", "tumor"), Map.entry("colour", "color"), Map.entry("behaviour", "behavior"),
      Map.entry("favour", "favor"), Map.entry("labour", "labor"), Map.entry("honour", "honor"),
      Map.entry("neighbour", "neighbor"), Map.entry("humour", "humor"), Map.entry("vapour", "vapor"),
      Map.entry("odour", "odor"), Map.entry("flavour", "flavor"), Map.entry("harbour", "harbor"),
      Map.entry("rigour", "rigor"), Map.entry("vigour", "vigor"), Map.entry("endeavour", "endeavor"),
      Map.entry("rumour", "rumor"), Map.entry("armour", "armor"), Map.entry("savour", "savor"),
      Map.entry("fibre", "fiber"), Map.entry("centred", "centered"), Map.entry("centring", "centering"),
      Map.entry("centre", "center"), Map.entry("metre", "meter"), Map.entry("litre", "liter"),
      Map.entry("theatre", "theater"), Map.entry("calibre", "caliber"), Map.entry("spectre", "specter"),
      Map.entry("lustre", "luster"), Map.entry("manoeuvre", "maneuver"), Map.entry("manoeuvr", "maneuver"),
      Map.entry("defence", "defense"), Map.entry("offence", "offense"), Map.entry("licence", "license"),
      Map.entry("haem", "hem"), Map.entry("aemi", "emi"), Map.entry("paed", "ped"), Map.entry("palae", "pale"),
      Map.entry("oestr", "estr"), Map.entry("oedem", "edem"), Map.entry("oesoph", "esoph"),
      Map.entry("foet", "fet"), Map.entry("aetiol", "etiol"), Map.entry("anaesth", "anesth"),
      Map.entry("gynaec", "gynec"), Map.entry("coeliac", "celiac"), Map.entry("homoeo", "homeo"),
      Map.entry("faec", "fec"), Map.entry("rrhoea", "rrhea"), Map.entry("pnoea", "pnea"),
      Map.entry("sulph", "sulf"), Map.entry("practis", "practic"), Map.entry("artefact", "artifact"),
      Map.entry("sceptic", "skeptic"), Map.entry("focuss", "focus"));

  /** Whole words. */
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("grey", "gray"), Map.entry("programme", "program"), Map.entry("programmes", "programs"),
      Map.entry("ageing", "aging"), Map.entry("judgement", "judgment"), Map.entry("judgements", "judgments"),
      Map.entry("aluminium", "aluminum"), Map.entry("mould", "mold"), Map.entry("moulds", "molds"),
      Map.entry("disc", "disk"), Map.entry("discs", "disks"), Map.entry("enrolment", "enrollment"),
      Map.entry("fulfil", "fulfill"), Map.entry("fulfilment", "fulfillment"), Map.entry("skilful", "skillful"),
      Map.entry("acknowledgement", "acknowledgment"), Map.entry("acknowledgements", "acknowledgments"));

  /** {@code -ise} and its forms after a consonant that makes verbs of nouns and adjectives ({@code normal-ise}). */
  private static final Pattern ISE = Pattern.compile(
      "(.*\\p{L}{2}[lnrstmdg])is(e|es|ed|ing|ation|ations|er|ers|able)");
  /** Words in {@code -ise} that are spelt so in American English too. */
  private static final Set<String> ISE_WORDS = Set.of(
      "arise", "sunrise", "comprise", "surprise", "enterprise", "reprise", "apprise", "uprise", "promise", "premise",
      "compromise", "demise", "surmise", "expertise", "advertise", "chastise", "merchandise", "paradise", "anise",
      "valise", "treatise", "mortise", "chemise", "cerise", "remise", "misprise", "moonrise");
  /** {@code analyse}, {@code catalyse}, {@code hydrolyse}, but not {@code lyse} or the plural {@code analyses}. */
  private static final Pattern LYSE = Pattern.compile("(.*\\p{L}{3})lys(e|ed|ing|er|ers)");
  /** The doubled {@code l} before an ending in {@code modelled}, {@code labelling}, {@code tunnelling}. */
  private static final Pattern DOUBLED_L = Pattern.compile(
      "(.*(?:model|label|level|tunnel|travel|channel|fuel|signal|counsel|cancel|funnel|dial|pedal|panel|jewel))"
          + "l(ed|ing|er|ers)");
  /** {@code catalogue}, {@code analogue}, {@code homologue}; not {@code prologue}, {@code epilogue}. */
  private static final Pattern LOGUE = Pattern.compile("(.*(?:cata|ana|dia|homo|ortho|para)log)ue(s|d)?");

  /** {@link #STEMS} by their first two letters, so that a word is looked up once per letter, not once per stem. */
  private static final Map<Integer, List<Map.Entry<String, String>>> STEMS_BY_START = STEMS.stream()
      .collect(Collectors.groupingBy(stem -> pair(stem.getKey(), 0)));
  /**
   * The British stems that begin with each pair of ASCII letters ({@code null} for none): checked before the map,
   * which would box the pair of every position of every word (this filter sees every token of every title and
   * abstract).
   */
  private static final String[][][] STEM_STARTS = new String[128][128][];

  static {
    STEMS_BY_START.values().forEach(stems -> {
      String first = stems.get(0).getKey();
      STEM_STARTS[first.charAt(0)][first.charAt(1)] = stems.stream().map(Map.Entry::getKey).toArray(String[]::new);
    });
  }

  /** The endings of the patterns below: only a word with one of them goes through the regular expressions. */
  private static final List<String> PATTERN_ENDINGS = List.of("ise", "ises", "ised", "ising", "isation", "isations",
      "iser", "isers", "isable", "lyse", "lysed", "lysing", "lyser", "lysers", "lled", "lling", "ller", "llers", "logue",
      "logues", "logued");

  /** {@link #PATTERN_ENDINGS} by their last letter. */
  private static final String[][] ENDINGS_BY_LAST_LETTER = new String[128][];
  /** Which lengths and first letters the {@link #WORDS} have, to pass most words by without a look-up. */
  private static final boolean[][] WORD_STARTS;

  static {
    for (char last = 0; last < 128; last++) {
      char letter = last;
      ENDINGS_BY_LAST_LETTER[last] = PATTERN_ENDINGS.stream()
          .filter(ending -> ending.charAt(ending.length() - 1) == letter).toArray(String[]::new);
    }
    WORD_STARTS = new boolean[WORDS.keySet().stream().mapToInt(String::length).max().orElse(0) + 1][128];
    WORDS.keySet().forEach(word -> WORD_STARTS[word.length()][word.charAt(0)] = true);
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  AmericanSpellingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword() && mayBeBritish(term.buffer(), term.length())) {
      String word = term.toString();
      String american = american(word);
      if (!american.equals(word)) {
        term.setEmpty().append(american);
      }
    }
    return true;
  }

  /**
   * Whether {@link #american} might change the word: it has a whole word's length and first letter, holds a British
   * stem or has one of the pattern endings. Most words have none, and are passed on without making a
   * string of them (this filter sees every token of every title and abstract).
   */
  private static boolean mayBeBritish(char[] word, int length) {
    if (length == 0) {
      return false;
    }
    if (length < WORD_STARTS.length && word[0] < 128 && WORD_STARTS[length][word[0]]) {
      return true;
    }
    for (int i = 0; i + 1 < length; i++) {
      char first = word[i];
      char second = word[i + 1];
      if (first < 128 && second < 128 && STEM_STARTS[first][second] != null) {
        for (String stem : STEM_STARTS[first][second]) {
          if (startsWith(word, length, i, stem)) {
            return true;
          }
        }
      }
    }
    char last = word[length - 1];
    if (last < 128) {
      for (String ending : ENDINGS_BY_LAST_LETTER[last]) {
        if (length >= ending.length() && startsWith(word, length, length - ending.length(), ending)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code word} (lower case) in American spelling; {@code word} itself when it has no British spelling. */
  static String american(String word) {
    String whole = WORDS.get(word);
    if (whole != null) {
      return whole;
    }
    String spelt = word;
    for (int i = 0; i + 1 < spelt.length(); i++) {
      char first = spelt.charAt(i);
      char second = spelt.charAt(i + 1);
      if (first >= 128 || second >= 128 || STEM_STARTS[first][second] == null) {
        continue;
      }
      for (Map.Entry<String, String> stem : STEMS_BY_START.get(pair(spelt, i))) {
        if (spelt.startsWith(stem.getKey(), i)) {
          spelt = spelt.substring(0, i) + stem.getValue() + spelt.substring(i + stem.getKey().length());
          i += stem.getValue().length() - 1;
          break;
        }
      }
    }
    if (!hasPatternEnding(spelt)) {
      return spelt; // none of the endings below: most words
    }
    Matcher ise = ISE.matcher(spelt);
    if (ise.matches() && !isAmericanIse(ise.group(1) + "ise")) {
      return ise.group(1) + "iz" + ise.group(2);
    }
    Matcher lyse = LYSE.matcher(spelt);
    if (lyse.matches()) {
      return lyse.group(1) + "lyz" + lyse.group(2);
    }
    Matcher doubled = DOUBLED_L.matcher(spelt);
    if (doubled.matches()) {
      return doubled.group(1) + doubled.group(2);
    }
    Matcher logue = LOGUE.matcher(spelt);
    if (logue.matches()) {
      return logue.group(1) + (logue.group(2) == null ? "" : logue.group(2).equals("d") ? "ed" : "s");
    }
    return spelt;
  }

  private static boolean hasPatternEnding(String word) {
    for (String ending : PATTERN_ENDINGS) {
      if (word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code part} stands in the first {@code length} characters of {@code word} at {@code at}. */
  private static boolean startsWith(char[] word, int length, int at, String part) {
    if (at + part.length() > length) {
      return false;
    }
    for (int k = 0; k < part.length(); k++) {
      if (word[at + k] != part.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int pair(String word, int at) {
    return word.charAt(at) << 16 | word.charAt(at + 1);
  }

  private static boolean isAmericanIse(String word) {
    return ISE_WORDS.contains(word) || word.startsWith("un") && ISE_WORDS.contains(word.substring(2));
  }
}
