package dev.paperdex.cli;

import dev.paperdex.cli.output.PaperWriter;
import dev.paperdex.searcher.ArxivTaxonomy;
import dev.paperdex.searcher.Category;
import dev.paperdex.searcher.Paper;
import dev.paperdex.searcher.PaperSearcher;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code paperdex show ID}: the whole record of one paper. */
final class ShowCommand implements Callable<Integer> {

  /** What may surround a bare id: an abs or pdf URL, {@code arXiv:}, a version, {@code .pdf}. */
  private static final Pattern ID_DECORATION = Pattern.compile(
      "^(?:https?://(?:export\\.)?arxiv\\.org/(?:abs|pdf)/|arxiv:)|(?:v\\d+)?(?:\\.pdf)?$", Pattern.CASE_INSENSITIVE);

  private final PaperdexCommand parent;
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("show");
  private final PositionalParamSpec id = idParameter(spec);
  private final ResultOptions.FormatOption output = new ResultOptions.FormatOption().addTo(spec);

  ShowCommand(PaperdexCommand parent) {
    this.parent = parent;
    PaperdexCommand.withStandardHelp(spec);
    spec.usageMessage()
        .description("Show everything the index holds about one paper.")
        .footer("", "Examples:",
            "  paperdex show 2603.23640",
            "  paperdex show arXiv:hep-th/9901001v2 --format json",
            "  paperdex show 2603.23640 --format bibtex >> refs.bib",
            "  paperdex show https://arxiv.org/abs/2603.23640");
  }

  /** Adds the paper id parameter {@code show} and {@code similar} take to {@code command}. */
  static PositionalParamSpec idParameter(CommandSpec command) {
    PositionalParamSpec id = PositionalParamSpec.builder().paramLabel("ID").required(true).type(String.class)
        .description("The arXiv id, with or without version, arXiv: or the abs URL.").build();
    command.addPositional(id);
    return id;
  }

  /** The command's definition. */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws Exception {
    output.check(spec.commandLine());
    String bare = bareId(id.getValue());
    try (PaperSearcher searcher = parent.openSearcher(parent.indexLocation().path())) {
      Optional<Paper> paper = searcher.get(bare);
      if (paper.isEmpty()) {
        spec.commandLine().getErr().println("paperdex: no paper " + bare + " in the index");
        return PaperdexCommand.EXIT_FAILURE;
      }
      PrintWriter out = spec.commandLine().getOut();
      Optional<PaperWriter> writer = output.format().writer();
      if (writer.isPresent()) {
        writer.get().writePaper(paper.get(), out);
      } else {
        print(paper.get(), out, parent.terminal().columns());
      }
    }
    return 0;
  }

  /** The bare id in what a user may paste: {@code arXiv:2603.23640v2}, an abs or pdf URL, a plain id. */
  static String bareId(String text) {
    return ID_DECORATION.matcher(text.strip()).replaceAll("");
  }

  private static void print(Paper paper, PrintWriter out, int columns) {
    out.println(paper.versionedId() + (paper.withdrawn() ? "  (withdrawn)" : ""));
    out.println(paper.title());
    out.println();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Authors", String.join(", ", paper.authors())});
    facts.add(new String[] {"Categories", categories(paper.categories())});
    facts.add(new String[] {"Published", day(paper.published())});
    facts.add(new String[] {"Updated", day(paper.updated())});
    facts.add(new String[] {"DOI", paper.doi()});
    facts.add(new String[] {"Journal ref", paper.journalRef()});
    facts.add(new String[] {"Comments", paper.comments()});
    facts.add(new String[] {"Report no", paper.reportNumber()});
    facts.add(new String[] {"MSC class", paper.mscClass()});
    facts.add(new String[] {"ACM class", paper.acmClass()});
    facts.add(new String[] {"Licence", paper.license()});
    facts.add(new String[] {"Source", paper.source()});
    for (String[] fact : facts) {
      if (fact[1] != null && !fact[1].isEmpty()) {
        Wrapping.printLabelled(out, fact[0], 14, fact[1], columns);
      }
    }
    if (paper.abstractText() != null) {
      out.println();
      Wrapping.wrap(paper.abstractText(), columns).forEach(out::println);
    }
  }

  private static String categories(List<String> codes) {
    List<String> named = new ArrayList<>();
    for (String code : codes) {
      named.add(ArxivTaxonomy.get().category(code).map(Category::label).orElse(code));
    }
    return String.join("; ", named);
  }

  private static String day(Instant instant) {
    return instant == null ? null : instant.toString().substring(0, 10);
  }
}
