package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.ArxivTaxonomy;
import dev.paperdex.searcher.Category;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns query text into a Lucene query: {@link QuerySyntax} reads it, and this class decides what each part means
 * in the index. Bare words search title, authors, abstract and comments with the schema's boosts; {@code au:}
 * understands arXiv's {@code del_maestro}, {@code smith_j}, {@code "smith, j"} and {@code "John Smith"};
 * {@code cat:} takes codes, archives ({@code cs}, {@code cs.*}) and category names; dates take ranges in arXiv's
 * {@code 202601010000} form or as {@code 2026}, {@code 2026-03}, {@code 2026-03-24}.
 */
public final class PaperQueryParser {

  /** Field boosts for words aimed at every field. */
  private final Map<String, Float> fieldBoosts;
  /** Field boosts for a long descriptive query. */
  private final Map<String, Float> descriptionBoosts;
  private final QueryBuilder builder;
  private final Analyzer analyzer;

  /**
   * From this many plain words on, a query is read as a description (a claim, a sentence of an abstract) whose
   * words need not all occur, rather than as a list of requirements.
   */
  static final int LONG_QUERY_WORDS = 5;

  /**
   * The share of the abstracts above which a word of a description is too common to search for (see
   * {@link #description}). On SciFact's training queries leaving out the words in more than half the abstracts changed
   * nDCG@10 by +0.000, in more than a quarter by -0.001, in more than a tenth by -0.017.
   */
  static final double COMMON_WORD_SHARE = 0.5;

  /** The fewest papers in which word counts tell common words from the rest. */
  static final int COMMON_WORD_MIN_PAPERS = 1000;

