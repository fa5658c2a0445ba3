package dev.paperdex.cli;

import static dev.paperdex.cli.PaperdexCommand.addOption;
import static dev.paperdex.cli.PaperdexCommand.flag;
import static dev.paperdex.cli.PaperdexCommand.isSet;

import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.OtherSchemaException;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.SearchRequest;
import dev.paperdex.searcher.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code paperdex search QUERY}: ranked results with highlighted titles and abstract passages. */
final class SearchCommand implements Callable<Integer> {

  private final PaperdexCommand parent;
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("search");

  private final PositionalParamSpec query = PositionalParamSpec.builder().paramLabel("QUERY").arity("0..*")
      .type(List.class).auxiliaryTypes(String.class)
      .description("The query; several arguments are joined with spaces. May be left out when --cat, --since or "
          + "--until says what to list.").build();
  private final ResultOptions output = new ResultOptions().addTo(spec);
  private final OptionSpec offset = addOption(spec, OptionSpec.builder("--offset").paramLabel("N").type(int.class)
      .defaultValue("0").description("Skip the first N results, for the next page."));
  private final OptionSpec sort = addOption(spec, OptionSpec.builder("--sort").paramLabel("ORDER")
      .type(SearchRequest.Sort.class).defaultValue("relevance")
      .converters(new SortConverter()).completionCandidates(new SortChoices())
      .description("relevance (default), published (newest first) or updated (latest update first)."));
  private final OptionSpec since = addOption(spec, OptionSpec.builder("--since").paramLabel("DATE")
      .type(LocalDate.class).converters(new DayConverter.Since())
      .description("Only papers dated on or after DATE (2026, 2026-03 or 2026-03-24)."));
  private final OptionSpec until = addOption(spec, OptionSpec.builder("--until").paramLabel("DATE")
      .type(LocalDate.class).converters(new DayConverter.Until())
      .description("Only papers dated on or before DATE (2026, 2026-03 or 2026-03-24)."));
  private final OptionSpec dateField = addOption(spec, OptionSpec.builder("--date").paramLabel("WHICH")
      .type(SearchRequest.DateField.class).defaultValue("published").converters(new DateFieldConverter())
      .completionCandidates(new DateFieldChoices())
      .description("Which date --since and --until look at: published (version 1, default) or updated."));
  private final OptionSpec categories = addOption(spec, OptionSpec.builder("--cat").paramLabel("CATEGORY")
      .type(List.class).auxiliaryTypes(String.class)
      .description("Only papers in CATEGORY: a code (cs.DC), an archive (cs) or a name or the start of one "
          + "(\"Distributed, Parallel\"). Repeat for any of several."));
  private final OptionSpec primaryOnly = addOption(spec, flag("--primary")
      .description("--cat matches the primary category only, not cross-lists."));
  private final OptionSpec facets = addOption(spec, flag("--facets")
      .description("Also count the matching papers by category, archive, year and author."));
  private final OptionSpec explain = addOption(spec, flag("--explain")
      .description("Also print the query as paperdex understood it (on stderr); --verbose does too, with where the "
          + "time went."));

  SearchCommand(PaperdexCommand parent) {
    this.parent = parent;
    PaperdexCommand.withStandardHelp(spec);
    spec.addPositional(query);
    spec.usageMessage()
        .description("Search titles, authors and abstracts; every word must match somewhere, title matches count "
                + "most.",
            "Fields: ti: au: abs: co: jr: cat: primary: id: doi: rn: all: date:[…] updated:[…]; "
                + "AND OR ANDNOT NOT + - ( );",
            "\"phrases\"~slop, wildcards (transform*, colo?r) and fuzzy words (decodng~).",
            "With no index yet at the default location, the bundled data/ is indexed first.")
        .footer("", "Examples:",
            "  paperdex search \"speculative decoding\"",
            "  paperdex search '\"KV cache\" serving' --limit 3",
            "  paperdex search Hailo --format json",
            "  paperdex search 'ti:federated' --limit 50 --format bibtex > federated.bib",
            "  paperdex search 'au:guo' --format csv > guo.csv",
            "  paperdex search 'cache' --format ids | head -3",
            "  paperdex search 'au:del_maestro ANDNOT (ti:checkerboard OR ti:pyrochlore)'",
            "  paperdex search --cat cs.DC --since 2026-03 --sort published");
  }

