package dev.paperdex.cli;

import dev.paperdex.indexer.IndexBusyException;
import dev.paperdex.indexer.IndexWriteException;
import dev.paperdex.indexer.harvest.HarvestClock;
import dev.paperdex.indexer.harvest.HarvestException;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.PaperSearcher;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code paperdex}: the top command, holding the options every subcommand shares.
 *
 * <p>It and the everyday reading commands ({@code search}, {@code show}, {@code similar}) are defined in code with
 * picocli's model API rather than with its annotations: reading annotations makes the JDK generate a proxy class per
 * annotation type and picocli reflect over every field, which was a third of a quick search's start-up. The other
 * commands keep their annotations. Either way, the usage help, the completion script and the man page come from the
 * one definition.
 */
public final class PaperdexCommand implements Runnable {

  /** Exit code of a run that failed: an unreadable or busy index, a missing file. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of a wrong command line or an unparseable query. */
  public static final int EXIT_USAGE = 2;

  /** A subcommand, as the top command offers it. */
  sealed interface Subcommand {

    /** The name the user types. */
    boolean isNamed(String name);
  }

  /**
   * A subcommand defined in code: its name, whether it analyses text (then Lucene's set-up for that starts early, see
   * {@link WarmUp}), and its definition, made for the top command.
   */
  record CodedSubcommand(String name, boolean analysesText, Function<PaperdexCommand, CommandSpec> spec)
      implements Subcommand {
    @Override
    public boolean isNamed(String name) {
      return name().equals(name);
    }
  }

  /** A subcommand whose definition picocli reads from the annotations of its class. */
  record AnnotatedSubcommand(Class<?> type) implements Subcommand {
    @Override
    public boolean isNamed(String name) {
      Command command = type.getAnnotation(Command.class);
      return command.name().equals(name) || Arrays.asList(command.aliases()).contains(name);
    }

    boolean isHelp() {
      return type.getAnnotation(Command.class).helpCommand();
    }
  }

  /** Every subcommand, in the order the usage lists them. */
  static final List<Subcommand> SUBCOMMANDS = List.of(
      new CodedSubcommand("search", true, top -> new SearchCommand(top).spec()),
      new CodedSubcommand("show", false, top -> new ShowCommand(top).spec()),
      new CodedSubcommand("similar", true, top -> new SimilarCommand(top).spec()),
      new AnnotatedSubcommand(IndexCommand.class), new AnnotatedSubcommand(StatsCommand.class),
      new AnnotatedSubcommand(CheckCommand.class), new AnnotatedSubcommand(EvalCommand.class),
      new AnnotatedSubcommand(HarvestCommand.class), new AnnotatedSubcommand(UpdateCommand.class),
      new AnnotatedSubcommand(AutoComplete.GenerateCompletion.class), new AnnotatedSubcommand(ManPageCommand.class),
      new AnnotatedSubcommand(CommandLine.HelpCommand.class));

  private final Environment env;
  private final HarvestClock harvestClock;
  private final BooleanSupplier stdoutIsTerminal;
  private final BooleanSupplier stderrIsTerminal;
  /** The index being opened early for the command named, if any (see {@link #openSearcher}). */
  private EarlySearcher earlySearcher;

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("paperdex")
      .versionProvider(new Version());
  private final OptionSpec index = addOption(spec, OptionSpec.builder("--index").paramLabel("DIR").type(Path.class)
      .converters(Path::of) // picocli's own calls Paths.get by reflection, which spins classes at run time
      .scopeType(ScopeType.INHERIT)
      .description("The index directory (default: $PAPERDEX_INDEX, else $XDG_DATA_HOME/paperdex/index, "
          + "else ~/.local/share/paperdex/index)."));
  private final OptionSpec color = addOption(spec, OptionSpec.builder("--color").paramLabel("WHEN")
      .type(Terminal.ColorWhen.class).defaultValue("auto").scopeType(ScopeType.INHERIT)
      .converters(new Terminal.ColorWhen.Converter()).completionCandidates(List.of("auto", "always", "never"))
      .description("Colour matches: auto (default: only on a terminal, never under NO_COLOR), always or never."));
  private final OptionSpec quiet = addOption(spec, flag("-q", "--quiet").scopeType(ScopeType.INHERIT)
      .description("Print no progress or notes on stderr; errors and skipped records still show."));
  private final OptionSpec verbose = addOption(spec, flag("-v", "--verbose").scopeType(ScopeType.INHERIT)
      .description("Say more on stderr: each file indexed, the query as parsed, where the time went."));

