package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.SearchHints;
import dev.paperdex.searcher.SearchHints.WordLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.QueryBuilder;

/**
 * Finds {@link SearchHints} for a query that found few papers or none: corrected spellings of rare words, and other
 * fields where a word aimed at one field occurs.
 *
 * <p>Everything here reads term statistics, a few stored documents and at most a handful of counts, never runs the
 * query itself, so it is cheap enough to call after every search that came back (nearly) empty.
 */
public final class HintFinder {

  /** A word aimed at a field that matches fewer papers than this there gets "elsewhere" hints. */
  static final int FEW_BELOW = 5;
  /**
   * A word in fewer papers than this, or than one in {@value #RARE_SHARE} papers if that is more, is rare and its
   * spelling is checked. It grows with the index because typos do: "transfomer" is in 6 of 116,000 cs abstracts.
   */
  static final int RARE_BELOW = 5;
  /** See {@link #RARE_BELOW}. */
  static final int RARE_SHARE = 10_000;
  /**
   * A word that does occur, however rarely, is only corrected to one this many times more common: a real but rare
   * word ("Hailo") should not be "corrected" to a slightly more common neighbour ("halo"), while a typo that a few
   * abstracts share ("quantom") is still corrected to the word everyone else writes.
   */
  static final int MORE_COMMON_FACTOR = 20;
  /**
   * A correction must be in at least 1/{@value #RIVAL_FACTOR} as many papers as the word's most common correction:
   * "retrieval" is offered for "retreival", but not also "retrival", a typo that two abstracts share.
   */
  static final int RIVAL_FACTOR = 20;
  /** At most this many corrected queries. */
  static final int MAX_SPELLINGS = 3;
  /** Corrections considered per word, to combine into whole queries. */
  static final int CANDIDATES_PER_WORD = 3;
  /**
   * Least similarity (1 − edits / length of the shorter word) of a correction: one edit in a four-letter word, two in
   * a five-letter one. Lucene's default of 0.5 lets two edits turn a four-letter word into almost any other.
   */
  static final float MIN_SIMILARITY = 0.6f;
  /** Longer words are not corrected: they are not typos of a word, and make the edit automaton costly. */
  static final int MAX_WORD_LENGTH = 40;
  /**
   * How many papers to read to see how the corrected word is written in the text ("decoding" for "decode"): enough to
   * meet the word's usual forms ("lens", "lenses", "lensing").
   */
  static final int SURFACE_SAMPLE_PAPERS = 20;
  /**
   * Corrections of at most this many words are combined into whole queries (at most 4^6 combinations); further rare
   * words are left as they are.
   */
  private static final int MAX_COMBINED_WORDS = 6;

  /** Fields whose words a correction can come from. */
  private static final List<String> SPELLING_FIELDS =
      List.of(PaperSchema.TITLE, PaperSchema.ABSTRACT, PaperSchema.AUTHORS);
  /** Fields that "elsewhere" hints look in, in the order they are reported when counts tie. */
  private static final List<String> SEARCHABLE_FIELDS = List.of(PaperSchema.TITLE, PaperSchema.ABSTRACT,
      PaperSchema.AUTHORS, PaperSchema.COMMENTS, PaperSchema.JOURNAL_REF);
  /** Fields that a word without a field is searched in, as {@link PaperQueryParser} does by default. */
  private static final List<String> DEFAULT_FIELDS =
      SEARCHABLE_FIELDS.stream().filter(PaperSchema.DEFAULT_FIELD_BOOSTS::containsKey).toList();

  private static final Analyzer ANALYZER = PaperSchema.analyzer();
  private static final QueryBuilder QUERIES = new QueryBuilder(ANALYZER);

  private HintFinder() {}

  /**
   * One word of the query, as the query parser read it.
   *
   * @param text  the word as the user wrote it
   * @param field the index field the user aimed it at ({@code title} for {@code title:hailo}), or {@code null} when
   *              it searches the default fields
   * @param start the offset in the query text of the word's first character
   * @param end   the offset in the query text just after the word's last character; when {@code start..end} spans
   *              more than the word (a {@code ti:} prefix, quotes, a {@code ~} mark), a correction replaces only the
   *              word's text inside it
   */
  public record QueryWord(String text, String field, int start, int end) {

