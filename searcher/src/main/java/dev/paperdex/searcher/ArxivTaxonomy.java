package dev.paperdex.searcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * arXiv's category taxonomy as paperdex carries it: codes, names, archives, groups, aliases and legacy archives.
 *
 * <p>The table ships in this library ({@code arxiv-taxonomy.tsv} and {@code arxiv-category-aliases.tsv} next to this
 * class) so that checking and searching categories works offline; it is read once, on the first {@link #get()}.
 * The instance is immutable and safe to share between threads.
 *
 * <pre>{@code
 * ArxivTaxonomy taxonomy = ArxivTaxonomy.get();
 * taxonomy.category("cs.DC").map(Category::name);     // "Distributed, Parallel, and Cluster Computing"
 * taxonomy.canonical("math.MP");                      // "math-ph"
 * taxonomy.matchingName("distributed");               // [cs.DC]
 * }</pre>
 *
 * <p>Codes are case-sensitive, as arXiv's are ({@code cs.dc} is not a category), but white space around them is
 * ignored. Names are matched ignoring case, accents and punctuation.
 */
public final class ArxivTaxonomy {

  static final String TABLE_RESOURCE = "arxiv-taxonomy.tsv";
  static final String ALIAS_RESOURCE = "arxiv-category-aliases.tsv";

  private static final List<String> TABLE_HEADER =
      List.of("code", "name", "archive", "archive_name", "group", "group_name", "active", "subsumed_by");
  private static final List<String> ALIAS_HEADER = List.of("alias", "canonical");

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Every category in table order. */
  private final List<Category> all;
  private final Map<String, Category> byCode;
  private final Map<String, List<Category>> byArchive;
  /** Alias code to canonical code. */
  private final Map<String, String> canonicalOf;
  /** Canonical code to every code for it, canonical first. */
  private final Map<String, List<String>> codesOf;
  /** Legacy code to the code of the category that took it over. */
  private final Map<String, String> successorOf;
  /**
   * Each category with its name as {@link #normalize(String)} makes it, in table order; made on the first
   * {@link #matchingName}, as folding the names takes a search by category code (the usual one) some 10 ms of its
   * start-up for nothing: the Unicode normaliser's tables and every name through three patterns. Any thread may make
   * it, and each makes the same list.
   */
  private volatile List<NamedCategory> normalizedNames;

  private ArxivTaxonomy(List<Category> all, Map<String, String> successorOf, Map<String, String> canonicalOf) {
    this.all = List.copyOf(all);
    Map<String, Category> codes = new LinkedHashMap<>();
    Map<String, List<Category>> archives = new LinkedHashMap<>();
    for (Category category : all) {
      codes.put(category.code(), category);
      archives.computeIfAbsent(category.archive(), archive -> new ArrayList<>()).add(category);
    }
    Map<String, List<String>> equivalents = new LinkedHashMap<>();
    canonicalOf.forEach((alias, canonical) ->
        equivalents.computeIfAbsent(canonical, code -> new ArrayList<>(List.of(code))).add(alias));
    this.byCode = Map.copyOf(codes);
    this.byArchive = copyOfLists(archives);
    this.canonicalOf = Map.copyOf(canonicalOf);
    this.codesOf = copyOfLists(equivalents);
    this.successorOf = Map.copyOf(successorOf);
  }

  /** A category and its folded name, so that matching does not fold every name again on each call. */
  private record NamedCategory(Category category, String normalizedName) {}

  /** Lazy holder: the tables are read on the first {@link #get()}, once, with the JVM's class-initialisation lock. */
  private static final class Holder {
    static final ArxivTaxonomy INSTANCE = loadResources();
  }

  /**
   * The taxonomy shipped with paperdex, read on first use.
   *
   * @throws IllegalStateException when the bundled tables are missing or malformed (a broken build, not bad input)
   */
  public static ArxivTaxonomy get() {
    return Holder.INSTANCE;
  }

  /**
   * The category with this code, after resolving an alias to its canonical category ({@code math.MP} gives the
   * {@code math-ph} category). Empty for an unknown code or {@code null}.
   */
  public Optional<Category> category(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String stripped = code.strip();
    return Optional.ofNullable(byCode.get(canonicalOf.getOrDefault(stripped, stripped)));
  }

  /**
   * The canonical code for this one: an alias becomes the code paperdex stores ({@code cs.NA} gives {@code math.NA}),
   * a known code comes back without surrounding space, and an unknown code (or {@code null}) comes back unchanged so
   * that callers can pass any input through.
   */
  public String canonical(String code) {
    return category(code).map(Category::code).orElse(code);
  }

  /** Whether this is a category code arXiv uses or used, aliases and legacy codes included. */
  public boolean isKnown(String code) {
    return category(code).isPresent();
  }

  /**
   * Every code arXiv uses for the same category as this one, canonical first: {@code math.MP} and {@code math-ph}
   * both give {@code [math-ph, math.MP]}, a code without aliases gives just itself, an unknown code nothing. A search
   * for one category should match papers tagged with any of them.
   */
  public List<String> equivalentCodes(String code) {
    return category(code).map(category -> codesOf.getOrDefault(category.code(), List.of(category.code())))
        .orElse(List.of());
  }

  /**
   * The category that took over a legacy archive ({@code chao-dyn} gives {@code nlin.CD}); empty for a code that
   * was not subsumed, or an unknown one.
   */
  public Optional<Category> successor(String code) {
    return category(code).map(category -> successorOf.get(category.code())).map(byCode::get);
  }

  /**
   * The categories of an archive, in table order: {@code cs} (or {@code cs.*}) gives every {@code cs.XX} including
   * the alias codes {@code cs.NA} and {@code cs.SY}; {@code hep-th} gives just {@code hep-th}. Empty for an unknown
   * archive or {@code null}.
   */
  public List<Category> inArchive(String archive) {
    if (archive == null) {
      return List.of();
    }
    String stripped = archive.strip();
    if (stripped.endsWith(".*")) {
      stripped = stripped.substring(0, stripped.length() - 2);
    }
    return byArchive.getOrDefault(stripped, List.of());
  }

  /**
   * The categories a full name or the start of one names, ignoring case, accents and punctuation.
   *
   * <p>A name that equals a category's full name gives only the categories with exactly that name ({@code Logic}
   * gives {@code math.LO}, not also {@code cs.LO} "Logic in Computer Science"); otherwise every category whose name
   * starts with the text is returned, so a caller can tell "unique", "ambiguous: …" and "none" apart. Aliases count
   * once, as their canonical category ("Numerical Analysis" gives {@code math.NA} only), and a legacy archive is
   * left out when its successor also matches ("Chaotic Dynamics" gives {@code nlin.CD}, not {@code chao-dyn}). Blank
   * text or {@code null} matches nothing.
   */
  public List<Category> matchingName(String nameOrPrefix) {
    if (nameOrPrefix == null) {
      return List.of();
    }
    String wanted = normalize(nameOrPrefix);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<Category> exact = new ArrayList<>();
    List<Category> prefixed = new ArrayList<>();
    for (NamedCategory named : normalizedNames()) {
      if (named.normalizedName().equals(wanted)) {
        exact.add(named.category());
      } else if (named.normalizedName().startsWith(wanted)) {
        prefixed.add(named.category());
      }
    }
    return collapse(exact.isEmpty() ? prefixed : exact);
  }

  private List<NamedCategory> normalizedNames() {
    List<NamedCategory> names = normalizedNames;
    if (names == null) {
      List<NamedCategory> made = new ArrayList<>(all.size());
      for (Category category : all) {
        made.add(new NamedCategory(category, normalize(category.name())));
      }
      names = List.copyOf(made);
      normalizedNames = names;
    }
    return names;
  }

  /** Every category in the table, in table order (by code), aliases and inactive legacy categories included. */
  public List<Category> all() {
    return all;
  }

  /** Maps aliases to their canonical category and drops legacy codes whose successor is in the list too. */
  private List<Category> collapse(List<Category> matches) {
    Set<Category> canonical = new LinkedHashSet<>();
    for (Category match : matches) {
      canonical.add(byCode.get(canonicalOf.getOrDefault(match.code(), match.code())));
    }
    canonical.removeIf(category -> {
      String successor = successorOf.get(category.code());
      return successor != null && canonical.contains(byCode.get(canonicalOf.getOrDefault(successor, successor)));
    });
    return List.copyOf(canonical);
  }

  /**
   * Folds a name for matching: no accents, lower case, and every run of punctuation or space as one space, so that
   * "high energy physics theory" finds "High Energy Physics - Theory".
   */
  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    return NOT_LETTER_OR_DIGIT.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static ArxivTaxonomy loadResources() {
    try (BufferedReader table = open(TABLE_RESOURCE); BufferedReader aliases = open(ALIAS_RESOURCE)) {
      return read(table, aliases);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read paperdex's arXiv taxonomy", e);
    }
  }

  private static BufferedReader open(String resource) {
    InputStream in = ArxivTaxonomy.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("paperdex's arXiv taxonomy is missing from the jar: " + resource);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * Reads a taxonomy from the two tables' text. Package-private so that tests can feed a broken table; the checks
   * are strict because the tables ship in the jar, so any problem is a build mistake that should fail loudly.
   */
  static ArxivTaxonomy read(BufferedReader table, BufferedReader aliases) throws IOException {
    List<Category> categories = new ArrayList<>();
    Map<String, Category> codes = new LinkedHashMap<>();
    Map<String, String> successors = new LinkedHashMap<>();
    for (Row row : rows(table, TABLE_RESOURCE, TABLE_HEADER, 7)) {
      List<String> f = row.fields();
      for (int i = 0; i < 6; i++) {
        if (f.get(i).isBlank()) {
          throw row.problem("column " + TABLE_HEADER.get(i) + " is empty");
        }
      }
      if (!f.get(6).equals("true") && !f.get(6).equals("false")) {
        throw row.problem("active must be true or false, not '" + f.get(6) + "'");
      }
      Category category = new Category(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
          Boolean.parseBoolean(f.get(6)));
      if (codes.putIfAbsent(category.code(), category) != null) {
        throw row.problem("code " + category.code() + " appears twice");
      }
      categories.add(category);
      if (f.size() > 7 && !f.get(7).isBlank()) {
        successors.put(category.code(), f.get(7));
      }
    }
    successors.forEach((legacy, successor) -> {
      if (!codes.containsKey(successor)) {
        throw new IllegalStateException(TABLE_RESOURCE + ": " + legacy + " is subsumed by unknown " + successor);
      }
    });

    Map<String, String> canonicalOf = new LinkedHashMap<>();
    for (Row row : rows(aliases, ALIAS_RESOURCE, ALIAS_HEADER, 2)) {
      String alias = row.fields().get(0);
      String canonical = row.fields().get(1);
      // Both codes must be real categories: arXiv lists papers under either, so the table needs both names.
      if (!codes.containsKey(alias) || !codes.containsKey(canonical)) {
        throw row.problem("alias " + alias + " = " + canonical + " names a code that is not in " + TABLE_RESOURCE);
      }
      if (alias.equals(canonical) || canonicalOf.putIfAbsent(alias, canonical) != null) {
        throw row.problem("alias " + alias + " is given twice or points to itself");
      }
    }
    for (Map.Entry<String, String> alias : canonicalOf.entrySet()) {
      // One step always reaches the canonical code; chains would make lookups depend on table order.
      if (canonicalOf.containsKey(alias.getValue())) {
        throw new IllegalStateException(ALIAS_RESOURCE + ": " + alias.getKey() + " points to another alias, "
            + alias.getValue());
      }
    }
    return new ArxivTaxonomy(categories, successors, canonicalOf);
  }

  /** One data line of a table, with its line number for messages. */
  private record Row(String resource, int line, List<String> fields) {
    IllegalStateException problem(String what) {
      return new IllegalStateException(resource + " line " + line + ": " + what);
    }
  }

  /**
   * The data lines of a tab-separated table: comments and blank lines skipped, the header checked, each row holding
   * at least {@code required} and at most {@code header.size()} columns.
   */
  private static List<Row> rows(BufferedReader in, String resource, List<String> header, int required)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    boolean seenHeader = false;
    int number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = List.of(line.split("\t", -1));
      Row row = new Row(resource, number, fields);
      if (!seenHeader) {
        if (!fields.equals(header.subList(0, Math.min(fields.size(), header.size())))
            || fields.size() < required) {
          throw row.problem("expected the header " + String.join(" ", header) + ", found " + line);
        }
        seenHeader = true;
        continue;
      }
      if (fields.size() < required || fields.size() > header.size()) {
        throw row.problem("expected " + required + " to " + header.size() + " tab-separated columns, found "
            + fields.size());
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException(resource + " has no rows");
    }
    return rows;
  }

  private static <K, V> Map<K, List<V>> copyOfLists(Map<K, List<V>> lists) {
    Map<K, List<V>> copy = new LinkedHashMap<>();
    lists.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Map.copyOf(copy);
  }
}
