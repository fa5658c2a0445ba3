package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads paperdex's query language into a {@link QueryNode} tree. The language is arXiv's search syntax and more:
 * field prefixes ({@code ti:}, {@code au:}, …, and long names), {@code AND} {@code OR} {@code ANDNOT} {@code NOT}
 * {@code +} {@code -} and parentheses with AND as the default, {@code "phrases"~slop}, wildcards, {@code word~} for
 * fuzzy matching and {@code [from TO to]} ranges. A hyphen inside a word is part of the word, never a NOT.
 *
 * <p>Every problem is a {@link QuerySyntaxException} with the column and a hint; nothing else is thrown.
 */
public final class QuerySyntax {

  /** The user's field names, long and short, and the canonical name each stands for. */
  static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("ti", "ti"), Map.entry("title", "ti"),
      Map.entry("au", "au"), Map.entry("author", "au"), Map.entry("authors", "au"),
      Map.entry("abs", "abs"), Map.entry("abstract", "abs"),
      Map.entry("co", "co"), Map.entry("comment", "co"), Map.entry("comments", "co"),
      Map.entry("jr", "jr"), Map.entry("journal", "jr"), Map.entry("journal_ref", "jr"),
      Map.entry("cat", "cat"), Map.entry("category", "cat"), Map.entry("categories", "cat"),
      Map.entry("primary", "primary"), Map.entry("primary_cat", "primary"),
      Map.entry("id", "id"), Map.entry("arxiv", "id"),
      Map.entry("doi", "doi"),
      Map.entry("rn", "rn"), Map.entry("report", "rn"), Map.entry("report_number", "rn"),
      Map.entry("all", "all"),
      Map.entry("date", "date"), Map.entry("published", "date"), Map.entry("submitted", "date"),
      Map.entry("submitteddate", "date"),
      Map.entry("updated", "updated"), Map.entry("lastupdateddate", "updated"));

  static final String FIELD_LIST = "ti, au, abs, co, jr, cat, primary, id, doi, rn, all, date (or submittedDate), "
      + "updated (or lastUpdatedDate)";

  /** The most words and operators a query may have: far beyond a person's query, short of a runaway input. */
  private static final int MAX_TOKENS = 1_000;
  /** How deeply parentheses may nest. */
  private static final int MAX_DEPTH = 50;

  private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z][A-Za-z_]*):");
  private static final Pattern FUZZY_SUFFIX = Pattern.compile("~([0-2]?)$");
  private static final Pattern RANGE_BODY = Pattern.compile("\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*");

  private enum Type { WORD, PHRASE, RANGE, FIELD, LPAREN, RPAREN, AND, OR, NOT, ANDNOT, PLUS, MINUS, END }

  private record Token(Type type, String text, int start, int end, int slop, String rangeTo, boolean includesFrom,
                       boolean includesTo) {
    Token(Type type, String text, int start, int end) {
      this(type, text, start, end, 0, null, false, false);
    }
  }

  private final String query;
  private final List<Token> tokens;
  private int next;
  private int depth;

  private QuerySyntax(String query) {
    this.query = query;
    this.tokens = tokenize(query);
  }

  /**
   * Makes natural-language query text (a claim, a question) search for its words as words: the query language's
   * syntax characters {@code : " ( ) [ ] { } * ? ~ + & | } become spaces, as does a {@code -} that does not join two
   * letters or digits (one that does is part of a word in the query language too, as in {@code T-cell}); the operator
   * words {@code AND OR NOT ANDNOT}, which are operators only in capitals, are lower-cased. Every other character is
   * kept, so the words are analysed exactly as a user's would be, and each keeps its column.
   */
  public static String plainWords(String text) {
    StringBuilder literal = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean syntax = switch (c) {
        case ':', '"', '(', ')', '[', ']', '{', '}', '*', '?', '~', '+', '&', '|' -> true;
        case '-' -> !(i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
            && Character.isLetterOrDigit(text.charAt(i + 1)));
        default -> false;
      };
      literal.append(syntax ? ' ' : c);
    }
    String[] words = literal.toString().split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      switch (words[i]) {
        case "AND", "OR", "NOT", "ANDNOT" -> words[i] = words[i].toLowerCase(Locale.ROOT);
        default -> { }
      }
    }
    return String.join(" ", words);
  }

  /**
   * Parses {@code query}.
   *
   * @throws QuerySyntaxException when it cannot be parsed, with the column and a hint
   */
  public static QueryNode parse(String query) {
    QuerySyntax syntax = new QuerySyntax(query);
    if (syntax.peek().type() == Type.END) {
      throw new QuerySyntaxException(query, 1, "the query is empty: give at least one word to search for");
    }
    QueryNode node = syntax.or(null);
    Token left = syntax.peek();
    if (left.type() == Type.RPAREN) {
      throw syntax.error(left, "there is no ( for this ) to close: remove it or add a ( before");
    }
    return node;
  }

  private QuerySyntaxException error(Token at, String problem) {
    return new QuerySyntaxException(query, at.start() + 1, problem);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private QueryNode or(String field) {
    int start = peek().start();
    List<QueryNode> parts = new ArrayList<>(List.of(and(field)));
    while (peek().type() == Type.OR) {
      Token or = take();
      if (!startsOperand(peek())) {
        throw error(or, "OR needs something to search for after it");
      }
      parts.add(and(field));
    }
    return parts.size() == 1 ? parts.get(0) : new QueryNode.Or(parts, start);
  }

  private QueryNode and(String field) {
    int start = peek().start();
    List<QueryNode> parts = new ArrayList<>(List.of(unary(field)));
    boolean implicit = true;
    while (true) {
      Token token = peek();
      if (token.type() == Type.AND || token.type() == Type.ANDNOT) {
        take();
        implicit = false;
        if (!startsOperand(peek())) {
          throw error(token, token.text() + " needs something to search for after it");
        }
        QueryNode operand = unary(field);
        parts.add(token.type() == Type.ANDNOT ? new QueryNode.Not(operand, token.start()) : operand);
      } else if (startsOperand(token)) {
        parts.add(unary(field));
      } else {
        break;
      }
    }
    return parts.size() == 1 ? parts.get(0) : new QueryNode.And(parts, implicit, start);
  }

  private static boolean startsOperand(Token token) {
    return switch (token.type()) {
      case WORD, PHRASE, RANGE, FIELD, LPAREN, NOT, PLUS, MINUS -> true;
      default -> false;
    };
  }

  private QueryNode unary(String field) {
    Token token = peek();
    switch (token.type()) {
      case NOT, MINUS -> {
        take();
        if (!startsOperand(peek())) {
          throw error(token, (token.type() == Type.NOT ? "NOT" : "-") + " needs something to exclude after it");
        }
        QueryNode operand = unary(field);
        // NOT NOT x is x: a double negation cancels rather than reading as one.
        return operand instanceof QueryNode.Not twice ? twice.part() : new QueryNode.Not(operand, token.start());
      }
      case PLUS -> {
        take();
        if (!startsOperand(peek())) {
          throw error(token, "+ needs something to require after it");
        }
        return unary(field);
      }
      default -> {
        return primary(field);
      }
    }
  }

  private QueryNode primary(String field) {
    Token token = take();
    switch (token.type()) {
      case LPAREN -> {
        if (++depth > MAX_DEPTH) {
          throw error(token, "parentheses nest too deeply: use at most " + MAX_DEPTH + " levels");
        }
        if (peek().type() == Type.RPAREN) {
          throw error(token, "these parentheses are empty: put a word between them or remove them");
        }
        QueryNode inner = or(field);
        if (peek().type() != Type.RPAREN) {
          throw error(token, "this parenthesis is never closed: add a )");
        }
        take();
        depth--;
        return inner;
      }
      case FIELD -> {
        return fielded(token, field);
      }
      case WORD -> {
        return word(field, token);
      }
      case PHRASE -> {
        return new QueryNode.Phrase(field, token.text(), token.slop(), token.start(), token.end());
      }
      case RANGE -> throw error(token, "a range needs a field before it, as in date:[2026-01 TO 2026-03]");
      case RPAREN -> throw error(token, "there is no ( for this ) to close: remove it or add a ( before");
      case AND, OR, ANDNOT -> throw error(token, token.text() + " needs something to search for before it");
      default -> throw error(token, "the query ends too early: add a word to search for");
    }
  }

  private QueryNode fielded(Token fieldToken, String outerField) {
    String field = FIELDS.get(fieldToken.text().toLowerCase(Locale.ROOT));
    if (field == null) {
      throw error(fieldToken, "unknown field '" + fieldToken.text() + "': use one of " + FIELD_LIST
          + ", or put the word in quotes to search for it as written");
    }
    Token value = peek();
    if (value.start() != fieldToken.end()) {
      throw error(fieldToken, fieldToken.text() + ": needs a word, a \"phrase\" or (…) right after the colon");
    }
    if (value.type() == Type.RANGE) {
      take();
      if (!field.equals("date") && !field.equals("updated")) {
        throw error(fieldToken, "ranges work on dates only: use date:[…], submittedDate:[…] or updated:[…]");
      }
      return new QueryNode.Range(field, value.text(), value.rangeTo(), value.includesFrom(), value.includesTo(),
          fieldToken.start());
    }
    if (field.equals("date") || field.equals("updated")) {
      throw error(fieldToken, fieldToken.text() + ": takes a range, as in " + fieldToken.text()
          + ":[2026-01 TO 2026-03]");
    }
    if (value.type() != Type.WORD && value.type() != Type.PHRASE && value.type() != Type.LPAREN) {
      throw error(fieldToken, fieldToken.text() + ": needs a word, a \"phrase\" or (…) after it");
    }
    return primary(field.equals("all") ? outerField == null ? null : outerField : field);
  }

  private QueryNode word(String field, Token token) {
    String text = token.text();
    Matcher fuzzy = FUZZY_SUFFIX.matcher(text);
    if (fuzzy.find() && fuzzy.start() > 0) {
      int edits = fuzzy.group(1).isEmpty() ? 2 : Integer.parseInt(fuzzy.group(1));
      return new QueryNode.Word(field, text.substring(0, fuzzy.start()), QueryNode.WordKind.FUZZY, edits,
          token.start(), token.end());
    }
    if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0) {
      if (text.charAt(0) == '*' || text.charAt(0) == '?') {
        throw error(token, "a word cannot start with * or ?: put at least one letter before it");
      }
      return new QueryNode.Word(field, text, QueryNode.WordKind.WILDCARD, 0, token.start(), token.end());
    }
    return new QueryNode.Word(field, text, QueryNode.WordKind.PLAIN, 0, token.start(), token.end());
  }

  // ---- tokens ----

  private static List<Token> tokenize(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = query.length();
    while (i < n) {
      if (tokens.size() > MAX_TOKENS) {
        throw new QuerySyntaxException(query, i + 1, "the query is too long: use at most " + MAX_TOKENS + " words");
      }
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(c == '(' ? Type.LPAREN : Type.RPAREN, String.valueOf(c), i, i + 1));
        i++;
      } else if (c == '"') {
        i = phrase(query, i, tokens);
      } else if (c == '[' || c == '{') {
        i = range(query, i, tokens);
      } else if ((c == '+' || c == '-') && i + 1 < n && startsTerm(query.charAt(i + 1))) {
        tokens.add(new Token(c == '+' ? Type.PLUS : Type.MINUS, String.valueOf(c), i, i + 1));
        i++;
      } else {
        i = word(query, i, tokens);
      }
    }
    tokens.add(new Token(Type.END, "", n, n));
    return tokens;
  }

  private static boolean startsTerm(char c) {
    return !Character.isWhitespace(c) && c != ')' && c != '+' && c != '-';
  }

  /** The next {@code "} from {@code from} that is not TeX's umlaut {@code \"}, or -1. */
  private static int closingQuote(String query, int from) {
    int quote = query.indexOf('"', from);
    while (quote > 0 && query.charAt(quote - 1) == '\\') {
      quote = query.indexOf('"', quote + 1);
    }
    return quote;
  }

  private static int phrase(String query, int open, List<Token> tokens) {
    int close = closingQuote(query, open + 1);
    if (close < 0) {
      throw new QuerySyntaxException(query, open + 1, "this quote is never closed: end the phrase with \"");
    }
    int end = close + 1;
    int slop = 0;
    if (end < query.length() && query.charAt(end) == '~') {
      int digits = end + 1;
      while (digits < query.length() && Character.isDigit(query.charAt(digits)) && digits - end <= 3) {
        digits++;
      }
      if (digits == end + 1) {
        throw new QuerySyntaxException(query, end + 1, "~ after a phrase needs a number of words, as in \"kv cache\"~3");
      }
      slop = Integer.parseInt(query.substring(end + 1, digits));
      end = digits;
    }
    tokens.add(new Token(Type.PHRASE, query.substring(open + 1, close), open, end, slop, null, false, false));
    return end;
  }

  private static int range(String query, int open, List<Token> tokens) {
    char closing = query.charAt(open) == '[' ? ']' : '}';
    int close = -1;
    for (int k = open + 1; k < query.length(); k++) {
      char c = query.charAt(k);
      if (c == ']' || c == '}') {
        close = k;
        break;
      }
    }
    if (close < 0) {
      throw new QuerySyntaxException(query, open + 1, "this range is never closed: end it with " + closing);
    }
    Matcher body = RANGE_BODY.matcher(query.substring(open + 1, close));
    if (!body.matches()) {
      throw new QuerySyntaxException(query, open + 1, "a range is written [from TO to], as in [2026-01 TO 2026-03]");
    }
    tokens.add(new Token(Type.RANGE, body.group(1), open, close + 1, 0, body.group(2), query.charAt(open) == '[',
        query.charAt(close) == ']'));
    return close + 1;
  }

  private static int word(String query, int start, List<Token> tokens) {
    Matcher field = FIELD_PREFIX.matcher(query).region(start, query.length());
    if (field.lookingAt() && !query.startsWith("//", field.end())) {
      tokens.add(new Token(Type.FIELD, field.group(1), start, field.end()));
      return field.end();
    }
    int end = start;
    while (end < query.length()) {
      char c = query.charAt(end);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' && query.charAt(end - 1) != '\\') {
        break;
      }
      end++;
    }
    String text = query.substring(start, end);
    if (text.endsWith("?") && text.indexOf('*') < 0 && text.indexOf('?') == text.length() - 1 && text.length() > 1) {
      // A question mark ending a word is the end of a question, not a one-letter wildcard.
      text = text.substring(0, text.length() - 1);
    }
    Type type = switch (text) {
      case "AND", "&&" -> Type.AND;
      case "OR", "||" -> Type.OR;
      case "NOT" -> Type.NOT;
      case "ANDNOT" -> Type.ANDNOT;
      default -> Type.WORD;
    };
    tokens.add(new Token(type, text, start, end));
    return end;
  }
}
