package dev.paperdex.cli;

import dev.paperdex.indexer.IndexBusyException;
import dev.paperdex.indexer.IndexWriteException;
import dev.paperdex.indexer.harvest.HarvestClock;
import dev.paperdex.indexer.harvest.HarvestException;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code paperdex}: the top command, holding the options every subcommand shares. */
@Command(name = "paperdex",
    mixinStandardHelpOptions = true,
    versionProvider = PaperdexCommand.Version.class,
    description = "Offline full-text search over scientific papers, arXiv first.",
    footer = {"", "Examples:",
        "  paperdex search \"speculative decoding\"",
        "  paperdex show 2603.23640",
        "  paperdex index ~/arxiv-harvest",
        "  paperdex update --set cs --from 2026-11-01",
        "",
        "Exit codes: 0 ok, 1 failure, 2 usage error."})
public final class PaperdexCommand implements Runnable {

  /** Exit code of a run that failed: an unreadable or busy index, a missing file. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of a wrong command line or an unparseable query. */
  public static final int EXIT_USAGE = 2;

  /** Every subcommand, in the order the usage lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(SearchCommand.class, ShowCommand.class, SimilarCommand.class,
      IndexCommand.class, StatsCommand.class, CheckCommand.class, EvalCommand.class, HarvestCommand.class,
      UpdateCommand.class, AutoComplete.GenerateCompletion.class, ManPageCommand.class, CommandLine.HelpCommand.class);

  private final Environment env;
  private final HarvestClock harvestClock;
  private final BooleanSupplier stdoutIsTerminal;
  private final BooleanSupplier stderrIsTerminal;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The index directory (default: $PAPERDEX_INDEX, else $XDG_DATA_HOME/paperdex/index, "
          + "else ~/.local/share/paperdex/index).")
  private Path index;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", scope = ScopeType.INHERIT,
      converter = Terminal.ColorWhen.Converter.class, completionCandidates = ColorChoices.class,
      description = "Colour matches: auto (default: only on a terminal, never under NO_COLOR), always or never.")
  private Terminal.ColorWhen color;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Print no progress or notes on stderr; errors and skipped records still show.")
  private boolean quiet;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Say more on stderr: each file indexed, the query as parsed, where the time went.")
  private boolean verbose;

  PaperdexCommand(Environment env, HarvestClock harvestClock, BooleanSupplier stdoutIsTerminal,
                  BooleanSupplier stderrIsTerminal) {
    this.env = env;
    this.harvestClock = harvestClock;
    this.stdoutIsTerminal = stdoutIsTerminal;
    this.stderrIsTerminal = stderrIsTerminal;
  }

  /**
   * The command line with every subcommand and paperdex's error handling: one clear line per problem and the right
   * exit code.
   */
  public static CommandLine commandLine(Environment env) {
    PaperdexCommand top = new PaperdexCommand(env, HarvestClock.system(), Terminal::stdoutIsTerminal,
        Terminal::stderrIsTerminal);
    return configure(new CommandLine(top), top, SUBCOMMANDS);
  }

  /**
   * The command line to run {@code args}: when they name a subcommand that does its own work, with that one only,
   * because picocli reads the annotations of every command it is given at start-up, and that is a good part of the
   * time a quick search takes; with none for {@code --version} alone; otherwise (no subcommand, a mistyped one, help,
   * completion, the man page, which need them all) with every subcommand.
   */
  public static CommandLine commandLine(Environment env, String... args) {
    return commandLine(env, HarvestClock.system(), Terminal::stdoutIsTerminal, Terminal::stderrIsTerminal, args);
  }

  /**
   * The command line to run {@code args}, with the clock harvests wait by (tests pass one that does not really wait),
   * and told whether standard output (for colour) and error (for progress bars) are terminals; each is asked only
   * when a command needs to know, as asking the JVM costs start-up time.
   */
  static CommandLine commandLine(Environment env, HarvestClock harvestClock, BooleanSupplier stdoutIsTerminal,
                                 BooleanSupplier stderrIsTerminal, String... args) {
    PaperdexCommand top = new PaperdexCommand(env, harvestClock, stdoutIsTerminal, stderrIsTerminal);
    CommandLine root = new CommandLine(top);
    return configure(root, top, subcommandsFor(root.getCommandSpec(), args));
  }

