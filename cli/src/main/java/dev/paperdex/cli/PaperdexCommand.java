package dev.paperdex.cli;

import dev.paperdex.indexer.IndexBusyException;
import dev.paperdex.indexer.IndexWriteException;
import dev.paperdex.indexer.harvest.HarvestClock;
import dev.paperdex.indexer.harvest.HarvestException;
import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    subcommands = {SearchCommand.class, ShowCommand.class, SimilarCommand.class, IndexCommand.class, StatsCommand.class,
        CheckCommand.class, EvalCommand.class, HarvestCommand.class, UpdateCommand.class,
        CommandLine.HelpCommand.class},
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

  private final Environment env;
  private final HarvestClock harvestClock;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The index directory (default: $PAPERDEX_INDEX, else $XDG_DATA_HOME/paperdex/index, "
          + "else ~/.local/share/paperdex/index).")
  private Path index;

  PaperdexCommand(Environment env, HarvestClock harvestClock) {
    this.env = env;
    this.harvestClock = harvestClock;
  }

  /** The command line with paperdex's error handling: one clear line per problem and the right exit code. */
  public static CommandLine commandLine(Environment env) {
    return commandLine(env, HarvestClock.system());
  }

  /** The command line, with the clock harvests wait by (tests pass one that does not really wait). */
  static CommandLine commandLine(Environment env, HarvestClock harvestClock) {
    CommandLine commandLine = new CommandLine(new PaperdexCommand(env, harvestClock));
    commandLine.setExecutionExceptionHandler(PaperdexCommand::handleFailure);
    commandLine.setParameterExceptionHandler(PaperdexCommand::handleUsageError);
    return commandLine;
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