  PaperdexCommand(Environment env, HarvestClock harvestClock, BooleanSupplier stdoutIsTerminal,
                  BooleanSupplier stderrIsTerminal) {
    this.env = env;
    this.harvestClock = harvestClock;
    this.stdoutIsTerminal = stdoutIsTerminal;
    this.stderrIsTerminal = stderrIsTerminal;
    withStandardHelp(spec).usageMessage()
        .description("Offline full-text search over scientific papers, arXiv first.")
        .footer("", "Examples:",
            "  paperdex search \"speculative decoding\"",
            "  paperdex show 2603.23640",
            "  paperdex index ~/arxiv-harvest",
            "  paperdex update --set cs --from 2026-11-01",
            "",
            "Exit codes: 0 ok, 1 failure, 2 usage error.");
  }

  /** Builds {@code option} and adds it to {@code command}. */
  static OptionSpec addOption(CommandSpec command, OptionSpec.Builder option) {
    OptionSpec built = option.build();
    command.addOption(built);
    return built;
  }

  /**
   * Adds picocli's standard {@code --help} and {@code --version} options to {@code command}, after its own, as
   * {@code mixinStandardHelpOptions} would, without reading them from picocli's annotated mixin.
   */
  static CommandSpec withStandardHelp(CommandSpec command) {
    command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return command;
  }

  /** An option that takes no value: set or not. */
  static OptionSpec.Builder flag(String... names) {
    return OptionSpec.builder(names).type(boolean.class);
  }

  /** Whether the flag {@code option} (see {@link #flag}) was given. */
  static boolean isSet(OptionSpec option) {
    return Boolean.TRUE.equals(option.getValue());
  }

  /**
   * The command line with every subcommand and paperdex's error handling: one clear line per problem and the right
   * exit code.
   */
  public static CommandLine commandLine(Environment env) {
    PaperdexCommand top = new PaperdexCommand(env, HarvestClock.system(), Terminal::stdoutIsTerminal,
        Terminal::stderrIsTerminal);
    return configure(new CommandLine(top.spec), top, SUBCOMMANDS);
  }

