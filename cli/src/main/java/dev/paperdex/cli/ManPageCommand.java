package dev.paperdex.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paperdex generate-man-page}: the manual page, in roff, written from the command definitions themselves, so
 * that every command and option is in it as {@code --help} shows it. picocli's own generator writes AsciiDoc, which
 * needs asciidoctor to become a page {@code man} reads; roff needs nothing.
 */
@Command(name = "generate-man-page",
    helpCommand = true,
    mixinStandardHelpOptions = true,
    description = {"Print paperdex's manual page (roff) to standard output.",
        "Read it with: man -l <(paperdex generate-man-page)"})
final class ManPageCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(render(spec.root()));
    out.flush();
    return 0;
  }

  /** The whole page for the root command and, in order, every subcommand that is not hidden. */
  static String render(CommandSpec root) {
    StringBuilder page = new StringBuilder();
    String title = root.name().toUpperCase(Locale.ROOT);
    String version = root.version().length > 0 ? root.version()[0] : root.name();
    page.append(".TH ").append(quoted(title)).append(" 1 \"\" ").append(quoted(version)).append(' ')
        .append(quoted(root.name() + " manual")).append('\n');
    page.append(".nh\n.ad l\n"); // no hyphenation, ragged right: option names stay whole
    page.append(".SH NAME\n").append(escape(root.name())).append(" \\- ")
        .append(escape(firstLine(root.usageMessage().description()))).append('\n');
    page.append(".SH SYNOPSIS\n").append(escape(synopsis(root))).append('\n');
    page.append(".SH DESCRIPTION\n");
    paragraphs(page, root.usageMessage().description());
    arguments(page, root, ".SH OPTIONS\n");
    footer(page, root);
    page.append(".SH COMMANDS\n");
    for (CommandSpec command : visibleSubcommands(root)) {
      command(page, command);
    }
    return page.toString();
  }

  private static void command(StringBuilder page, CommandSpec command) {
    page.append(".SS ").append(escape(command.qualifiedName())).append('\n');
    page.append(".PP\n").append(escape(synopsis(command))).append('\n');
    paragraphs(page, command.usageMessage().description());
    arguments(page, command, "");
    footer(page, command);
    for (CommandSpec subcommand : visibleSubcommands(command)) {
      command(page, subcommand);
    }
  }

  private static List<CommandSpec> visibleSubcommands(CommandSpec command) {
    return command.subcommands().entrySet().stream()
        .filter(entry -> entry.getKey().equals(entry.getValue().getCommandName())) // aliases list a command twice
        .map(entry -> entry.getValue().getCommandSpec())
        .filter(sub -> !sub.usageMessage().hidden())
        .toList();
  }

  /** The command's own parameters and options; options inherited from the root are described there only. */
  private static void arguments(StringBuilder page, CommandSpec command, String heading) {
    List<ArgSpec> arguments = new ArrayList<>();
    command.positionalParameters().stream().filter(p -> !p.hidden() && !p.inherited()).forEach(arguments::add);
    command.options().stream().filter(o -> !o.hidden() && !o.inherited()).forEach(arguments::add);
    if (arguments.isEmpty()) {
      return;
    }
    page.append(heading);
    for (ArgSpec argument : arguments) {
      page.append(".TP\n").append(term(argument)).append('\n');
      for (String line : argument.description()) {
        page.append(escape(format(line))).append('\n');
      }
    }
  }

  private static String term(ArgSpec argument) {
    if (argument instanceof PositionalParamSpec positional) {
      return "\\fI" + escape(positional.paramLabel()) + "\\fR" + (positional.isMultiValue() ? "\\&..." : "");
    }
    OptionSpec option = (OptionSpec) argument;
    StringBuilder term = new StringBuilder();
    for (String name : option.names()) {
      term.append(term.isEmpty() ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
    }
    if (option.arity().max() > 0) {
      term.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
    }
    return term.toString();
  }

  /** The footer (examples, exit codes) as written: its lines are laid out by hand. */
  private static void footer(StringBuilder page, CommandSpec command) {
    String[] footer = command.usageMessage().footer();
    if (footer.length == 0) {
      return;
    }
    page.append(".PP\n.nf\n");
    for (String line : footer) {
      page.append(line.isBlank() ? "" : escape(format(line))).append('\n');
    }
    page.append(".fi\n");
  }

  private static void paragraphs(StringBuilder page, String[] lines) {
    for (String line : lines) {
      page.append(".PP\n").append(escape(format(line))).append('\n');
    }
  }

  /** picocli's synopsis of the command, on one line (roff fills it to the reader's width). */
  private static String synopsis(CommandSpec command) {
    CommandLine.Help help = new CommandLine.Help(command,
        new CommandLine.Help.ColorScheme.Builder(CommandLine.Help.Ansi.OFF).build());
    return help.synopsis(0).strip().replaceAll("\\s+", " ");
  }

  private static String firstLine(String[] lines) {
    return lines.length == 0 ? "" : format(lines[0]);
  }

  /** The two format specifiers picocli descriptions use: {@code %n} and {@code %%}. */
  private static String format(String line) {
    return line.replace("%n", " ").replace("%%", "%");
  }

  private static String quoted(String text) {
    return '"' + escape(text).replace("\"", "\\(dq") + '"';
  }

  /**
   * Text as roff prints it: backslashes escaped, hyphens as minus signs (so options copy and paste), and a line that
   * would start with a control character guarded.
   */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
