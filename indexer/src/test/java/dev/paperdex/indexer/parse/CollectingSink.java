package dev.paperdex.indexer.parse;

import dev.paperdex.indexer.Skip;
import dev.paperdex.searcher.Paper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps what a parser found, for assertions. */
final class CollectingSink implements RecordSink {
  final List<Paper> papers = new ArrayList<>();
  final List<String> positions = new ArrayList<>();
  final List<Skip> skips = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  @Override
  public void paper(Paper paper, String position) {
    papers.add(paper);
    positions.add(position);
  }

  @Override
  public void skip(Skip skip) {
    skips.add(skip);
  }

  @Override
  public void note(String file, String message) {
    notes.add(message);
  }

  Map<String, Paper> byId() {
    return papers.stream().collect(Collectors.toMap(Paper::id, Function.identity()));
  }

  static Path fixture(String name) {
    try {
      return Path.of(CollectingSink.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CollectingSink parse(PaperParser parser, String fixture) throws IOException {
    CollectingSink sink = new CollectingSink();
    parser.parse(new SourceFile(fixture(fixture)), sink);
    return sink;
  }
}
