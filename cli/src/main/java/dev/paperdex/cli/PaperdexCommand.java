package dev.paperdex.cli;

import dev.paperdex.indexer.IndexBusyException;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        "",
        "Exit codes: 0 ok, 1 failure, 2 usage error."})
public final class PaperdexCommand implements Runnable {

  /** Exit code of a run that failed: an unreadable or busy index, a missing file. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of a wrong command line or an unparseable query. */
  public static final int EXIT_USAGE = 2;

  /** Every subcommand, in the order the usage lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(SearchCommand.class, ShowCommand.class, SimilarCommand.class,
      IndexCommand.class, StatsCommand.class, CheckCommand.class, EvalCommand.class,
      AutoComplete.GenerateCompletion.class, ManPageCommand.class, CommandLine.HelpCommand.class);

  private final Environment env;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The index directory (default: $PAPERDEX_INDEX, else $XDG_DATA_HOME/paperdex/index, "
          + "else ~/.local/share/paperdex/index).")
  private Path index;

  PaperdexCommand(Environment env) {
    this.env = env;
  }

  /**
   * The command line with every subcommand and paperdex's error handling: one clear line per problem and the right
   * exit code.
   */
  public static CommandLine commandLine(Environment env) {
    return commandLine(env, SUBCOMMANDS);
  }

  /**
   * The command line to run {@code args}: when they name a subcommand that does its own work, with that one only,
   * because picocli reads the annotations of every command it is given at start-up, and that is a good part of the
   * time a quick search takes; otherwise (no subcommand, a mistyped one, help, completion, the man page, which need
   * them all) with every subcommand.
   */
  public static CommandLine commandLine(Environment env, String... args) {
    CommandLine root = new CommandLine(new PaperdexCommand(env));
    Optional<Class<?>> named = namedSubcommand(root.getCommandSpec(), args);
    return commandLine(root, named.<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS));
  }

  private static CommandLine commandLine(Environment env, List<Class<?>> subcommands) {
    return commandLine(new CommandLine(new PaperdexCommand(env)), subcommands);
  }

  private static CommandLine commandLine(CommandLine root, List<Class<?>> subcommands) {
    subcommands.forEach(root::addSubcommand);
    root.setExecutionExceptionHandler(PaperdexCommand::handleFailure);
    root.setParameterExceptionHandler(PaperdexCommand::handleUsageError);
    return root;
  }

  /** The subcommand {@code args} name, unless it is one of the help commands; options of the root are skipped. */
  private static Optional<Class<?>> namedSubcommand(CommandLine.Model.CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-") && !arg.equals("-") && !arg.equals("--")) {
        int equals = arg.indexOf('=');
        CommandLine.Model.OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
        if (option != null && equals < 0 && option.arity().max() > 0) {
          i++; // its value
        }
        continue;
      }
      for (Class<?> subcommand : SUBCOMMANDS) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
          return command.helpCommand() ? Optional.empty() : Optional.of(subcommand);
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
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
    if (e instanceof IndexProblemException || e instanceof IndexBusyException) {
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

  IndexLocation indexLocation() {
    return IndexLocation.resolve(index, env);
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
