package dev.paperdex.cli.output;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The forms paperdex prints papers in: {@code text} for people, the rest for other programs. */
public enum OutputFormat {
  TEXT(null),
  JSON(new JsonWriter(false)),
  JSONL(new JsonWriter(true)),
  CSV(new CsvWriter()),
  TSV(new TsvWriter()),
  BIBTEX(new BibtexWriter()),
  IDS(new IdsWriter());

  private final PaperWriter writer;

  OutputFormat(PaperWriter writer) {
    this.writer = writer;
  }

  /** The writer of a machine format; empty for {@code text}, which the commands print themselves. */
  public Optional<PaperWriter> writer() {
    return Optional.ofNullable(writer);
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
