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
    assertThat(detect("<?xml version=\"1.0\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"))
        .contains(Format.OAI_PMH);
    assertThat(detect("<OAI-PMH><responseDate>2016-01-18T10:00:00Z</responseDate>")).contains(Format.OAI_PMH);
    assertThat(detect("{\"id\": \"0704.0001\", \"submitter\": \"Pavel Nadolsky\"}\n"))
        .contains(Format.KAGGLE_JSON);
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThat(detect("id,title\n1,a paper\n")).isEmpty();
    assertThat(detect("<html><body>arxiv.org/abs/2601.00001</body></html>")).isEmpty();
    assertThat(detect("")).isEmpty();
    assertThat(detect("{\"name\": \"a config file\"}")).isEmpty();
    assertThat(detect("<html><head><title>503 Service Unavailable</title></head></html>")).isEmpty();
  }
}