  /** Adds the subcommands and paperdex's error handling to {@code root}, the command line of {@code top}. */
  private static CommandLine configure(CommandLine root, PaperdexCommand top, List<Class<?>> subcommands) {
    subcommands.forEach(root::addSubcommand);
    root.setExecutionStrategy(parseResult -> {
      if (top.quiet && top.verbose) {
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
          last = last.subcommand();
        }
        throw new CommandLine.ParameterException(last.commandSpec().commandLine(),
            "--quiet and --verbose cannot be used together");
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    root.setExecutionExceptionHandler(PaperdexCommand::handleFailure);
    root.setParameterExceptionHandler(PaperdexCommand::handleUsageError);
    return root;
  }
  /**
   * The subcommand {@code args} name, unless it is one of the help commands (then all); options of the root are
   * skipped, and with none named, the root's {@code --version} without its {@code --help} needs no subcommand.
   */
  private static List<Class<?>> subcommandsFor(CommandLine.Model.CommandSpec root, String[] args) {
    boolean versionOnly = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-") && !arg.equals("-") && !arg.equals("--")) {
        int equals = arg.indexOf('=');
        CommandLine.Model.OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
        if (option != null && option.usageHelp()) {
          return SUBCOMMANDS;
        }
        versionOnly |= option != null && option.versionHelp();
        if (option != null && equals < 0 && option.arity().max() > 0) {
          i++; // its value
        }
        continue;
      }
      for (Class<?> subcommand : SUBCOMMANDS) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
          return command.helpCommand() ? SUBCOMMANDS : List.of(subcommand);
        }
      }
      return SUBCOMMANDS;
    }
    return versionOnly ? List.of() : SUBCOMMANDS;
  }

  private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("paperdex: " + e.getMessage());
    command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return EXIT_USAGE;
  }

  private static int handleFailure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    if (e instanceof QuerySyntaxException syntax) {
      command.getErr().println("paperdex: cannot parse the query at " + syntax.getMessage());
      return EXIT_USAGE;
    }
    if (e instanceof IllegalArgumentException badRequest) {
      command.getErr().println("paperdex: " + badRequest.getMessage());
      return EXIT_USAGE;
    }
    command.getErr().println("paperdex: " + describe(e));
    return EXIT_FAILURE;
  }

  /** One line that says what went wrong, for exceptions whose own message is terse. */
  static String describe(Exception e) {
    if (e instanceof IndexProblemException || e instanceof IndexBusyException || e instanceof IndexWriteException
        || e instanceof HarvestException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (e instanceof IOException) {
      return "input/output error: " + e.getMessage();
    }
    return "unexpected error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
  }

  Environment env() {
    return env;
  }

  HarvestClock harvestClock() {
    return harvestClock;
  }

  IndexLocation indexLocation() {
    return IndexLocation.resolve(index, env);
  }

  /** Where standard output goes: whether to colour, how wide it is. */
  Terminal terminal() {
    return Terminal.of(env, color, stdoutIsTerminal);
  }

  /** Whether to say more: {@code --verbose}. */
  boolean verbose() {
    return verbose;
  }

  /**
   * Where informational messages (notes, progress, what paperdex does for the user) go: {@code command}'s stderr, or
   * nowhere under {@code --quiet}. Errors go to stderr always.
   */
  PrintWriter notes(CommandLine command) {
    return quiet ? new PrintWriter(Writer.nullWriter()) : command.getErr();
  }

  /**
   * What an indexing run run by {@code command} says on stderr as it goes: skips always, a progress bar on a terminal
   * and the parsers' notes when the user did not ask for quiet (and {@code notes} wants them).
   */
  IndexProgress indexProgress(CommandLine command, boolean notes) {
    return new IndexProgress(command.getErr(), !quiet && stderrIsTerminal.getAsBoolean(), notes && !quiet, verbose,
        terminal().columns());
  }

  /** What a harvest run by {@code command} says on stderr as it goes: a bar on a terminal, lines elsewhere. */
  HarvestProgress harvestProgress(CommandLine command) {
    return new HarvestProgress(command.getErr(), stderrIsTerminal.getAsBoolean(), quiet, terminal().columns());
  }

  /** The choices of {@code --color}, for completion. */
  static final class ColorChoices implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("auto", "always", "never").iterator();
    }
  }

  /** With no subcommand, shows the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PaperdexCommand.class.getPackage().getImplementationVersion();
      return new String[] {"paperdex " + (version == null ? "(development build)" : version)};
    }
  }
}
