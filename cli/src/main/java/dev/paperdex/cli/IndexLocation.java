package dev.paperdex.cli;

import java.nio.file.Path;

/**
 * Where the index lives: {@code --index DIR}, else {@code PAPERDEX_INDEX}, else
 * {@code $XDG_DATA_HOME/paperdex/index}, else {@code ~/.local/share/paperdex/index}.
 *
 * @param path       the index directory
 * @param isDefault  whether the user named no location, so paperdex may build it from the bundled data
 */
record IndexLocation(Path path, boolean isDefault) {

  static IndexLocation resolve(Path option, Environment env) {
    if (option != null) {
      return new IndexLocation(option, false);
    }
    return env.get("PAPERDEX_INDEX")
        .map(dir -> new IndexLocation(Path.of(dir), false))
        .orElseGet(() -> new IndexLocation(defaultPath(env), true));
  }

  private static Path defaultPath(Environment env) {
    return dataHome(env).resolve("paperdex").resolve("index");
  }

  /** {@code $XDG_DATA_HOME}, else {@code ~/.local/share}: where paperdex keeps its index and harvests by default. */
  static Path dataHome(Environment env) {
    return env.get("XDG_DATA_HOME")
        .map(Path::of)
        .orElseGet(() -> Path.of(env.get("HOME").orElse(System.getProperty("user.home")), ".local", "share"));
  }
}
