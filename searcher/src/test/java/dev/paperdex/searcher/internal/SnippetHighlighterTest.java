package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SnippetHighlighterTest {

  /** What a sentence iterator answers for every offset of {@code text}, asked twice in a row as passages are chosen. */
  private static List<String> answers(BreakIterator iterator, String text) {
    List<String> answers = new ArrayList<>();
    for (int offset = 0; offset <= text.length(); offset++) {
      iterator.setText(text);
      int following = iterator.following(offset);
      int preceding = iterator.preceding(offset);
      int current = iterator.current();
      int later = iterator.following(Math.min(text.length(), offset + 9));
      int earlier = iterator.preceding(Math.max(0, offset - 5));
      int next = iterator.next();
      answers.add(offset + ": " + following + " " + preceding + " " + current + " " + later + " " + earlier + " "
          + next + " " + iterator.first() + " " + iterator.last() + " " + iterator.previous());
    }
    return answers;
  }

  @Test
  void sentenceBoundariesFoundGoingForwardAreTheJdksOwn() {
    for (String text : List.of(
        "We study e.g. the U.S. economy. Results: 3.5% growth! Is it \"real\"? (Yes.) See Fig. 2.",
        "A single sentence without an end",
        "Two lines\nwithout stops\n\nand a third. Then T. Smith et al. agree...   Trailing spaces.  ",
        "",
        "x.")) {
      assertThat(answers(new SnippetHighlighter.ForwardBoundaries(BreakIterator.getSentenceInstance(Locale.ROOT)),
          text)).as(text).isEqualTo(answers(BreakIterator.getSentenceInstance(Locale.ROOT), text));
    }
  }
}
