package dev.paperdex.searcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArxivTaxonomyTest {

  private final ArxivTaxonomy taxonomy = ArxivTaxonomy.get();

  private static List<String> codes(List<Category> categories) {
    return categories.stream().map(Category::code).toList();
  }

  // --- lookups ---

  @Test
  void aCodeGivesItsNameArchiveAndGroup() {
    Category dc = taxonomy.category("cs.DC").orElseThrow();

    assertThat(dc).isEqualTo(new Category("cs.DC", "Distributed, Parallel, and Cluster Computing", "cs",
        "Computer Science", "cs", "Computer Science", true));
    assertThat(dc.label()).isEqualTo("cs.DC (Distributed, Parallel, and Cluster Computing)");
    assertThat(taxonomy.category("cs.LG").orElseThrow().name()).isEqualTo("Machine Learning");
    assertThat(taxonomy.category("hep-th").orElseThrow())
        .extracting(Category::archive, Category::group, Category::groupName, Category::active)
        .containsExactly("hep-th", "physics", "Physics", true);
    assertThat(taxonomy.category("cond-mat.str-el").orElseThrow().archiveName()).isEqualTo("Condensed Matter");
    assertThat(taxonomy.category("eess.SP").orElseThrow().groupName())
        .isEqualTo("Electrical Engineering and Systems Science");
  }

  @Test
  void codesAreCaseSensitiveButSurroundingSpaceIsIgnored() {
    assertThat(taxonomy.category("  cs.DC\t")).map(Category::code).hasValue("cs.DC");
    assertThat(taxonomy.canonical(" cs.DC ")).isEqualTo("cs.DC");
    assertThat(taxonomy.category("cs.dc")).isEmpty();
    assertThat(taxonomy.category("CS.DC")).isEmpty();
    assertThat(taxonomy.isKnown("Hep-Th")).isFalse();
  }

  @Test
  void unknownCodesAreUnknownAndPassThroughCanonicalUnchanged() {
    assertThat(taxonomy.category("cs.XX")).isEmpty();
    assertThat(taxonomy.category("")).isEmpty();
    assertThat(taxonomy.category(null)).isEmpty();
    assertThat(taxonomy.isKnown("na")).isFalse();
    assertThat(taxonomy.isKnown("cs")).as("an archive is not a category").isFalse();
    assertThat(taxonomy.isKnown("physics")).as("arXiv never used bare 'physics' as a category").isFalse();
    assertThat(taxonomy.canonical(" 68T05 ")).isEqualTo(" 68T05 ");
    assertThat(taxonomy.canonical(null)).isNull();
    assertThat(taxonomy.equivalentCodes("cs.XX")).isEmpty();
    assertThat(taxonomy.successor("cs.XX")).isEmpty();
  }

  // --- aliases ---

  @Test
  void anAliasResolvesToItsCanonicalCategory() {
    assertThat(taxonomy.canonical("math.MP")).isEqualTo("math-ph");
    assertThat(taxonomy.canonical("stat.TH")).isEqualTo("math.ST");
    assertThat(taxonomy.canonical("math.IT")).isEqualTo("cs.IT");
    assertThat(taxonomy.canonical("q-fin.EC")).isEqualTo("econ.GN");
    assertThat(taxonomy.canonical("cs.SY")).isEqualTo("eess.SY");
    assertThat(taxonomy.canonical("cs.NA")).isEqualTo("math.NA");
    assertThat(taxonomy.category("cs.NA")).map(Category::code).hasValue("math.NA");
    assertThat(taxonomy.isKnown("math.MP")).isTrue();
  }

  @Test
  void aCanonicalCodeStaysAndKnowsItsAliases() {
    assertThat(taxonomy.canonical("math-ph")).isEqualTo("math-ph");
    assertThat(taxonomy.canonical("eess.SY")).isEqualTo("eess.SY");
    assertThat(taxonomy.equivalentCodes("math-ph")).containsExactly("math-ph", "math.MP");
    assertThat(taxonomy.equivalentCodes("math.MP")).containsExactly("math-ph", "math.MP");
    assertThat(taxonomy.equivalentCodes("econ.GN")).containsExactly("econ.GN", "q-fin.EC");
    assertThat(taxonomy.equivalentCodes("cs.DC")).containsExactly("cs.DC");
  }

  // --- legacy archives and bare archives ---

  @Test
  void legacyArchivesAreInactiveCategoriesWithASuccessor() {
    Map<String, String> successors = Map.ofEntries(Map.entry("acc-phys", "physics.acc-ph"),
        Map.entry("adap-org", "nlin.AO"), Map.entry("alg-geom", "math.AG"), Map.entry("ao-sci", "physics.ao-ph"),
        Map.entry("atom-ph", "physics.atom-ph"), Map.entry("bayes-an", "physics.data-an"),
        Map.entry("chao-dyn", "nlin.CD"), Map.entry("chem-ph", "physics.chem-ph"), Map.entry("cmp-lg", "cs.CL"),
        Map.entry("comp-gas", "nlin.CG"), Map.entry("dg-ga", "math.DG"), Map.entry("funct-an", "math.FA"),
        Map.entry("mtrl-th", "cond-mat.mtrl-sci"), Map.entry("patt-sol", "nlin.PS"),
        Map.entry("plasm-ph", "physics.plasm-ph"), Map.entry("q-alg", "math.QA"), Map.entry("solv-int", "nlin.SI"),
        Map.entry("supr-con", "cond-mat.supr-con"));

    successors.forEach((legacy, successor) -> {
      Category category = taxonomy.category(legacy).orElseThrow(() -> new AssertionError(legacy + " unknown"));
      assertThat(category.active()).as(legacy).isFalse();
      assertThat(category.archive()).as(legacy).isEqualTo(legacy);
      assertThat(taxonomy.successor(legacy)).as(legacy).map(Category::code).hasValue(successor);
    });
    assertThat(taxonomy.category("cmp-lg").orElseThrow().group()).isEqualTo("cs");
    assertThat(taxonomy.category("q-alg").orElseThrow().group()).isEqualTo("math");
    assertThat(taxonomy.successor("nlin.CD")).isEmpty();
  }

  @Test
  void bareArchivesUsedAsCategoriesAreKnown() {
    for (String code : List.of("astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph",
        "nucl-ex", "nucl-th", "quant-ph", "q-bio")) {
      Category category = taxonomy.category(code).orElseThrow(() -> new AssertionError(code + " unknown"));
      assertThat(category.archive()).as(code).isEqualTo(code);
    }
    // Split archives: the bare code survives on old papers only.
    assertThat(taxonomy.category("astro-ph").orElseThrow().active()).isFalse();
    assertThat(taxonomy.category("cond-mat").orElseThrow().active()).isFalse();
    assertThat(taxonomy.category("quant-ph").orElseThrow().active()).isTrue();
  }

  // --- archives ---

  @Test
  void anArchiveListsItsCategories() {
    List<Category> cs = taxonomy.inArchive("cs");

    assertThat(cs).hasSize(40).allSatisfy(category -> assertThat(category.code()).startsWith("cs."));
    assertThat(codes(cs)).contains("cs.DC", "cs.LG", "cs.NA", "cs.SY").doesNotContain("cmp-lg");
    assertThat(taxonomy.inArchive("cs.*")).isEqualTo(cs);
    assertThat(taxonomy.inArchive(" cs ")).isEqualTo(cs);
    assertThat(codes(taxonomy.inArchive("astro-ph"))).containsExactly("astro-ph", "astro-ph.CO", "astro-ph.EP",
        "astro-ph.GA", "astro-ph.HE", "astro-ph.IM", "astro-ph.SR");
    assertThat(codes(taxonomy.inArchive("hep-th"))).containsExactly("hep-th");
    assertThat(taxonomy.inArchive("math")).hasSize(32);
    assertThat(taxonomy.inArchive("physics")).hasSize(22);
    assertThat(taxonomy.inArchive("nlin")).hasSize(5);
  }

  @Test
  void anUnknownArchiveHasNoCategories() {
    assertThat(taxonomy.inArchive("bio")).isEmpty();
    assertThat(taxonomy.inArchive("CS")).isEmpty();
    assertThat(taxonomy.inArchive("cs.DC")).isEmpty();
    assertThat(taxonomy.inArchive(null)).isEmpty();
  }

  // --- names ---

  @Test
  void anExactNameGivesItsCategory() {
    assertThat(codes(taxonomy.matchingName("Distributed, Parallel, and Cluster Computing"))).containsExactly("cs.DC");
    // An exact name wins over longer names that start with it.
    assertThat(codes(taxonomy.matchingName("Logic"))).containsExactly("math.LO");
    assertThat(codes(taxonomy.matchingName("Quantum Algebra"))).containsExactly("math.QA");
  }

  @Test
  void aUniquePrefixGivesItsCategory() {
    assertThat(codes(taxonomy.matchingName("Distributed"))).containsExactly("cs.DC");
    assertThat(codes(taxonomy.matchingName("cosmology"))).containsExactly("astro-ph.CO");
    assertThat(codes(taxonomy.matchingName("Human-Comp"))).containsExactly("cs.HC");
  }

  @Test
  void anAmbiguousPrefixGivesEveryCandidate() {
    assertThat(codes(taxonomy.matchingName("Computational"))).containsExactly("cs.CC", "cs.CE", "cs.CG",
        "physics.comp-ph", "q-fin.CP");
    assertThat(codes(taxonomy.matchingName("Machine Learning"))).containsExactly("cs.LG", "stat.ML");
  }

  @Test
  void namesIgnoreCaseAccentsAndPunctuation() {
    assertThat(codes(taxonomy.matchingName("distributed, parallel, and cluster computing"))).containsExactly("cs.DC");
    assertThat(codes(taxonomy.matchingName("DISTRIBUTED PARALLEL AND CLUSTER COMPUTING"))).containsExactly("cs.DC");
    assertThat(codes(taxonomy.matchingName("Cosmólogy and Nongaláctic"))).containsExactly("astro-ph.CO");
    assertThat(codes(taxonomy.matchingName("high energy physics theory"))).containsExactly("hep-th");
    assertThat(codes(taxonomy.matchingName("  Géométrie"))).isEmpty();
  }

  @Test
  void aliasesAndLegacyArchivesDoNotMakeANameAmbiguous() {
    assertThat(codes(taxonomy.matchingName("Numerical Analysis"))).containsExactly("math.NA");
    assertThat(codes(taxonomy.matchingName("Mathematical Physics"))).containsExactly("math-ph");
    assertThat(codes(taxonomy.matchingName("Systems and Control"))).containsExactly("eess.SY");
    assertThat(codes(taxonomy.matchingName("Chaotic Dynamics"))).containsExactly("nlin.CD");
    assertThat(codes(taxonomy.matchingName("Superconductivity"))).containsExactly("cond-mat.supr-con");
    assertThat(codes(taxonomy.matchingName("Computation and Language"))).containsExactly("cs.CL");
    // A legacy archive whose name no current category shares is still found.
    assertThat(codes(taxonomy.matchingName("Bayesian"))).containsExactly("bayes-an");
  }

  @Test
  void noNameMatchesNothing() {
    assertThat(taxonomy.matchingName("Underwater Basket Weaving")).isEmpty();
    assertThat(taxonomy.matchingName("   ")).isEmpty();
    assertThat(taxonomy.matchingName(", -")).isEmpty();
    assertThat(taxonomy.matchingName(null)).isEmpty();
  }

  // --- the table as a whole ---

  @Test
  void theTableIsCompleteAndImmutable() {
    List<Category> all = taxonomy.all();

    assertThat(all).hasSize(176);
    assertThat(all.stream().filter(Category::active)).hasSize(155);
    assertThat(all.stream().map(Category::archive).distinct()).hasSize(38);
    assertThat(all.stream().map(Category::group).distinct())
        .containsExactlyInAnyOrder("physics", "math", "cs", "q-bio", "q-fin", "stat", "eess", "econ");
    assertThat(all.stream().filter(category -> taxonomy.successor(category.code()).isPresent())).hasSize(18);
    assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(Category::code));
    assertThatThrownBy(() -> all.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> taxonomy.inArchive("cs").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ArxivTaxonomy.get()).isSameAs(taxonomy);
  }

  @Test
  void manyThreadsSeeOneTaxonomy() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ArxivTaxonomy>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> {
          ArxivTaxonomy seen = ArxivTaxonomy.get();
          assertThat(seen.matchingName("Distributed")).hasSize(1);
          return seen;
        }));
      }
      Map<ArxivTaxonomy, Boolean> instances = new ConcurrentHashMap<>();
      for (Future<ArxivTaxonomy> future : futures) {
        instances.put(future.get(), true);
      }
      assertThat(instances).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBrokenTableFailsWithItsLine() {
    String header = "code\tname\tarchive\tarchive_name\tgroup\tgroup_name\tactive\tsubsumed_by\n";
    String good = "cs.DC\tDistributed\tcs\tComputer Science\tcs\tComputer Science\ttrue\t\n";
    String aliases = "alias\tcanonical\n";

    assertThatThrownBy(() -> read(header + good + "cs.XX\tX\tcs\tCS\tcs\tCS\tmaybe\n", aliases))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3").hasMessageContaining("maybe");
    assertThatThrownBy(() -> read(header + good + good, aliases))
        .hasMessageContaining("line 3").hasMessageContaining("twice");
    assertThatThrownBy(() -> read("# comment\n" + header + "cs.DC\tDistributed\n", aliases))
        .hasMessageContaining("line 3").hasMessageContaining("columns");
    assertThatThrownBy(() -> read(header + "old\tOld\told\tOld\tcs\tCS\tfalse\tcs.ZZ\n", aliases))
        .hasMessageContaining("unknown cs.ZZ");
    assertThatThrownBy(() -> read(header + good, aliases + "cs.NA\tmath.NA\n"))
        .hasMessageContaining(ArxivTaxonomy.ALIAS_RESOURCE + " line 2");
    assertThatThrownBy(() -> read("code\tname\n" + good, aliases)).hasMessageContaining("header");
    assertThatThrownBy(() -> read(header, aliases + "a\tb\n")).hasMessageContaining("no rows");
  }

  private static ArxivTaxonomy read(String table, String aliases) throws IOException {
    return ArxivTaxonomy.read(new BufferedReader(new StringReader(table)),
        new BufferedReader(new StringReader(aliases)));
  }

  // --- comparison with arXiv's own definitions, when ../shared is here ---

  private static Path sharedTaxonomy(String file) {
    String shared = System.getProperty("paperdex.shared");
    Path path = shared == null ? null : Path.of(shared, "data", "taxonomy", file);
    if (path == null || !Files.isRegularFile(path)) {
      Assumptions.assumeTrue(false, "skipped: " + (path == null ? "paperdex.shared is not set" : path + " not here"));
    }
    return path;
  }

  @Test
  void everyCategoryOfArxivsTableIsOursWithTheSameNameArchiveAndGroup() throws IOException {
    Path path = sharedTaxonomy("arxiv-categories.tsv");
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    List<String> differences = new ArrayList<>();
    int rows = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      rows++;
      String[] fields = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < fields.length; i++) {
        row.put(header.get(i), fields[i]);
      }
      String code = row.get("id");
      // Look the row itself up, not its canonical: an alias such as cs.NA has its own name and archive.
      Category ours = taxonomy.all().stream().filter(category -> category.code().equals(code)).findFirst()
          .orElse(null);
      if (ours == null) {
        differences.add(code + ": missing (" + row.get("full_name") + ")");
        continue;
      }
      compare(differences, code, "name", row.get("full_name"), ours.name());
      compare(differences, code, "archive", row.get("archive"), ours.archive());
      compare(differences, code, "archive name", row.get("archive_name"), ours.archiveName());
      compare(differences, code, "group", row.get("group"), ours.group());
      compare(differences, code, "group name", row.get("group_name"), ours.groupName());
      compare(differences, code, "active", row.get("is_active"), String.valueOf(ours.active()));
    }
    assumeThat(rows).as("rows in " + path).isPositive();
    assertThat(differences).as("differences between our table and " + path + ":\n  "
        + String.join("\n  ", differences)).isEmpty();
  }

  private static void compare(List<String> differences, String code, String what, String theirs, String ours) {
    if (!Objects.equals(theirs, ours)) {
      differences.add(code + ": " + what + " is '" + ours + "' here, '" + theirs + "' in arXiv's table");
    }
  }

  @Test
  void everyAliasAndSubsumedArchiveOfArxivsDefinitionsIsOurs() throws IOException {
    Path path = sharedTaxonomy("arxiv-taxonomy.json");
    String json = Files.readString(path, StandardCharsets.UTF_8);
    Map<String, String> aliases = flatObject(json, "category_aliases");
    Map<String, String> subsumed = flatObject(json, "archives_subsumed");

    assertThat(aliases).as("category_aliases in " + path).isNotEmpty();
    assertThat(subsumed).as("archives_subsumed in " + path).isNotEmpty();
    List<String> differences = new ArrayList<>();
    aliases.forEach((alias, canonical) -> {
      if (!taxonomy.canonical(alias).equals(canonical)) {
        differences.add("alias " + alias + ": '" + taxonomy.canonical(alias) + "' here, '" + canonical + "' there");
      }
    });
    subsumed.forEach((legacy, successor) -> {
      String ours = taxonomy.successor(legacy).map(Category::code).orElse("none");
      if (!ours.equals(successor)) {
        differences.add("legacy " + legacy + ": succeeded by '" + ours + "' here, '" + successor + "' there");
      }
    });
    assertThat(differences).as("differences between our aliases and " + path + ":\n  "
        + String.join("\n  ", differences)).isEmpty();
  }

  /**
   * The string pairs of a flat JSON object, found by key. A regex is enough for these small objects of strings, and
   * this module has no JSON library.
   */
  private static Map<String, String> flatObject(String json, String key) {
    Matcher object = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\{([^{}]*)}").matcher(json);
    Map<String, String> pairs = new LinkedHashMap<>();
    if (object.find()) {
      Matcher pair = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"").matcher(object.group(1));
      while (pair.find()) {
        pairs.put(pair.group(1), pair.group(2));
      }
    }
    return pairs;
  }
}
