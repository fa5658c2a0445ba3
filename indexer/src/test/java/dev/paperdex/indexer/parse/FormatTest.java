package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatTest {

  private static java.util.Optional<Format> detect(String start) {
    return Format.detect(start.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tellsFormatsApartByContentNotName() throws Exception {
    assertThat(Format.detect(new SourceFile(CollectingSink.fixture("feed-2026.xml")).head(Format.HEAD_BYTES)))
        .contains(Format.ATOM_FEED);
    assertThat(Format.detect(new SourceFile(CollectingSink.fixture("flattened-glued.txt")).head(Format.HEAD_BYTES)))
        .contains(Format.FLATTENED_TEXT);
    assertThat(detect("\uFEFF<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        .contains(Format.ATOM_FEED);
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThat(detect("id,title\n1,a paper\n")).isEmpty();
    assertThat(detect("<html><body>arxiv.org/abs/2601.00001</body></html>")).isEmpty();
    assertThat(detect("")).isEmpty();
  }
}