    /** Checks that there is a word and that its offsets are in order. */
    public QueryWord {
      Objects.requireNonNull(text, "text");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad offsets " + start + ".." + end + " for word " + text);
      }
    }
  }

  /**
   * Hints for a query.
   *
   * <p>Spellings: each word that is rare in the fields it searches (see {@link #rareBelow}) and
   * analyses to a single index term gets up to {@value #CANDIDATES_PER_WORD} corrections from the title, abstract and
   * author terms (a word aimed at one of those fields: from that field only; a bare word that does occur somewhere:
   * from titles and abstracts only), written as the papers write them and in the user's case. A word that occurs at
   * all is only corrected to one that is one edit away and {@value #MORE_COMMON_FACTOR} times as common; an absent
   * word to one up to two edits away. Corrected words replace the originals at their offsets in {@code queryText}.
   * A corrected query is kept only when it would find more papers than the original, judged by the rarest word's
   * document frequency (every word must match), not by running it.
   *
   * <p>Elsewhere: each word aimed at one of {@code title}, {@code abstract}, {@code authors}, {@code comments},
   * {@code journal_ref} that matches fewer than {@value #FEW_BELOW} papers there is looked up in the other four, and
   * each field where it matches is reported with the exact number of (live) papers.
   *
   * @param searcher  the searcher of the index searched
   * @param queryText the query as the user typed it
   * @param words     the query's words, in query order
   * @return the hints, {@link SearchHints#none()} when there are none
   * @throws IllegalArgumentException when a word's offsets lie outside {@code queryText}
   * @throws IOException              when the index cannot be read
   */
  public static SearchHints find(IndexSearcher searcher, String queryText, List<QueryWord> words) throws IOException {
    for (QueryWord word : words) {
      if (word.end() > queryText.length()) {
        throw new IllegalArgumentException("word " + word.text() + " ends at " + word.end()
            + ", after the end of the query (" + queryText.length() + " characters)");
      }
    }
    if (words.isEmpty()) {
      return SearchHints.none();
    }
    List<String> spellings = spellings(searcher.getIndexReader(), queryText, words);
    List<WordLocation> elsewhere = elsewhere(searcher, words);
    return spellings.isEmpty() && elsewhere.isEmpty() ? SearchHints.none() : new SearchHints(spellings, elsewhere);
  }

  // ---- spellings ----

  /** Words in fewer papers than this are rare in an index of {@code papers} papers. */
  static int rareBelow(int papers) {
    return Math.max(RARE_BELOW, papers / RARE_SHARE);
  }

  /** A way to write one word: its text, its edit distance from what the user wrote and its frequency. */
  private record Option(String text, int edits, long docFreq, boolean changed) {}

  private static List<String> spellings(IndexReader reader, String queryText, List<QueryWord> words)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setAccuracy(MIN_SIMILARITY);
    checker.setMaxQueryLength(MAX_WORD_LENGTH);
    // we decide which words are rare ourselves; the checker's own limit (1% of papers) would skip rare words of a
    // small index
    int rare = rareBelow(reader.numDocs());
    checker.setMaxQueryFrequency(rare);

    long[] frequency = new long[words.size()];
    List<List<Option>> options = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      QueryWord word = words.get(i);
      frequency[i] = docFreq(reader, word.text(), fieldsOf(word));
      boolean room = options.stream().filter(choices -> choices.size() > 1).count() < MAX_COMBINED_WORDS;
      List<Option> choices = new ArrayList<>();
      if (room && frequency[i] >= 0 && frequency[i] < rare) {
        choices.addAll(corrections(reader, checker, word, frequency[i]));
      }
      // keeping the word is the last choice: for an absent word it only matters to other words' corrections
      choices.add(new Option(word.text(), 0, frequency[i], false));
      options.add(choices);
    }
    long original = estimate(frequency);
    if (options.stream().allMatch(choices -> choices.size() == 1)) {
      return List.of();
    }

    List<Combination> combinations = new ArrayList<>();
    combine(options, 0, new int[options.size()], combinations);
    combinations.sort(Comparator.comparingInt(Combination::rankSum)
        .thenComparingInt(Combination::edits)
        .thenComparing(Comparator.comparingLong(Combination::matches).reversed()));
    Set<String> spellings = new LinkedHashSet<>();
    for (Combination combination : combinations) {
      if (spellings.size() == MAX_SPELLINGS) {
        break;
      }
      if (combination.changed() && combination.matches() > original) {
        spellings.add(rewrite(queryText, words, combination.choices()));
      }
    }
    spellings.remove(queryText);
    return List.copyOf(spellings);
  }

  /** One choice per word, with what ranks it. */
  private record Combination(List<Option> choices, int rankSum, int edits, long matches, boolean changed) {}

  private static void combine(List<List<Option>> options, int word, int[] picked, List<Combination> out) {
    if (word == options.size()) {
      List<Option> choices = new ArrayList<>();
      int rankSum = 0;
      int edits = 0;
      long[] frequency = new long[picked.length];
      boolean changed = false;
      for (int i = 0; i < picked.length; i++) {
        Option option = options.get(i).get(picked[i]);
        choices.add(option);
        rankSum += picked[i];
        edits += option.edits();
        frequency[i] = option.docFreq();
        changed |= option.changed();
      }
      out.add(new Combination(choices, rankSum, edits, estimate(frequency), changed));
      return;
    }
    for (int i = 0; i < options.get(word).size(); i++) {
      picked[word] = i;
      combine(options, word + 1, picked, out);
    }
  }

  /**
   * An upper bound of how many papers match all the words: the rarest word's frequency. Words that nothing in the
   * index can match (negative frequency: no terms after analysis, or aimed at a field that is not text) leave it
   * unbounded.
   */
  private static long estimate(long[] frequency) {
    long least = Long.MAX_VALUE;
    for (long f : frequency) {
      if (f >= 0) {
        least = Math.min(least, f);
      }
    }
    return least;
  }

  private static String rewrite(String queryText, List<QueryWord> words, List<Option> choices) {
    StringBuilder text = new StringBuilder(queryText);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      order.add(i);
    }
    // from the last word back, so that earlier offsets stay valid
    order.sort(Comparator.comparingInt((Integer i) -> words.get(i).start()).reversed());
    for (int i : order) {
      if (choices.get(i).changed()) {
        QueryWord word = words.get(i);
        int start = word.start();
        int end = word.end();
        int inside = queryText.substring(start, end).toLowerCase(Locale.ROOT)
            .lastIndexOf(word.text().toLowerCase(Locale.ROOT));
        if (inside >= 0) {
          start += inside;
          end = start + word.text().length();
        }
        text.replace(start, end, choices.get(i).text());
      }
    }
    return text.toString();
  }

  /**
   * Up to {@value #CANDIDATES_PER_WORD} corrections of a rare word, best first: fewest edits from what the user typed,
   * then most common.
   */
  private static List<Option> corrections(IndexReader reader, DirectSpellChecker checker, QueryWord word,
      long frequency) throws IOException {
    List<String> fields;
    if (word.field() != null) {
      fields = SPELLING_FIELDS.contains(word.field()) ? List.of(word.field()) : List.of();
    } else {
      // a bare word that some title or abstract has is a word, not a misspelt name: "hailo" is not "Haibo"
      fields = frequency == 0 ? SPELLING_FIELDS : List.of(PaperSchema.TITLE, PaperSchema.ABSTRACT);
    }
    long needed = frequency == 0 ? 1 : frequency * MORE_COMMON_FACTOR;
    // the checker keeps terms in more than this many papers of a field; it is rechecked over all the fields below
    checker.setThresholdFrequency(needed > 1 ? needed - 1 : 0);
    // a word that papers do use is corrected only for a slip of one key: "hailo" is two edits from "haiku"
    checker.setMaxEdits(frequency == 0 ? 2 : 1);
    String typed = word.text().toLowerCase(Locale.ROOT);
    Map<String, Option> best = new HashMap<>();
    Map<String, String> writtenTerms = new HashMap<>(); // title and abstract share an analyzer, so their stems too
    for (String field : fields) {
      List<String> terms = analyse(field, word.text());
      if (terms.size() != 1) {
        continue; // "Hailo-10H" and the like: no single term to correct
      }
      // twice as many as needed: they are ranked again once written out
      SuggestWord[] suggestions = checker.suggestSimilar(new Term(field, terms.get(0)), 2 * CANDIDATES_PER_WORD,
          reader, SuggestMode.SUGGEST_ALWAYS);
      for (SuggestWord suggestion : suggestions) {
        // checked on the stem first (in titles and abstracts it counts as the written word does), to spare reading
        // papers for a correction that is rejected anyway
        long docFreq = docFreq(reader, suggestion.string, fieldsOf(word));
        if (docFreq < needed) {
          continue;
        }
        String cacheKey = (field.equals(PaperSchema.AUTHORS) ? field : "") + ':' + suggestion.string;
        String surface = writtenTerms.get(cacheKey);
        if (surface == null) {
          surface = surfaceForm(reader, field, suggestion.string, typed);
          writtenTerms.put(cacheKey, surface);
        }
        String written = inCaseOf(surface, word.text());
        String key = written.toLowerCase(Locale.ROOT);
        if (!key.equals(typed) && !best.containsKey(key)) {
          // judged by what the user will read: "decodng" is one edit from "decoding", two from the stem "decode"
          best.put(key, new Option(written, editDistance(typed, key), docFreq, true));
        }
      }
    }
    long commonest = best.values().stream().mapToLong(Option::docFreq).max().orElse(0);
    return best.values().stream()
        .filter(option -> option.docFreq() * RIVAL_FACTOR >= commonest)
        .sorted(Comparator.comparingInt(Option::edits)
            .thenComparing(Comparator.comparingLong(Option::docFreq).reversed())
            .thenComparing(Option::text))
        .limit(CANDIDATES_PER_WORD)
        .toList();
  }

  /**
   * How papers write {@code term} of {@code field}, as close as possible to what the user wrote: the index holds
   * stems ("cluster"), but someone who typed "clustring" wants "clustering". Reads the term's occurrences, through the
   * offsets in the postings, in a sample of the papers that have it (see {@link #surfaceSample}). Falls back to the
   * term itself for fields without offsets (authors, where terms are not stemmed anyway).
   */
  private static String surfaceForm(IndexReader reader, String field, String term, String typed)
      throws IOException {
    Map<String, Integer> forms = new HashMap<>();
    List<SampledPaper> sample = surfaceSample(reader, field, term);
    List<LeafReaderContext> leaves = reader.leaves();
    PostingsEnum postings = null;
    StoredFields stored = null;
    int openLeaf = -1;
    for (SampledPaper paper : sample) {
      if (paper.leaf() != openLeaf) { // the sample is in index order: each segment is opened once
        LeafReader leaf = leaves.get(paper.leaf()).reader();
        postings = leaf.postings(new Term(field, term), PostingsEnum.OFFSETS);
        stored = leaf.storedFields();
        openLeaf = paper.leaf();
      }
      String text = stored.document(paper.doc(), Set.of(field)).get(field);
      if (text == null || postings.advance(paper.doc()) != paper.doc()) {
        continue;
      }
      for (int i = 0; i < postings.freq(); i++) {
        postings.nextPosition();
        int start = postings.startOffset();
        int end = postings.endOffset();
        if (start >= 0 && start < end && end <= text.length()) {
          forms.merge(text.substring(start, end).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    return forms.entrySet().stream()
        .filter(form -> analyse(field, form.getKey()).equals(List.of(term)))
        .min(Comparator.comparingInt((Map.Entry<String, Integer> form) -> editDistance(typed, form.getKey()))
            .thenComparing(Comparator.comparingInt((Map.Entry<String, Integer> form) -> form.getValue()).reversed())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse(term);
  }

  /** A paper of the surface sample: its segment's position among the reader's leaves, and its number there. */
  private record SampledPaper(long fingerprint, int leaf, int doc) {}

  /**
   * Up to {@value #SURFACE_SAMPLE_PAPERS} live papers with {@code term} in {@code field}, in index order: those whose
   * fingerprints are lowest. Taking the first papers instead would make the hint depend on the order the papers were
   * indexed in, which two builds of the same records do not share. Empty for a field without offsets.
   */
  private static List<SampledPaper> surfaceSample(IndexReader reader, String field, String term) throws IOException {
    Comparator<SampledPaper> highestFirst = Comparator.comparingLong(SampledPaper::fingerprint).reversed();
    PriorityQueue<SampledPaper> lowest = new PriorityQueue<>(highestFirst);
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < leaves.size(); i++) {
      LeafReader leaf = leaves.get(i).reader();
      FieldInfo info = leaf.getFieldInfos().fieldInfo(field);
      if (info == null
          || info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) < 0) {
        continue;
      }
      PostingsEnum docs = leaf.postings(new Term(field, term), PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      Bits live = leaf.getLiveDocs();
      NumericDocValues fingerprints = DocValues.getNumeric(leaf, PaperSchema.FINGERPRINT);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        long fingerprint = fingerprints.advanceExact(doc) ? fingerprints.longValue() : Long.MAX_VALUE;
        if (lowest.size() < SURFACE_SAMPLE_PAPERS) {
          lowest.add(new SampledPaper(fingerprint, i, doc));
        } else if (fingerprint < lowest.peek().fingerprint()) {
          lowest.poll();
          lowest.add(new SampledPaper(fingerprint, i, doc));
        }
      }
    }
    return lowest.stream()
        .sorted(Comparator.comparingInt(SampledPaper::leaf).thenComparingInt(SampledPaper::doc))
        .toList();
  }

  /** {@code word} (lower case) written like {@code model}: ALL CAPS, Capitalised or lower case. */
  static String inCaseOf(String word, String model) {
    String lower = word.toLowerCase(Locale.ROOT);
    long letters = model.codePoints().filter(Character::isLetter).count();
    boolean allUpper = letters > 1 && model.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    if (allUpper) {
      return lower.toUpperCase(Locale.ROOT);
    }
    if (!model.isEmpty() && Character.isUpperCase(model.codePointAt(0)) && !lower.isEmpty()) {
      int first = lower.codePointAt(0);
      return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
          .append(lower, Character.charCount(first), lower.length()).toString();
    }
    return lower;
  }

  /**
   * Edits (insert, delete, replace, or swap two neighbours: "cahce" is one edit from "cache") that turn {@code a}
   * into {@code b}; the measure Lucene's fuzzy term matching uses.
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  // ---- elsewhere ----

  private static List<WordLocation> elsewhere(IndexSearcher searcher, List<QueryWord> words) throws IOException {
    List<WordLocation> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (QueryWord word : words) {
      if (word.field() == null || !SEARCHABLE_FIELDS.contains(word.field())
          || !seen.add(word.field() + ':' + word.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      long here = count(searcher, word.field(), word.text());
      if (here < 0 || here >= FEW_BELOW) {
        continue;
      }
      List<WordLocation> locations = new ArrayList<>();
      for (String field : SEARCHABLE_FIELDS) {
        if (!field.equals(word.field())) {
          long papers = count(searcher, field, word.text());
          if (papers > 0) {
            locations.add(new WordLocation(word.text(), field, papers));
          }
        }
      }
      // stable sort: equal counts stay in SEARCHABLE_FIELDS order
      locations.sort(Comparator.comparingLong(WordLocation::papers).reversed());
      found.addAll(locations);
    }
    return found;
  }

  /**
   * How many live papers match the word in the field, as the query parser would match it (a phrase when it
   * analyses to several terms); -1 when it analyses to nothing there.
   */
  private static long count(IndexSearcher searcher, String field, String word) throws IOException {
    Query query = QUERIES.createPhraseQuery(field, word);
    return query == null ? -1 : searcher.count(query);
  }

  // ---- shared ----

  /** The fields a word searches: its own, or the default ones; none when it aims at a field that is not text. */
  private static List<String> fieldsOf(QueryWord word) {
    if (word.field() == null) {
      return DEFAULT_FIELDS;
    }
    return SEARCHABLE_FIELDS.contains(word.field()) ? List.of(word.field()) : List.of();
  }

  /**
   * The number of papers with the word in any of {@code fields}, approximately and cheaply: per field the least
   * document frequency of its terms (a bound for a phrase), then the most over the fields (a bound for the union).
   * Document frequencies still count deleted papers until segments merge. -1 when the word has no terms in any field.
   */
  private static long docFreq(IndexReader reader, String word, List<String> fields) throws IOException {
    long most = -1;
    for (String field : fields) {
      List<String> terms = analyse(field, word);
      if (terms.isEmpty()) {
        continue;
      }
      long least = Long.MAX_VALUE;
      for (String term : terms) {
        least = Math.min(least, reader.docFreq(new Term(field, term)));
      }
      most = Math.max(most, least);
    }
    return most;
  }

  /** The terms that the index's analyzer makes of {@code text} in {@code field}. */
  private static List<String> analyse(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return terms;
  }
}