  /** A hyphen between letters, or a letter and a digit ({@code non-coding}, {@code IL-6}, {@code 4-PBA}); not 2-3. */
  private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=\\p{L})-(?=[\\p{L}\\p{N}])|(?<=\\p{N})-(?=\\p{L})");
  private static final Pattern VERSION_SUFFIX = Pattern.compile("v\\d+$");
  private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z-]+(?:\\.[A-Za-z-]+)?");
  private static final Pattern INITIAL = Pattern.compile("\\p{L}\\.?");
  private static final String TOO_COMPLEX = "this pattern is too complex to run: use fewer * and ?";
  private static final Map<String, String> TEXT_FIELDS = Map.of(
      "ti", PaperSchema.TITLE, "abs", PaperSchema.ABSTRACT, "co", PaperSchema.COMMENTS,
      "jr", PaperSchema.JOURNAL_REF, "rn", PaperSchema.REPORT_NUMBER, "au", PaperSchema.AUTHORS);

  /**
   * A parsed query.
   *
   * @param query   what the user asked for
   * @param relaxed a looser query matching papers with some of the words, when the query is several plain words
   * @param words   the plain words of the query, with the index field each was aimed at ({@code null}: all)
   * @param description whether the query is a long description whose words need not all occur: it matches most
   *                    papers, and only its best few are worth scoring
   */
  public record ParsedQuery(Query query, Optional<Query> relaxed, List<HintFinder.QueryWord> words,
                            boolean description) {}

  /**
   * A parser that analyses words with {@code analyzer}, weighs bare words by {@code fieldBoosts}, and the words of a
   * long descriptive query by {@code descriptionBoosts}.
   */
  public PaperQueryParser(Analyzer analyzer, Map<String, Float> fieldBoosts, Map<String, Float> descriptionBoosts) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
    this.fieldBoosts = new LinkedHashMap<>(fieldBoosts);
    this.descriptionBoosts = new LinkedHashMap<>(descriptionBoosts);
  }

  /**
   * Parses {@code text}; {@code reader} tells which words of a long description are too common to search for.
   *
   * @throws QuerySyntaxException when the text cannot be parsed or asks for something that cannot be searched
   */
  public ParsedQuery parse(String text, IndexReader reader) throws IOException {
    QueryNode root = QuerySyntax.parse(text);
    List<HintFinder.QueryWord> words = new ArrayList<>();
    Query query = new Translation(text, words, fieldBoosts).top(root);
    if (isPlainWords(root) && ((QueryNode.And) root).parts().size() >= LONG_QUERY_WORDS) {
      // A sentence is not a list of requirements: rank by how many of its words a paper has, and how well.
      return new ParsedQuery(description(text, root, reader), Optional.empty(), List.copyOf(words), true);
    }
    return new ParsedQuery(query, isPlainWords(root) ? Optional.of(anyOf(text, root, fieldBoosts)) : Optional.empty(),
        List.copyOf(words), false);
  }

  /**
   * {@code query}, as the query builder makes it from analysed text, for the same words at the same positions in
   * {@code field}; {@code null} for a kind of query it is not rebuilt for.
   */
  static Query inField(Query query, String field) {
    if (query instanceof TermQuery term) {
      return new TermQuery(new Term(field, term.getTerm().bytes()));
    }
    if (query instanceof PhraseQuery phrase) {
      PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
      Term[] terms = phrase.getTerms();
      int[] positions = phrase.getPositions();
      for (int i = 0; i < terms.length; i++) {
        moved.add(new Term(field, terms[i].bytes()), positions[i]);
      }
      return moved.build();
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder moved = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        Query part = inField(clause.query(), field);
        if (part == null) {
          return null;
        }
        moved.add(part, clause.occur());
      }
      return moved.build();
    }
    return null;
  }

  /** Whether the query is several plain words or phrases for all fields, with nothing else. */
  private static boolean isPlainWords(QueryNode root) {
    if (!(root instanceof QueryNode.And and) || !and.implicit()) {
      return false;
    }
    return and.parts().stream().allMatch(part -> part instanceof QueryNode.Word word && word.field() == null
        || part instanceof QueryNode.Phrase phrase && phrase.field() == null);
  }

  /** The words of a plain-words query, any of them enough. */
  private Query anyOf(String text, QueryNode root, Map<String, Float> boosts) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    descriptionClauses(text, root, boosts).forEach(clause -> any.add(clause, Occur.SHOULD));
    return any.build();
  }

  private List<Query> descriptionClauses(String text, QueryNode root, Map<String, Float> boosts) {
    List<Query> clauses = new ArrayList<>();
    Translation translation = new Translation(text, new ArrayList<>(), boosts);
    for (QueryNode part : ((QueryNode.And) root).parts()) {
      Query clause = boosts == descriptionBoosts ? titleAndAbstractAsOne(part) : null;
      clause = clause != null ? clause : translation.node(part);
      if (clause != null) {
        clauses.add(clause);
      }
    }
    return clauses;
  }

  /**
   * A description: papers that have any of its words, ranked by how many and how well, leaving out the words that
   * more than {@link #COMMON_WORD_SHARE} of the abstracts have ({@code the}, {@code of}, {@code we}): they say
   * nearly nothing about a paper (their idf is tiny), yet matching them would make nearly every paper a hit and cost
   * most of the search's time. In an index of fewer than {@link #COMMON_WORD_MIN_PAPERS} papers every word counts;
   * when every word is common, the query keeps them all.
   */
  private Query description(String text, QueryNode root, IndexReader reader) throws IOException {
    List<Query> clauses = descriptionClauses(text, root, descriptionBoosts);
    BooleanQuery.Builder distinctive = new BooleanQuery.Builder();
    for (Query clause : clauses) {
      if (!isCommon(clause, reader)) {
        distinctive.add(clause, Occur.SHOULD);
      }
    }
    BooleanQuery query = distinctive.build();
    return query.clauses().isEmpty() ? anyOf(text, root, descriptionBoosts) : query;
  }

  /**
   * Whether a description leaves out a word that {@code docFreq} of the {@code papers} abstracts have (see
   * {@link #description}).
   */
  static boolean isCommon(int docFreq, int papers) {
    return papers >= COMMON_WORD_MIN_PAPERS && docFreq > (long) (papers * COMMON_WORD_SHARE);
  }

  /** Whether every word the clause looks for in the abstracts is {@linkplain #isCommon(int, int) common}. */
  private static boolean isCommon(Query clause, IndexReader reader) throws IOException {
    Set<Term> terms = new HashSet<>();
    clause.visit(QueryVisitor.termCollector(terms));
    boolean any = false;
    for (Term term : terms) {
      if (term.field().equals(PaperSchema.ABSTRACT)) {
        if (!isCommon(reader.docFreq(term), reader.maxDoc())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * A descriptive query's word scored over title and abstract as if they were one field, the title's occurrences
   * weighted (BM25F): a word in both is one match, not two summed scores. A word that analyses into several terms
   * ({@code non-coding}, {@code PD-1}, {@code TNF-α}) counts as those words, each scored so, and as the word written
   * without its hyphen ({@code noncoding}): a claim that writes {@code 4-PBA} is about the same thing as an abstract
   * that writes {@code 4 PBA} or {@code PBA}. {@code null} for anything but a plain word.
   */
  private Query titleAndAbstractAsOne(QueryNode part) {
    if (!(part instanceof QueryNode.Word word) || word.kind() != QueryNode.WordKind.PLAIN) {
      return null;
    }
    String text = TeX.toUnicode(word.text());
    Query analysed = builder.createPhraseQuery(PaperSchema.ABSTRACT, text);
    Query clause;
    if (analysed instanceof TermQuery term) {
      clause = titleAndAbstractAsOne(term.getTerm());
    } else if (analysed instanceof PhraseQuery phrase) {
      BooleanQuery.Builder each = new BooleanQuery.Builder();
      for (Term term : phrase.getTerms()) {
        each.add(titleAndAbstractAsOne(term), Occur.SHOULD);
      }
      if (INNER_HYPHEN.matcher(text).find()
          && builder.createPhraseQuery(PaperSchema.ABSTRACT, INNER_HYPHEN.matcher(text).replaceAll("")) instanceof
          TermQuery joined) {
        each.add(titleAndAbstractAsOne(joined.getTerm()), Occur.SHOULD);
      }
      clause = each.build();
    } else {
      return null;
    }
    return isName(text) ? new BoostQuery(clause, PaperSchema.DESCRIPTION_NAME_WEIGHT) : clause;
  }

  /** Whether a word is written as a name is (see {@link PaperSchema#DESCRIPTION_NAME_WEIGHT}). */
  private static boolean isName(String word) {
    boolean digit = false;
    boolean letter = false;
    boolean capital = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      digit |= Character.isDigit(c);
      letter |= Character.isLetter(c);
      capital |= Character.isUpperCase(c);
    }
    return digit && letter && (capital || Character.isLetter(word.charAt(0)));
  }

  private static Query titleAndAbstractAsOne(Term term) {
    return new CombinedFieldQuery.Builder()
        .addField(PaperSchema.TITLE, PaperSchema.DESCRIPTION_TITLE_WEIGHT)
        .addField(PaperSchema.ABSTRACT, 1f)
        .addTerm(term.bytes())
        .build();
  }

  /** One query's translation: collects its plain words and reports problems against its text. */
  private final class Translation {
    private final String text;
    private final List<HintFinder.QueryWord> words;
    private final Map<String, Float> boosts;

    /**
     * The query of each text analysed so far, by field (the text fields under one key) and slop: a query's words are
     * analysed for the title, abstract, authors and comments, and again for its looser form.
     */
    private final Map<String, Optional<Query>> analysed = new HashMap<>();

    Translation(String text, List<HintFinder.QueryWord> words, Map<String, Float> boosts) {
      this.text = text;
      this.words = words;
      this.boosts = boosts;
    }

    /**
     * What Lucene's query builder makes of {@code text} in {@code field} with {@code slop}, each text analysed once for
     * the fields that share {@link PaperSchema#analyzer()}'s English analyser: the query for one of them is the same
     * words at the same positions in another.
     */
    private Query analysed(String field, String text, int slop) {
      boolean english = PaperSchema.ENGLISH_TEXT_FIELDS.contains(field);
      String key = (english ? "" : field) + '\u0000' + slop + '\u0000' + text;
      Optional<Query> known = analysed.get(key);
      if (known == null) {
        Query query = builder.createPhraseQuery(field, text, slop);
        analysed.put(key, Optional.ofNullable(query));
        return query;
      }
      if (known.isEmpty() || !english) {
        return known.orElse(null);
      }
      Query moved = inField(known.get(), field);
      return moved != null ? moved : builder.createPhraseQuery(field, text, slop);
    }

    private QuerySyntaxException error(int start, String problem) {
      return new QuerySyntaxException(text, start + 1, problem);
    }

    Query top(QueryNode root) {
      Query query = node(root);
      if (query == null) {
        throw error(root.start(), "nothing in the query can be searched: use letters or digits");
      }
      return root instanceof QueryNode.Not ? onlyNot(query) : query;
    }

    /** A Lucene query for {@code node}, or {@code null} when nothing in it can be searched (punctuation only). */
    Query node(QueryNode node) {
      // Not a pattern switch: the JVM would spin a class for it at run time, which the AOT cache cannot hold.
      if (node instanceof QueryNode.Word word) {
        return word(word);
      } else if (node instanceof QueryNode.Phrase phrase) {
        return phrase(phrase);
      } else if (node instanceof QueryNode.Range range) {
        return range(range);
      } else if (node instanceof QueryNode.And and) {
        return and(and);
      } else if (node instanceof QueryNode.Or or) {
        return or(or);
      } else {
        return node(((QueryNode.Not) node).part());
      }
    }

    private Query and(QueryNode.And and) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      boolean positive = false;
      boolean any = false;
      for (QueryNode part : and.parts()) {
        Query clause = node(part);
        if (clause == null) {
          continue;
        }
        boolean negated = part instanceof QueryNode.Not;
        all.add(clause, negated ? Occur.MUST_NOT : Occur.MUST);
        positive |= !negated;
        any = true;
      }
      if (!any) {
        return null;
      }
      if (!positive) {
        all.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return all.build();
    }

    private Query or(QueryNode.Or or) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      boolean any = false;
      for (QueryNode part : or.parts()) {
        Query clause = node(part);
        if (clause != null) {
          either.add(part instanceof QueryNode.Not ? onlyNot(clause) : clause, Occur.SHOULD);
          any = true;
        }
      }
      return any ? either.build() : null;
    }

    /** Everything but what {@code excluded} matches: Lucene matches nothing with exclusions alone. */
    private Query onlyNot(Query excluded) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.MUST)
          .add(excluded, Occur.MUST_NOT)
          .build();
    }

    private Query word(QueryNode.Word word) {
      String field = word.field();
      if (field == null || TEXT_FIELDS.containsKey(field)) {
        if (word.kind() == QueryNode.WordKind.PLAIN) {
          words.add(new HintFinder.QueryWord(word.text(), field == null ? null : TEXT_FIELDS.get(field), word.start(),
              word.end()));
        }
        if ("au".equals(field) && word.kind() == QueryNode.WordKind.PLAIN && word.text().contains("_")) {
          return arxivAuthor(word);
        }
        return inTextFields(fields(field), word);
      }
      return switch (field) {
        case "cat" -> category(word.text(), word.kind() == QueryNode.WordKind.WILDCARD, false, word.start());
        case "primary" -> category(word.text(), word.kind() == QueryNode.WordKind.WILDCARD, true, word.start());
        case "id" -> id(word);
        case "doi" -> new TermQuery(new Term(PaperSchema.DOI, word.text().toLowerCase(Locale.ROOT)));
        default -> throw new IllegalStateException("field " + field + " has no word handling");
      };
    }

    private Map<String, Float> fields(String field) {
      return field == null ? boosts : Map.of(TEXT_FIELDS.get(field), 1f);
    }

    private Query inTextFields(Map<String, Float> fields, QueryNode.Word word) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      boolean any = false;
      for (Map.Entry<String, Float> field : fields.entrySet()) {
        Query inField = switch (word.kind()) {
          case PLAIN -> plainWord(field.getKey(), word.text());
          case WILDCARD -> wildcard(field.getKey(), word);
          case FUZZY -> fuzzy(field.getKey(), word);
        };
        if (inField != null) {
          anyField.add(field.getValue() == 1f ? inField : new BoostQuery(inField, field.getValue()), Occur.SHOULD);
          any = true;
        }
      }
      return any ? anyField.build() : null;
    }

    /** A word as written; one with an inner hyphen also matches it written as one word or as two. */
    private Query plainWord(String field, String written) {
      String word = TeX.toUnicode(written);
      Query asWritten = analysed(field, word, 0);
      if (asWritten == null || !INNER_HYPHEN.matcher(word).find()) {
        return asWritten;
      }
      Query joined = analysed(field, INNER_HYPHEN.matcher(word).replaceAll(""), 0);
      return joined == null ? asWritten : new BooleanQuery.Builder()
          .add(asWritten, Occur.SHOULD)
          .add(joined, Occur.SHOULD)
          .build();
    }

    private Query wildcard(String field, QueryNode.Word word) {
      String pattern = analyzer.normalize(field, word.text()).utf8ToString();
      try {
        if (pattern.indexOf('?') < 0 && pattern.indexOf('*') == pattern.length() - 1) {
          return new PrefixQuery(new Term(field, pattern.substring(0, pattern.length() - 1)));
        }
        return new WildcardQuery(new Term(field, pattern));
      } catch (TooComplexToDeterminizeException e) {
        throw error(word.start(), TOO_COMPLEX);
      }
    }

    private Query fuzzy(String field, QueryNode.Word word) {
      Query analysed = analysed(field, word.text(), 0);
      if (!(analysed instanceof TermQuery term)) {
        return analysed;
      }
      return new FuzzyQuery(term.getTerm(), word.edits());
    }

    private Query phrase(QueryNode.Phrase phrase) {
      String field = phrase.field();
      if (field == null || TEXT_FIELDS.containsKey(field) && !"au".equals(field)) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        boolean any = false;
        for (Map.Entry<String, Float> entry : fields(field).entrySet()) {
          Query inField = analysed(entry.getKey(), TeX.toUnicode(phrase.text()), phrase.slop());
          if (inField != null) {
            anyField.add(entry.getValue() == 1f ? inField : new BoostQuery(inField, entry.getValue()), Occur.SHOULD);
            any = true;
          }
        }
        return any ? anyField.build() : null;
      }
      return switch (field) {
        case "au" -> author(phrase);
        case "cat" -> category(phrase.text(), false, false, phrase.start());
        case "primary" -> category(phrase.text(), false, true, phrase.start());
        case "id" -> id(new QueryNode.Word(field, phrase.text(), QueryNode.WordKind.PLAIN, 0, phrase.start(),
            phrase.end()));
        case "doi" -> new TermQuery(new Term(PaperSchema.DOI, phrase.text().strip().toLowerCase(Locale.ROOT)));
        default -> throw new IllegalStateException("field " + field + " has no phrase handling");
      };
    }

    // ---- authors ----

    /** arXiv's author syntax: {@code del_maestro} (a surname), {@code smith_j} (surname and initial). */
    private Query arxivAuthor(QueryNode.Word word) {
      List<String> parts = new ArrayList<>(List.of(TeX.toUnicode(word.text()).split("_+")));
      parts.removeIf(String::isBlank);
      if (parts.isEmpty()) {
        return null;
      }
      String last = parts.get(parts.size() - 1);
      if (parts.size() > 1 && INITIAL.matcher(last).matches()) {
        return byKey(String.join(" ", parts.subList(0, parts.size() - 1)), last);
      }
      return bySurname(String.join(" ", parts));
    }

    /** A quoted author: {@code "smith, j"}, {@code "Smith, John"}, {@code "John Smith"}, {@code "J. Smith"}. */
    private Query author(QueryNode.Phrase phrase) {
      String name = TeX.toUnicode(phrase.text()).strip();
      String surname;
      String forenames;
      int comma = name.indexOf(',');
      if (comma >= 0) {
        surname = name.substring(0, comma).strip();
        forenames = name.substring(comma + 1).strip();
      } else {
        String[] words = name.split("\\s+");
        int first = words.length - 1;
        while (first > 0 && AuthorNames.PARTICLES.contains(words[first - 1].toLowerCase(Locale.ROOT))) {
          first--;
        }
        surname = String.join(" ", List.of(words).subList(first, words.length));
        forenames = String.join(" ", List.of(words).subList(0, first));
      }
      if (surname.isEmpty()) {
        return null;
      }
      // The forenames may start with a dot or be nothing but dots (".J. Smith", "smith, ."): skip what is not a name.
      String firstForename = Arrays.stream(forenames.split("[\\s.]+")).filter(word -> !word.isEmpty()).findFirst()
          .orElse("");
      if (firstForename.isEmpty()) {
        return surname.contains(" ") ? bySurname(surname) : builder.createPhraseQuery(PaperSchema.AUTHORS, surname);
      }
      if (INITIAL.matcher(firstForename).matches() || firstForename.length() == 1) {
        return byKey(surname, firstForename);
      }
      // A full forename matches itself or its initial: "John Smith" finds "J. Smith" too, never "Jane Smith".
      Query full = builder.createPhraseQuery(PaperSchema.AUTHORS, forenames + " " + surname, 2);
      Query initial = builder.createPhraseQuery(PaperSchema.AUTHORS, firstForename.charAt(0) + " " + surname, 2);
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      for (Query query : new Query[] {full, initial}) {
        if (query != null) {
          either.add(query, Occur.SHOULD);
        }
      }
      return either.build();
    }

    private Query byKey(String surname, String initial) {
      String key = AuthorNames.key(initial.charAt(0) + " " + surname);
      return key == null ? null : new TermQuery(new Term(PaperSchema.AUTHOR_KEYS, key));
    }

    /** Any author with this surname, whatever the forename: keys are {@code surname_initial}. */
    private Query bySurname(String surname) {
      String key = AuthorNames.key("x " + surname);
      if (key == null || !key.endsWith("_x")) {
        return null;
      }
      String bare = key.substring(0, key.length() - 2);
      return new BooleanQuery.Builder()
          .add(new PrefixQuery(new Term(PaperSchema.AUTHOR_KEYS, bare + "_")), Occur.SHOULD)
          .add(new TermQuery(new Term(PaperSchema.AUTHOR_KEYS, bare)), Occur.SHOULD)
          .build();
    }

    // ---- categories and ids ----

    private Query category(String value, boolean wildcard, boolean primaryOnly, int start) {
      return categoryQuery(value.strip(), wildcard, primaryOnly, problem -> error(start, problem));
    }

    private Query id(QueryNode.Word word) {
      String id = VERSION_SUFFIX.matcher(word.text().strip().replaceFirst("(?i)^arxiv:", "")).replaceFirst("");
      if (word.kind() == QueryNode.WordKind.WILDCARD) {
        return wildcardQuery(new Term(PaperSchema.ID, id), problem -> error(word.start(), problem));
      }
      return new TermQuery(new Term(PaperSchema.ID, id));
    }

    // ---- dates ----

    private Query range(QueryNode.Range range) {
      String field = range.field().equals("updated") ? PaperSchema.UPDATED : PaperSchema.PUBLISHED;
      long from = range.from().equals("*") ? Long.MIN_VALUE
          : range.includesFrom() ? startOf(range.from(), range.start()) : endOf(range.from(), range.start()) + 1;
      long to = range.to().equals("*") ? Long.MAX_VALUE
          : range.includesTo() ? endOf(range.to(), range.start()) : startOf(range.to(), range.start()) - 1;
      return PaperSchema.dateRange(field, from, to);
    }

    private long startOf(String date, int start) {
      return DateBounds.parse(date).orElseThrow(() -> error(start, badDate(date))).from();
    }

    private long endOf(String date, int start) {
      return DateBounds.parse(date).orElseThrow(() -> error(start, badDate(date))).to();
    }

    private static String badDate(String date) {
      return "cannot read the date '" + shown(date) + "': write 2026, 2026-03, 2026-03-24 or arXiv's 202603240000";
    }
  }

  /**
   * The query for papers in a category: a code ({@code cs.DC}, with its aliases), an archive ({@code cs},
   * {@code cs.*}), or a category name or unique prefix of one. Codes outside the taxonomy are searched as written.
   *
   * @param problem makes the exception for a value that names nothing, or names several categories
   */
  public Query categoryQuery(String value, boolean wildcard, boolean primaryOnly,
                             Function<String, ? extends RuntimeException> problem) {
    // Read here, not when the parser is made: loading the table is a good part of a search's start-up time.
    ArxivTaxonomy taxonomy = ArxivTaxonomy.get();
    String field = primaryOnly ? PaperSchema.PRIMARY_CATEGORY : PaperSchema.CATEGORIES;
    String archive = value.endsWith(".*") ? value.substring(0, value.length() - 2) : value;
    if (!archive.contains(".") && !taxonomy.inArchive(archive).isEmpty()) {
      return primaryOnly
          ? new BooleanQuery.Builder()
              .add(new PrefixQuery(new Term(field, archive + ".")), Occur.SHOULD)
              .add(new TermQuery(new Term(field, archive)), Occur.SHOULD)
              .build()
          : new TermQuery(new Term(PaperSchema.ARCHIVES, archive));
    }
    if (wildcard || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
      if (value.startsWith("*") || value.startsWith("?")) {
        throw problem.apply("a category pattern cannot start with * or ?: give the archive, as in cs.*");
      }
      return wildcardQuery(new Term(field, value), problem);
    }
    if (taxonomy.isKnown(value)) {
      return anyOf(field, taxonomy.equivalentCodes(value));
    }
    if (CATEGORY_CODE.matcher(value).matches() && value.contains(".")) {
      return new TermQuery(new Term(field, value));
    }
    List<Category> named = taxonomy.matchingName(value);
    if (named.size() == 1) {
      return anyOf(field, taxonomy.equivalentCodes(named.get(0).code()));
    }
    if (named.isEmpty()) {
      throw problem.apply("no arXiv category is called '" + shown(value) + "': use a code such as cs.DC, an archive "
          + "such as cs, or the start of a category's name");
    }
    throw problem.apply("'" + shown(value) + "' could be " + named.stream().limit(5).map(Category::label)
        .collect(Collectors.joining(", ")) + (named.size() > 5 ? " and more" : "") + ": give the code");
  }

  /**
   * The user's text as an error message shows it: control characters and line breaks written as escapes, so that
   * the message stays one line and prints nothing but what it says.
   */
  private static String shown(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
    return shown.toString();
  }

  /** A query for the terms that match a pattern with * and ?, when the pattern is simple enough to run. */
  private static Query wildcardQuery(Term pattern, Function<String, ? extends RuntimeException> problem) {
    try {
      return new WildcardQuery(pattern);
    } catch (TooComplexToDeterminizeException e) {
      throw problem.apply(TOO_COMPLEX);
    }
  }

  private static Query anyOf(String field, List<String> codes) {
    if (codes.size() == 1) {
      return new TermQuery(new Term(field, codes.get(0)));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    codes.forEach(code -> any.add(new TermQuery(new Term(field, new BytesRef(code))), Occur.SHOULD));
    return any.build();
  }

  /**
   * The span of time a date as written covers, in epoch seconds: {@code 2026} is the whole year, {@code 2026-03}
   * the month, {@code 2026-03-24} the day, arXiv's {@code 202603241530} the minute.
   *
   * @param from the first second
   * @param to   the last second
   */
  public record DateBounds(long from, long to) {

    private static final DateTimeFormatter ARXIV_MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final DateTimeFormatter ARXIV_DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** The span {@code text} covers, if it is a date paperdex reads. */
    public static Optional<DateBounds> parse(String text) {
      String date = text.strip();
      try {
        if (date.matches("\\d{12}")) {
          long minute = LocalDateTime.parse(date, ARXIV_MINUTE).toEpochSecond(ZoneOffset.UTC);
          return Optional.of(new DateBounds(minute, minute + 59));
        }
        if (date.matches("\\d{8}")) {
          return Optional.of(days(LocalDate.parse(date, ARXIV_DAY), 1));
        }
        if (date.matches("\\d{4}")) {
          return Optional.of(span(LocalDate.of(Integer.parseInt(date), 1, 1), LocalDate.of(Integer.parseInt(date) + 1,
              1, 1)));
        }
        if (date.matches("\\d{4}-\\d{2}")) {
          LocalDate month = LocalDate.parse(date + "-01");
          return Optional.of(span(month, month.plusMonths(1)));
        }
        if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
          return Optional.of(days(LocalDate.parse(date), 1));
        }
      } catch (DateTimeException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    private static DateBounds days(LocalDate first, int count) {
      return span(first, first.plusDays(count));
    }

    private static DateBounds span(LocalDate first, LocalDate next) {
      return new DateBounds(first.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
          next.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1);
    }
  }
}
