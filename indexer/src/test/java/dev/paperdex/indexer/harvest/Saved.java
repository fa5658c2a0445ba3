package dev.paperdex.indexer.harvest;

import dev.paperdex.indexer.Skip;
import dev.paperdex.indexer.parse.Format;
import dev.paperdex.indexer.parse.RecordSink;
import dev.paperdex.indexer.parse.SourceFile;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a harvest directory holds, read as {@code paperdex index DIR} reads it. */
final class Saved {

  private Saved() {}

  /** The files {@code paperdex index} reads (names not starting with a dot), in name order. */
  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
    }
  }

  /** Every file whose name starts with a dot and ends with {@code .part}: left-overs of an unfinished write. */
  static List<String> partFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".part")).toList();
    }
  }

  /** The ids of the papers in every saved file, each once, sorted. */
  static TreeSet<String> ids(Path dir) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String name : files(dir)) {
      SourceFile file = new SourceFile(dir.resolve(name));
      Format format = Format.detect(file.head(Format.HEAD_BYTES)).orElseThrow();
      format.parser().parse(file, new RecordSink() {
        @Override
        public void paper(Paper paper, String position) {
          ids.add(paper.id());
        }

        @Override
        public void skip(Skip skip) {
          throw new AssertionError("a saved file has a bad record: " + skip);
        }
      });
    }
    return new TreeSet<>(ids);
  }
}
