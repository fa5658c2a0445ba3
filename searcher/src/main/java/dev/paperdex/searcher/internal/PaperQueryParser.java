package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns query text into a Lucene query. Every word or quoted phrase must occur in at least one of the searched fields
 * (title, authors, abstract, comments), each field weighted by its boost. When no paper has them all, the searcher
 * can fall back on {@link ParsedQuery#relaxed()}, which asks for any of them.
 */
public final class PaperQueryParser {

  private final QueryBuilder builder;
  private final Map<String, Float> fieldBoosts;

  /** A parser that analyses query words with {@code analyzer} and searches the fields of {@code fieldBoosts}. */
  public PaperQueryParser(Analyzer analyzer, Map<String, Float> fieldBoosts) {
    this.builder = new QueryBuilder(analyzer);
    this.fieldBoosts = Map.copyOf(fieldBoosts);
  }

  /**
   * A parsed query.
   *
   * @param query   what the user asked for
   * @param relaxed a looser query matching papers with some of the words, when the query has several
   */
  public record ParsedQuery(Query query, Optional<Query> relaxed) {}

  /**
   * Parses {@code text}.
   *
   * @throws QuerySyntaxException when the text is empty, has nothing searchable, or a quote is not closed
   */
  public ParsedQuery parse(String text) {
    List<Unit> units = split(text);
    if (units.isEmpty()) {
      throw new QuerySyntaxException(text, 1, "the query is empty: give at least one word to search for");
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int searchable = 0;
    for (Unit unit : units) {
      Query clause = acrossFields(unit.text());
      if (clause != null) {
        all.add(clause, Occur.MUST);
        any.add(clause, Occur.SHOULD);
        searchable++;
      }
    }
    if (searchable == 0) {
      throw new QuerySyntaxException(text, units.get(0).column(),
          "nothing in the query can be searched: use letters or digits");
    }
    return new ParsedQuery(all.build(), searchable > 1 ? Optional.of(any.build()) : Optional.empty());
  }

  private Query acrossFields(String text) {
    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
    boolean any = false;
    for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
      Query inField = builder.createPhraseQuery(field.getKey(), text);
      if (inField != null) {
        anyField.add(new BoostQuery(inField, field.getValue()), Occur.SHOULD);
        any = true;
      }
    }
    return any ? anyField.build() : null;
  }

  private record Unit(String text, int column) {}

  private static List<Unit> split(String text) {
    List<Unit> units = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw new QuerySyntaxException(text, i + 1, "this quote is never closed: end the phrase with \"");
        }
        units.add(new Unit(text.substring(i + 1, close), i + 1));
        i = close + 1;
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
          i++;
        }
        units.add(new Unit(text.substring(start, i), start + 1));
      }
    }
    return units;
  }
}
