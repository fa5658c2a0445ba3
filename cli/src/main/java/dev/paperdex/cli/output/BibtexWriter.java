package dev.paperdex.cli.output;

import dev.paperdex.searcher.Hit;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.SearchResults;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Papers as BibTeX {@code @misc} entries, as arXiv papers are cited: {@code eprint}, {@code archivePrefix = {arXiv}},
 * {@code primaryClass}, and the DOI, the journal reference (in {@code note}, which {@code @misc} styles print) and the
 * abs URL where known. Keys are the first author's surname, the year and the title's first significant word
 * ({@code pengju2026spectrumkv}), with {@code a}, {@code b}, … added when one output would hold a key twice.
 *
 * <p>TeX's special characters are escaped; accented Latin letters become TeX accents ({@code {\"O}stlin}), so that
 * classic BibTeX sorts and abbreviates names right; every other character (Greek letters, mathematical symbols that
 * the indexer turned TeX into) stays UTF-8, which LaTeX reads by default since 2018 and biber and bibtex8 accept:
 * turning it back into TeX could not be done faithfully.
 */
final class BibtexWriter implements PaperWriter {

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
      "dec"};
  private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "on", "of", "for", "in", "to", "and", "with",
      "towards", "toward", "via", "from", "at", "by", "is", "are", "do", "does", "how", "what", "why", "when");
  private static final Map<Character, String> TEX_ACCENTS = Map.ofEntries(
      Map.entry('\u0300', "`"), Map.entry('\u0301', "'"), Map.entry('\u0302', "^"), Map.entry('\u0303', "~"),
      Map.entry('\u0304', "="), Map.entry('\u0306', "u"), Map.entry('\u0307', "."), Map.entry('\u0308', "\""),
      Map.entry('\u030A', "r"), Map.entry('\u030B', "H"), Map.entry('\u030C', "v"), Map.entry('\u0327', "c"),
      Map.entry('\u0328', "k"));
  private static final Map<Character, String> TEX_LETTERS = Map.ofEntries(
      Map.entry('ß', "\\ss"), Map.entry('ø', "\\o"), Map.entry('Ø', "\\O"), Map.entry('æ', "\\ae"),
      Map.entry('Æ', "\\AE"), Map.entry('œ', "\\oe"), Map.entry('Œ', "\\OE"), Map.entry('ł', "\\l"),
      Map.entry('Ł', "\\L"), Map.entry('ı', "\\i"));
  /** A title word and the punctuation around it, which stays outside the braces that keep the word's capitals. */
  private static final Pattern WORD_AND_PUNCTUATION = Pattern.compile("([(\\[]*)(.*?)([,.:;!?)\\]]*)");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_KEY_CHARACTER = Pattern.compile("[^a-z0-9]");
  /** A name BibTeX must not split into first and last names, or at an inner "and". */
  private static final Pattern CORPORATE_NAME =
      Pattern.compile("(?i).*\\b(collaboration|consortium|team|group|and)\\b.*");

  @Override
  public void writeResults(SearchResults results, PrintWriter out) {
    write(results.hits().stream().map(Hit::paper).toList(), out);
  }

  @Override
  public void writePaper(Paper paper, PrintWriter out) {
    write(List.of(paper), out);
  }

  private static void write(List<Paper> papers, PrintWriter out) {
    List<String> keys = uniqueKeys(papers);
    for (int i = 0; i < papers.size(); i++) {
      if (i > 0) {
        out.println();
      }
      out.print(entry(keys.get(i), papers.get(i)));
    }
    out.flush();
  }

  /** Each paper's key, with a letter added to every key that more than one paper would have. */
  static List<String> uniqueKeys(List<Paper> papers) {
    List<String> keys = papers.stream().map(BibtexWriter::key).toList();
    Map<String, Long> counts = keys.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
    Map<String, Integer> used = new HashMap<>();
    List<String> unique = new ArrayList<>();
    for (String key : keys) {
      if (counts.get(key) == 1) {
        unique.add(key);
      } else {
        int n = used.merge(key, 1, Integer::sum);
        unique.add(key + suffix(n));
      }
    }
    return unique;
  }

  /** a, b, …, z, then aa, ab, … */
  private static String suffix(int n) {
    StringBuilder letters = new StringBuilder();
    for (int rest = n; rest > 0; rest = (rest - 1) / 26) {
      letters.insert(0, (char) ('a' + (rest - 1) % 26));
    }
    return letters.toString();
  }

  private static String key(Paper paper) {
    String surname = paper.authors().isEmpty() ? "anon" : asKey(lastWord(paper.authors().get(0)));
    String year = submitted(paper).map(month -> Integer.toString(month.getYear())).orElse("");
    String word = "";
    for (String candidate : paper.title().split("[\\s\\-:/]+")) {
      String folded = asKey(candidate);
      if (!folded.isEmpty() && !MINOR_WORDS.contains(folded)) {
        word = folded;
        break;
      }
    }
    String key = (surname.isEmpty() ? "anon" : surname) + year + word;
    return key.isEmpty() ? "arxiv" + asKey(paper.id()) : key;
  }

  /** The month version 1 was submitted: from its date, else from the arXiv id, which records the month too. */
  private static Optional<YearMonth> submitted(Paper paper) {
    return paper.published() == null ? paper.idMonth()
        : Optional.of(YearMonth.from(paper.published().atZone(ZoneOffset.UTC)));
  }

  private static String lastWord(String name) {
    String[] words = name.strip().split("\\s+");
    return words[words.length - 1];
  }

  /** Lower-case ASCII letters and digits only: accents dropped, everything else left out. */
  private static String asKey(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return NOT_KEY_CHARACTER.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static String entry(String key, Paper paper) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!paper.authors().isEmpty()) {
      fields.put("author", "{" + paper.authors().stream().map(BibtexWriter::author)
          .collect(Collectors.joining(" and ")) + "}");
    }
    fields.put("title", title(paper.title()));
    submitted(paper).ifPresent(month -> {
      fields.put("year", "{" + month.getYear() + "}");
      fields.put("month", MONTHS[month.getMonthValue() - 1]);
    });
    fields.put("eprint", braced(paper.id()));
    fields.put("archivePrefix", "{arXiv}");
    if (paper.primaryCategory() != null) {
      fields.put("primaryClass", braced(paper.primaryCategory()));
    }
    if (paper.doi() != null) {
      fields.put("doi", braced(paper.doi()));
    }
    if (paper.journalRef() != null) {
      fields.put("note", braced(paper.journalRef()));
    }
    fields.put("url", "{https://arxiv.org/abs/" + paper.id() + "}");
    StringBuilder entry = new StringBuilder("@misc{").append(key).append(",\n");
    fields.forEach((name, value) -> entry.append("  ").append(name).append(" = ").append(value).append(",\n"));
    entry.setLength(entry.length() - 2);
    return entry.append("\n}\n").toString();
  }

  private static String braced(String text) {
    return "{" + escape(text) + "}";
  }

  private static String author(String name) {
    String escaped = escape(name);
    return CORPORATE_NAME.matcher(name).matches() ? "{" + escaped + "}" : escaped;
  }

  /** The title with every word that has a capital after its first letter ({@code KV}, {@code SpectrumKV}) kept so. */
  private static String title(String title) {
    StringBuilder result = new StringBuilder("{");
    for (String word : escape(title).split(" ")) {
      if (result.length() > 1) {
        result.append(' ');
      }
      Matcher parts = WORD_AND_PUNCTUATION.matcher(word);
      parts.matches();
      String core = parts.group(2);
      boolean innerCapital = core.length() > 1 && core.substring(1).chars().anyMatch(Character::isUpperCase);
      result.append(innerCapital ? parts.group(1) + "{" + core + "}" + parts.group(3) : word);
    }
    return result.append('}').toString();
  }

  /**
   * {@code text} with white space runs made single spaces, TeX's special characters escaped and accented Latin letters
   * written as TeX accents.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    String decomposed = Normalizer.normalize(WHITE_SPACE.matcher(text.strip()).replaceAll(" "), Normalizer.Form.NFD);
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int accents = i + 1;
      while (accents < decomposed.length() && TEX_ACCENTS.containsKey(decomposed.charAt(accents))) {
        accents++;
      }
      if (accents > i + 1 && c < 128 && Character.isLetter(c)) {
        // A plain i under an accent: LaTeX's T1 encoding composes {\"i} as ï itself.
        StringBuilder accented = new StringBuilder(String.valueOf(c));
        for (int a = i + 1; a < accents; a++) {
          accented.insert(0, "\\" + TEX_ACCENTS.get(decomposed.charAt(a)) + "{").append('}');
        }
        escaped.append('{').append(accented).append('}');
        i = accents - 1;
        continue;
      }
      switch (c) {
        case '\\' -> escaped.append("\\textbackslash{}");
        case '{', '}', '&', '%', '$', '#', '_' -> escaped.append('\\').append(c);
        case '~' -> escaped.append("\\textasciitilde{}");
        case '^' -> escaped.append("\\textasciicircum{}");
        default -> {
          String letter = TEX_LETTERS.get(c);
          escaped.append(letter != null ? "{" + letter + "}" : String.valueOf(c));
        }
      }
    }
    // Characters NFD split but TeX has no accent for (such as Hangul) are put back together.
    return Normalizer.normalize(escaped, Normalizer.Form.NFC);
  }
}
