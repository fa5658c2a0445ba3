package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

  @Test
  void dropsLineBreaksAByteOrderMarkOnLineOneAndReadsALastLineWithoutABreak() throws IOException {
    assertThat(texts("\uFEFFone\r\ntwo\n\n\uFEFFthree\r\n \t\nlast"))
        .containsExactly("1:one", "2:two", "3:", "4:\uFEFFthree", "5: \t", "6:last");
  }

  @Test
  void anEmptyStreamHasNoLinesAndAFinalLineBreakEndsTheLastOne() throws IOException {
    assertThat(texts("")).isEmpty();
    assertThat(texts("a\n")).containsExactly("1:a");
  }

  @Test
  void tellsBlankLinesByTheirBytes() throws IOException {
    try (Utf8Lines lines = lines(" \t\f\r\n\u00A0\nx\n".getBytes(StandardCharsets.UTF_8), 100)) {
      List<Boolean> blank = new ArrayList<>();
      while (lines.next()) {
        blank.add(lines.isBlank());
      }
      assertThat(blank).containsExactly(true, false, false);
    }
  }

  @Test
  void reportsTheFirstByteThatIsNotUtf8AndReadsOn() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("ok\nab".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.writeBytes("(\né\n".getBytes(StandardCharsets.UTF_8));
    try (Utf8Lines lines = lines(bytes.toByteArray(), 100)) {
      assertThat(lines.next()).isTrue();
      assertThat(lines.decode()).isTrue();
      assertThat(lines.decodeError()).isNull();
      assertThat(lines.next()).isTrue();
      assertThat(lines.decode()).isFalse();
      assertThat(lines.decodeError()).isEqualTo("byte 0xC3 at byte 3 of the line");
      assertThat(lines.charCount()).isZero();
      assertThat(lines.next()).isTrue();
      assertThat(lines.decode()).isTrue();
      assertThat(new String(lines.chars(), 0, lines.charCount())).isEqualTo("é");
      assertThat(lines.number()).isEqualTo(3);
    }
  }

  @Test
  void dropsALineLongerThanTheLimitButCountsIt() throws IOException {
    String text = "12345\n" + "x".repeat(6) + "\n" + "y".repeat(200_000) + "\nlast";
    try (Utf8Lines lines = lines(text.getBytes(StandardCharsets.UTF_8), 5)) {
      List<String> seen = new ArrayList<>();
      while (lines.next()) {
        seen.add(lines.number() + (lines.tooLong() ? ":too long" : ":" + (lines.decode() ? lines.text() : "?")));
      }
      assertThat(seen).containsExactly("1:12345", "2:too long", "3:too long", "4:last");
    }
  }

  @Test
  void readsLinesLongerThanItsBuffers() throws IOException {
    String longLine = "é".repeat(100_000);
    assertThat(texts(longLine + "\n" + longLine)).containsExactly("1:" + longLine, "2:" + longLine);
  }

  @Test
  void closesItsStreamAndRefusesANonPositiveLimit() throws IOException {
    boolean[] closed = {false};
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    new Utf8Lines(in).close();
    assertThat(closed[0]).isTrue();
    assertThatThrownBy(() -> new Utf8Lines(in, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Utf8Lines lines(byte[] bytes, int maxLineBytes) {
    return new Utf8Lines(new ByteArrayInputStream(bytes), maxLineBytes);
  }

  /** Each line as {@code number:text}. */
  private static List<String> texts(String text) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (lines.next()) {
        assertThat(lines.tooLong()).isFalse();
        assertThat(lines.decode()).isTrue();
        texts.add(lines.number() + ":" + lines.text());
      }
    }
    return texts;
  }
}
