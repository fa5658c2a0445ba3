package dev.paperdex.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the command reads from outside its arguments: environment variables and where paperdex is installed. Tests
 * pass their own.
 *
 * @param variables environment variables
 * @param home      the paperdex installation (the repository root), which holds the bundled {@code data/}
 */
public record Environment(Map<String, String> variables, Path home) {

  /** The real environment; the home is the {@code paperdex.home} system property, else found from the jar. */
  public static Environment system() {
    String home = System.getProperty("paperdex.home");
    return new Environment(System.getenv(), home != null ? Path.of(home) : homeFromJar());
  }

  /** The jar lives in {@code HOME/cli/target/}. */
  private static Path homeFromJar() {
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path home = jar.getParent().getParent().getParent();
      return home != null ? home : Path.of(".");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(".");
    }
  }

  /** An environment variable, if set and not blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** The bundled collection indexed when the user names none. */
  public Path bundledData() {
    return home.resolve("data");
  }

  /** Whether a bundled collection is there to index. */
  public boolean hasBundledData() {
    return Files.isDirectory(bundledData());
  }
}