  /**
   * The command line to run {@code args}: when they name a subcommand that does its own work, with that one only,
   * because picocli reads the annotations of every command it is given at start-up, and that is a good part of the
   * time a quick search takes; with none for {@code --version} alone; otherwise (no subcommand, a mistyped one, help,
   * completion, the man page, which need them all) with every subcommand. When that subcommand reads the index, the
   * index it names starts opening on a second thread meanwhile (see {@link EarlySearcher}); when it analyses text,
   * Lucene's one-off set-up for that too (see {@link WarmUp}).
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
    List<Subcommand> subcommands = subcommandsFor(top.spec, args);
    if (subcommands.size() == 1 && subcommands.getFirst() instanceof CodedSubcommand coded) {
      // Before the threads below: Lucene's first use (HotspotVMOptions) calls three methods by reflection, for which
      // the JDK would spin method handle classes at run time, which the AOT cache cannot hold: some 20 ms of CPU.
      // Read by the JDK at its first reflective call; a JVM that has made one (a test's) keeps what it read.
      System.setProperty("jdk.reflect.useNativeAccessorOnly", "true");
      try {
        top.earlySearcher = EarlySearcher.start(IndexLocation.resolve(indexNamedIn(args), env).path());
      } catch (InvalidPathException e) {
        // No head start: picocli reports the bad --index as it would have.
      }
      if (coded.analysesText()) {
        WarmUp.start();
      }
    }
    return configure(new CommandLine(top.spec), top, subcommands);
  }

  /** Adds the subcommands and paperdex's error handling to {@code root}, the command line of {@code top}. */
  private static CommandLine configure(CommandLine root, PaperdexCommand top, List<Subcommand> subcommands) {
    for (Subcommand subcommand : subcommands) {
      // Not a pattern switch: the JVM would spin a class for it at run time, which the AOT cache cannot hold.
      if (subcommand instanceof CodedSubcommand coded) {
        root.addSubcommand(coded.name(), new CommandLine(coded.spec().apply(top)));
      } else {
        root.addSubcommand(((AnnotatedSubcommand) subcommand).type());
      }
    }
    root.setExecutionStrategy(parseResult -> {
      if (top.verbose() && isSet(top.quiet)) {
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
          last = last.subcommand();
        }
        throw new CommandLine.ParameterException(last.commandSpec().commandLine(),
            "--quiet and --verbose cannot be used together");
      }
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } finally {
        top.discardEarlySearcher();
      }
    });
    root.setExecutionExceptionHandler(PaperdexCommand::handleFailure);
    root.setParameterExceptionHandler((e, args) -> {
      top.discardEarlySearcher();
      return handleUsageError(e, args);
    });
    return root;
  }

  /**
   * The index {@code args} name with {@code --index} (which picocli will read the same way), or null: a guess made
   * before they are parsed, which {@link #openSearcher} checks against the parsed command line.
   */
  private static Path indexNamedIn(String[] args) {
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--index") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--index=")) {
        return Path.of(args[i].substring("--index=".length()));
      }
    }
    return null;
  }

  /**
   * The subcommand {@code args} name, unless it is one of the help commands (then all); options of the root are
   * skipped, and with none named, the root's {@code --version} without its {@code --help} needs no subcommand.
   */
  private static List<Subcommand> subcommandsFor(CommandSpec root, String[] args) {
    boolean versionOnly = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-") && !arg.equals("-") && !arg.equals("--")) {
        int equals = arg.indexOf('=');
        OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
        if (option != null && option.usageHelp()) {
          return SUBCOMMANDS;
        }
        versionOnly |= option != null && option.versionHelp();
        if (option != null && equals < 0 && option.arity().max() > 0) {
          i++; // its value
        }
        continue;
      }
      for (Subcommand subcommand : SUBCOMMANDS) {
        if (subcommand.isNamed(arg)) {
          return subcommand instanceof AnnotatedSubcommand annotated && annotated.isHelp()
              ? SUBCOMMANDS : List.of(subcommand);
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
    return IndexLocation.resolve(index.getValue(), env);
  }

  /**
   * A searcher for one-shot use of the index in {@code index}: the one opened early for this command line when it is
   * that index (see {@link EarlySearcher}), else one opened now.
   */
  PaperSearcher openSearcher(Path index) throws IOException {
    return earlySearcher == null ? PaperSearcher.openForOneShot(index) : earlySearcher.take(index);
  }

  private void discardEarlySearcher() {
    if (earlySearcher != null) {
      earlySearcher.discard();
    }
  }

  /** Where standard output goes: whether to colour, how wide it is. */
  Terminal terminal() {
    return Terminal.of(env, color.getValue(), stdoutIsTerminal);
  }

  /** Whether to say more: {@code --verbose}. */
  boolean verbose() {
    return isSet(verbose);
  }

  /**
   * Where informational messages (notes, progress, what paperdex does for the user) go: {@code command}'s stderr, or
   * nowhere under {@code --quiet}. Errors go to stderr always.
   */
  PrintWriter notes(CommandLine command) {
    return isSet(quiet) ? new PrintWriter(Writer.nullWriter()) : command.getErr();
  }

  /**
   * What an indexing run run by {@code command} says on stderr as it goes: skips always, a progress bar on a terminal
   * and the parsers' notes when the user did not ask for quiet (and {@code notes} wants them).
   */
  IndexProgress indexProgress(CommandLine command, boolean notes) {
    boolean quiet = isSet(this.quiet);
    return new IndexProgress(command.getErr(), !quiet && stderrIsTerminal.getAsBoolean(), notes && !quiet, verbose(),
        terminal().columns());
  }

  /** What a harvest run by {@code command} says on stderr as it goes: a bar on a terminal, lines elsewhere. */
  HarvestProgress harvestProgress(CommandLine command) {
    return new HarvestProgress(command.getErr(), stderrIsTerminal.getAsBoolean(), isSet(quiet), terminal().columns());
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
