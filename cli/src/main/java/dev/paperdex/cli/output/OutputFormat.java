package dev.paperdex.cli.output;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The forms paperdex prints papers in: {@code text} for people, the rest for other programs. */
public enum OutputFormat {
  TEXT, JSON, JSONL, CSV, TSV, BIBTEX, IDS;

  /**
   * The writer of a machine format; empty for {@code text}, which the commands print themselves. Made when asked for,
   * so that a search printed as text loads no JSON or CSV classes.
   */
  public Optional<PaperWriter> writer() {
    return Optional.ofNullable(switch (this) {
      case TEXT -> null;
      case JSON -> new JsonWriter(false);
      case JSONL -> new JsonWriter(true);
      case CSV -> new CsvWriter();
      case TSV -> new TsvWriter();
      case BIBTEX -> new BibtexWriter();
      case IDS -> new IdsWriter();
    });
  }

  /** The name a user types: {@code json}, {@code bibtex}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every format's name, in order, separated by {@code separator}. */
  static String labels(String separator) {
    return Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(separator));
  }

  /** Reads a format name in any case, for {@code --format}. */
  public static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : values()) {
        if (format.label().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use " + labels(", "));
    }
  }

  /** The format names, for shell completion and help. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(OutputFormat::label).iterator();
    }
  }
}