  /** The command's definition. */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws Exception {
    output.check(spec.commandLine());
    int offset = this.offset.<Integer>getValue();
    LocalDate since = this.since.getValue();
    LocalDate until = this.until.getValue();
    List<String> query = valuesOf(this.query.getValue());
    List<String> categories = valuesOf(this.categories.getValue());
    if (offset < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--offset must be 0 or more, not " + offset);
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--since " + since + " is after --until " + until);
    }
    if (query.isEmpty() && categories.isEmpty() && since == null && until == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give a QUERY, or --cat, --since or --until to say what to list");
    }
    IndexLocation location = parent.indexLocation();
    PrintWriter err = spec.commandLine().getErr();
    buildBundledIndexIfMissing(location);
    SearchRequest request = SearchRequest.builder()
        .withQuery(String.join(" ", query))
        .withLimit(output.limit())
        .withOffset(offset)
        .withSort(sort.getValue())
        .withSince(since)
        .withUntil(until)
        .withDateField(dateField.getValue())
        .withCategories(categories)
        .withPrimaryOnly(isSet(primaryOnly))
        .withFacets(isSet(facets))
        .build();
    long start = System.nanoTime();
    try (PaperSearcher searcher = openSearcher(location)) {
      long opened = System.nanoTime();
      SearchResults results = searcher.search(request);
      if (isSet(explain) || parent.verbose()) {
        err.println("query: " + results.parsedQuery());
      }
      long searched = System.nanoTime();
      output.print(results, spec.commandLine(), parent.terminal());
      if (parent.verbose()) {
        err.printf(Locale.ROOT, "index: %s%ntime: opening the index %.0f ms, searching %.0f ms (highlighting "
                + "included), printing %.0f ms%n", location.path(), (opened - start) / 1e6, (searched - opened) / 1e6,
            (System.nanoTime() - searched) / 1e6);
      }
    }
    return 0;
  }

  /** The values of a list option or parameter, none when not given. */
  private static List<String> valuesOf(List<String> given) {
    return given == null ? List.of() : given;
  }

  /** Reads a sort order, in any case. */
  static final class SortConverter implements CommandLine.ITypeConverter<SearchRequest.Sort> {
    @Override
    public SearchRequest.Sort convert(String value) {
      try {
        return SearchRequest.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not an order: use relevance, published "
            + "or updated");
      }
    }
  }

  /** The orders, as users type them, for completion (picocli would offer the enum's names, in capitals). */
  static final class SortChoices implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return lowerCaseNames(SearchRequest.Sort.values());
    }
  }

  /** The dates filters can look at, as users type them, for completion. */
  static final class DateFieldChoices implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return lowerCaseNames(SearchRequest.DateField.values());
    }
  }

  private static Iterator<String> lowerCaseNames(Enum<?>[] values) {
    return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).iterator();
  }

  /** Reads which date filters look at, in any case. */
  static final class DateFieldConverter implements CommandLine.ITypeConverter<SearchRequest.DateField> {
    @Override
    public SearchRequest.DateField convert(String value) {
      try {
        return SearchRequest.DateField.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date: use published or updated");
      }
    }
  }

  /** A first search at the default location indexes the bundled data, so that paperdex works out of the box. */
  private void buildBundledIndexIfMissing(IndexLocation location) throws Exception {
    if (!location.isDefault() || indexExists(location.path()) || !parent.env().hasBundledData()) {
      return;
    }
    indexBundledData(location.path(), false,
        "no index at " + location.path() + " yet; indexing the bundled " + parent.env().bundledData() + " first");
  }

  /** Indexes the bundled data into {@code index}, saying why first and how it went after, on the notes' stream. */
  private void indexBundledData(Path index, boolean rebuild, String why) throws Exception {
    PrintWriter notes = parent.notes(spec.commandLine());
    notes.println("paperdex: " + why);
    notes.println("paperdex: " + IndexCommand.run(index, List.of(parent.env().bundledData()), false, rebuild,
        parent.indexProgress(spec.commandLine(), true)).summary());
  }

  /**
   * The searcher for the index, which is first rebuilt when it is the default index and an older paperdex built it
   * from the bundled data alone: a rebuild loses nothing then, and a user who never chose an index need not learn how
   * to rebuild one. Any other index of another schema is the user's to rebuild, and the error says how.
   */
  private PaperSearcher openSearcher(IndexLocation location) throws Exception {
    try {
      return parent.openSearcher(location.path());
    } catch (OtherSchemaException e) {
      if (!location.isDefault() || !builtFromBundledDataAlone(e.sources())) {
        throw e;
      }
      indexBundledData(location.path(), true,
          "the index at " + location.path() + " was built by an older paperdex from the bundled data; rebuilding it");
      return PaperSearcher.openForOneShot(location.path());
    }
  }

  private boolean builtFromBundledDataAlone(List<IndexInfo.Source> sources) {
    if (sources.isEmpty() || !parent.env().hasBundledData()) {
      return false;
    }
    Path data = parent.env().bundledData().toAbsolutePath().normalize();
    return sources.stream().allMatch(source -> Path.of(source.path()).toAbsolutePath().normalize().startsWith(data));
  }

  private static boolean indexExists(Path dir) throws IOException {
    if (!dir.toFile().isDirectory()) {
      return false;
    }
    try (Directory directory = new NIOFSDirectory(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }
}
