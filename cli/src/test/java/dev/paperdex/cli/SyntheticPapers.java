package dev.paperdex.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes made-up papers in the Kaggle snapshot's JSON-lines layout, many at once, for tests that need a few thousand
 * papers rather than real ones. Every abstract holds the word "model", so a search for it matches every paper.
 */
final class SyntheticPapers {

  private static final String[] WORDS = ("attention transformer graph neural network sparse dense quantum lattice "
      + "gauge field spectral kernel bayesian inference stochastic gradient descent convex optimisation protein "
      + "folding galaxy cluster dark matter black hole entropy diffusion reinforcement learning policy reward robot "
      + "control manifold topology algebra category theory compiler cache memory storage distributed consensus "
      + "protocol cryptography lattice signal image segmentation language translation speech audio climate ocean "
      + "turbulence plasma laser photon qubit error correction fairness privacy federated").split(" ");
  private static final String[] SURNAMES = {"Okafor", "Lindqvist", "Tanaka", "García", "Novak", "Brown", "Chen",
      "Müller", "Rossi", "Kowalski", "Haddad", "Singh"};
  private static final String[] CATEGORIES = {"cs.LG", "cs.CL", "cs.DC", "hep-th", "astro-ph.GA", "quant-ph",
      "math.CT", "q-bio.BM", "physics.flu-dyn", "stat.ML"};

  private SyntheticPapers() {}

  /** The ids {@link #write} gives its papers: {@code YYMM.NNNNN} from {@code first} on. */
  static List<String> ids(String yymm, int first, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      ids.add(String.format("%s.%05d", yymm, i));
    }
    return ids;
  }

  /** Writes {@code count} papers with ids {@code YYMM.NNNNN}, numbered from {@code first}; returns the file. */
  static Path write(Path file, String yymm, int first, int count) throws IOException {
    Random random = new Random(yymm.hashCode() * 31L + first);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String id : ids(yymm, first, count)) {
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        out.write("{\"id\": \"" + id + "\", \"authors\": \"" + authors(random) + "\", \"title\": \"" + words(random, 8)
            + "\", \"categories\": \"" + category + "\", \"abstract\": \"  We study a model of " + words(random, 70)
            + ".\\n\", \"versions\": [{\"version\": \"v1\", \"created\": \"Mon, 5 Jan 2026 10:11:12 GMT\"}], "
            + "\"update_date\": \"2026-01-06\"}\n");
      }
    }
    return file;
  }

  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static String authors(Random random) {
    StringBuilder text = new StringBuilder();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : i == count - 1 ? " and " : ", ").append((char) ('A' + random.nextInt(26))).append(". ")
          .append(SURNAMES[random.nextInt(SURNAMES.length)]);
    }
    return text.toString();
  }
}
