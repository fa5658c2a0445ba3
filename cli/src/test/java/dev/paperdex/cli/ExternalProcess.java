package dev.paperdex.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a program as a process, as a user's shell would, and captures what it printed. */
final class ExternalProcess {

  record Result(int exitCode, String out, String err) {}

  private ExternalProcess() {}

  /** The program's path, if it is on the PATH. */
  static Optional<Path> onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs {@code command} in {@code dir} with extra environment variables, stdin empty; fails after the timeout. */
  static Result run(List<String> command, Path dir, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    // Files, not pipes: a process that leaves a child running in the background (the launcher's start-up
    // training does) must not keep the test reading.
    Path out = Files.createTempFile("paperdex-out", ".txt");
    Path err = Files.createTempFile("paperdex-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
