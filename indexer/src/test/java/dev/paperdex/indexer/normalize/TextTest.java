package dev.paperdex.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextTest {

  /** The plain statement of what clean does, which the fast loop must match. */
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

  private static String reference(String text) {
    String collapsed = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  @Test
  void collapsesHardWrapsAndWhiteSpaceRuns() {
    assertThat(Text.clean(null)).isNull();
    assertThat(Text.clean(" \n\t ")).isNull();
    assertThat(Text.clean("  A fully\n  differential\u00A0calculation \u2003 ")).isEqualTo(
        "A fully differential calculation");
    assertThat(Text.clean("already clean")).isEqualTo("already clean");
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    String alphabet = "ab Z\t\n\u000B\f\r\u00A0\u1680\u2000\u2007\u200A\u200B\u200C\u2028\u205F\u3000"
        + "\u001F\u0085é\uD835\uDC9C";
    Random random = new Random(20260401);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(Text.clean(text.toString())).as("clean(%s)", text).isEqualTo(reference(text.toString()));
    }
  }

  @Test
  void cleansCharactersAsItCleansTheStringTheyMake() {
    String alphabet = "ab Z\t\n\u000B\f\r\u00A0\u1680\u2000\u2007\u200B\u2028\u3000\u001F\u0085é";
    Random random = new Random(20261121);
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(14)];
      for (int k = 0; k < chars.length; k++) {
        chars[k] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      int offset = chars.length == 0 ? 0 : random.nextInt(chars.length);
      int length = random.nextInt(chars.length - offset + 1);
      String text = new String(chars, offset, length);
      assertThat(Text.clean(chars, offset, length)).as("clean(%s)", text).isEqualTo(Text.clean(text));
    }
  }

  @Test
  void parsesTimesAndDates() {
    assertThat(Text.instant("2026-03-24T18:28:38Z")).isEqualTo(Instant.parse("2026-03-24T18:28:38Z"));
    assertThat(Text.instant("2026-03-24")).isEqualTo(Instant.parse("2026-03-24T00:00:00Z"));
    assertThat(Text.instant("2026-03-24T18:28:38+02:00")).isEqualTo(Instant.parse("2026-03-24T16:28:38Z"));
    assertThat(Text.instant("yesterday")).isNull();
    assertThat(Text.instant(null)).isNull();
  }
}
