package dev.paperdex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.paperdex.cli.output.JsonWriter;
import dev.paperdex.searcher.Facets;
import dev.paperdex.searcher.IndexInfo;
import dev.paperdex.searcher.PaperSearcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperdex stats}: what the index holds. */
@Command(name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show what the index holds: papers, schema version, when and by which paperdex it was built, the "
        + "source files it was built from, and counts by year, category, archive and author.",
    footer = {"", "Examples:",
        "  paperdex stats",
        "  paperdex stats --top 20 --json"})
final class StatsCommand implements Callable<Integer> {

  @ParentCommand
  private PaperdexCommand parent;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many values of each count to show (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--json", description = "Print the statistics as one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be 1 or more, not " + top);
    }
    Path index = parent.indexLocation().path();
    IndexInfo info;
    try (PaperSearcher searcher = PaperSearcher.openForOneShot(index)) {
      info = searcher.info(top);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try (JsonGenerator generator = JsonWriter.indented(out)) {
        generator.writeStartObject();
        generator.writeStringField("index", index.toString());
        generator.writeNumberField("papers", info.papers());
        generator.writeNumberField("schema_version", info.schemaVersion());
        generator.writeStringField("created", info.created() == null ? null : info.created().toString());
        generator.writeStringField("committed", info.committed() == null ? null : info.committed().toString());
        generator.writeStringField("paperdex_version", info.paperdexVersion());
        generator.writeArrayFieldStart("sources");
        for (IndexInfo.Source source : info.sources()) {
          generator.writeStartObject();
          generator.writeStringField("path", source.path());
          generator.writeNumberField("size", source.size());
          generator.writeStringField("modified", source.modified().toString());
          generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeFieldName("counts");
        JsonWriter.facets(generator, info.counts());
        generator.writeEndObject();
      }
      out.println();
      return 0;
    }
    int width = parent.terminal().columns();
    out.printf("%-12s %s%n", "Index", index);
    out.printf("%-12s %,d%n", "Papers", info.papers());
    out.printf("%-12s %d%n", "Schema", info.schemaVersion());
    if (info.created() != null) {
      out.printf("%-12s %s%n", "Built", info.created().truncatedTo(ChronoUnit.SECONDS));
    }
    if (info.committed() != null) {
      out.printf("%-12s %s%s%n", "Committed", info.committed().truncatedTo(ChronoUnit.SECONDS),
          info.paperdexVersion() == null ? "" : " by paperdex " + info.paperdexVersion());
    }
    sources(out, info.sources());
    counts(out, width, "Years", info.counts().years());
    counts(out, width, "Categories", info.counts().categories());
    counts(out, width, "Archives", info.counts().archives());
    counts(out, width, "Authors", info.counts().authors());
    return 0;
  }

  /** The number and size of the source files, then the first {@code top} of them. */
  private void sources(PrintWriter out, List<IndexInfo.Source> sources) {
    if (sources.isEmpty()) {
      return;
    }
    long bytes = sources.stream().mapToLong(IndexInfo.Source::size).sum();
    out.printf("%-12s %,d %s, %s%n", "Sources", sources.size(), sources.size() == 1 ? "file" : "files", size(bytes));
    for (IndexInfo.Source source : sources.subList(0, Math.min(top, sources.size()))) {
      out.printf("%-12s %s  (%s, modified %s)%n", "", source.path(), size(source.size()),
          source.modified().truncatedTo(ChronoUnit.SECONDS));
    }
    if (sources.size() > top) {
      out.printf("%-12s … and %,d more (--json lists them all)%n", "", sources.size() - top);
    }
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String units = "KMGT";
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length() - 1) {
      value /= 1024;
      unit++;
    }
    return String.format("%.1f %sB", value, units.charAt(unit));
  }

  private static void counts(PrintWriter out, int width, String name, List<Facets.Count> counts) {
    if (!counts.isEmpty()) {
      Wrapping.printLabelled(out, name, 13, Wrapping.counts(counts), width);
    }
  }
}
