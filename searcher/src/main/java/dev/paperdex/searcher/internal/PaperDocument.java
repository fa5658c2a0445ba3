package dev.paperdex.searcher.internal;

import static dev.paperdex.searcher.internal.PaperSchema.*;

import dev.paperdex.searcher.Paper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** Turns a {@link Paper} into a Lucene document and a stored document back into a {@link Paper}. */
public final class PaperDocument {

  private PaperDocument() {}

  /** The Lucene document that indexes this paper under the {@link PaperSchema}. */
  public static Document toDocument(Paper paper) {
    return toDocument(paper, fingerprint(paper));
  }

  /** {@link #toDocument(Paper)} for a caller that has the paper's {@link #fingerprint} already. */
  public static Document toDocument(Paper paper, long fingerprint) {
    Document doc = new Document();
    doc.add(new KeywordField(ID, paper.id(), Field.Store.YES));
    doc.add(new StoredField(VERSION_NUMBER, paper.version()));
    doc.add(new NumericDocValuesField(VERSION_NUMBER, paper.version()));
    doc.add(new Field(TITLE, paper.title(), HIGHLIGHTED_TEXT));
    addText(doc, ABSTRACT, paper.abstractText(), HIGHLIGHTED_TEXT);
    for (String author : paper.authors()) {
      doc.add(new Field(AUTHORS, author, STORED_TEXT));
      String key = authorKey(author);
      if (key != null) {
        doc.add(new StringField(AUTHOR_KEYS, key, Field.Store.NO));
      }
    }
    for (String category : paper.categories()) {
      doc.add(new KeywordField(CATEGORIES, category, Field.Store.YES));
    }
    paper.categories().stream().map(PaperDocument::archive).distinct()
        .forEach(archive -> doc.add(new KeywordField(ARCHIVES, archive, Field.Store.NO)));
    paper.authors().stream().distinct()
        .forEach(author -> doc.add(new SortedSetDocValuesField(AUTHOR_FACET, new BytesRef(author))));
    if (paper.primaryCategory() != null) {
      doc.add(new StringField(PRIMARY_CATEGORY, paper.primaryCategory(), Field.Store.YES));
    }
    addInstant(doc, PUBLISHED, paper.published());
    if (paper.published() == null) {
      // Not stored, so the paper still shows no date it was not given; but date filters, sorting and the years
      // facet place it in the month its id says, rather than leave it out.
      paper.idMonth().ifPresent(month ->
          doc.add(dateField(PUBLISHED, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond())));
    }
    addInstant(doc, UPDATED, paper.updated());
    if (paper.doi() != null) {
      doc.add(new StringField(DOI, paper.doi().toLowerCase(Locale.ROOT), Field.Store.NO));
      doc.add(new StoredField(DOI, paper.doi()));
    }
    addText(doc, JOURNAL_REF, paper.journalRef(), STORED_TEXT);
    addText(doc, COMMENTS, paper.comments(), STORED_TEXT);
    addText(doc, REPORT_NUMBER, paper.reportNumber(), STORED_TEXT);
    addStored(doc, MSC_CLASS, paper.mscClass());
    addStored(doc, ACM_CLASS, paper.acmClass());
    addStored(doc, LICENSE, paper.license());
    if (paper.withdrawn()) {
      doc.add(new StringField(WITHDRAWN, "true", Field.Store.YES));
    }
    addStored(doc, SOURCE, paper.source());
    doc.add(new NumericDocValuesField(FINGERPRINT, fingerprint));
    return doc;
  }

  /**
   * {@link AuthorNames#key} through a memory of the names the thread has seen (up to {@link #MAX_AUTHOR_KEYS}, then
   * forgotten): most authors wrote many papers, and working out a key took 4% of indexing's CPU.
   */
  private static String authorKey(String author) {
    Map<String, String> keys = KEYS_OF_AUTHORS.get();
    String key = keys.get(author);
    if (key == null) {
      if (keys.size() >= MAX_AUTHOR_KEYS) {
        keys.clear();
      }
      key = Objects.requireNonNullElse(AuthorNames.key(author), NO_KEY);
      keys.put(author, key);
    }
    return key.equals(NO_KEY) ? null : key;
  }

  private static final ThreadLocal<Map<String, String>> KEYS_OF_AUTHORS = ThreadLocal.withInitial(HashMap::new);
  private static final int MAX_AUTHOR_KEYS = 100_000;
  /** Stands for a name without a key in {@link #KEYS_OF_AUTHORS}: no key is empty. */
  private static final String NO_KEY = "";

  /** The paper that a stored document holds; the inverse of {@link #toDocument(Paper)} for every stored field. */
  public static Paper toPaper(Document doc) {
    return Paper.builder()
        .withId(doc.get(ID))
        .withVersion(doc.getField(VERSION_NUMBER).numericValue().intValue())
        .withTitle(doc.get(TITLE))
        .withAbstract(doc.get(ABSTRACT))
        .withAuthors(List.of(doc.getValues(AUTHORS)))
        .withCategories(List.of(doc.getValues(CATEGORIES)))
        .withPublished(instant(doc, PUBLISHED))
        .withUpdated(instant(doc, UPDATED))
        .withDoi(doc.get(DOI))
        .withJournalRef(doc.get(JOURNAL_REF))
        .withComments(doc.get(COMMENTS))
        .withReportNumber(doc.get(REPORT_NUMBER))
        .withMscClass(doc.get(MSC_CLASS))
        .withAcmClass(doc.get(ACM_CLASS))
        .withLicense(doc.get(LICENSE))
        .withWithdrawn("true".equals(doc.get(WITHDRAWN)))
        .withSource(doc.get(SOURCE))
        .build();
  }

  /** The archive a category code belongs to: the part before the dot, or the whole code of a bare archive. */
  public static String archive(String category) {
    int dot = category.indexOf('.');
    return dot < 0 ? category : category.substring(0, dot);
  }

  /**
   * A 64-bit hash of everything about the paper except where it was read from, so that re-reading the same paper
   * from another file counts as unchanged: MurmurHash3 (x64, 128 bits, the first half) of the fields' UTF-16 code
   * units, each field led by its length (-1 when absent) so that no two different papers give the same input.
   */
  public static long fingerprint(Paper paper) {
    FingerprintInput input = new FingerprintInput();
    input.add(paper.id());
    input.add(paper.version());
    input.add(paper.title());
    input.add(paper.authors());
    input.add(paper.categories());
    input.add(paper.withdrawn() ? 1 : 0);
    input.add(paper.abstractText());
    input.add(paper.published());
    input.add(paper.updated());
    for (String optional : new String[] {paper.doi(), paper.journalRef(), paper.comments(), paper.reportNumber(),
        paper.mscClass(), paper.acmClass(), paper.license()}) {
      input.add(optional);
    }
    return StringHelper.murmurhash3_x64_128(input.bytes, 0, input.length, FINGERPRINT_SEED)[0];
  }

  private static final int FINGERPRINT_SEED = 0x70617065; // "pape"

  /** The bytes {@link #fingerprint} hashes, written without a detour through one big string. */
  private static final class FingerprintInput {
    private byte[] bytes = new byte[4096];
    private int length;

    void add(String text) {
      if (text == null) {
        add(-1);
        return;
      }
      int size = text.length();
      add(size);
      if (length + 2 * size > bytes.length) {
        bytes = ArrayUtil.grow(bytes, length + 2 * size);
      }
      for (int k = 0; k < size; k++) {
        char c = text.charAt(k);
        bytes[length++] = (byte) c;
        bytes[length++] = (byte) (c >>> 8);
      }
    }

    void add(List<String> texts) {
      add(texts.size());
      for (String text : texts) {
        add(text);
      }
    }

    void add(Instant instant) {
      if (instant == null) {
        add(-1);
      } else {
        add(0);
        add(instant.getEpochSecond());
        add(instant.getNano());
      }
    }

    void add(long value) {
      if (length + Long.BYTES > bytes.length) {
        bytes = ArrayUtil.grow(bytes, length + Long.BYTES);
      }
      for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }
  }

  private static void addText(Document doc, String field, String value, org.apache.lucene.document.FieldType type) {
    if (value != null && !value.isEmpty()) {
      doc.add(new Field(field, value, type));
    }
  }

  private static void addStored(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new StoredField(field, value));
    }
  }

  private static void addInstant(Document doc, String field, Instant value) {
    if (value != null) {
      doc.add(dateField(field, value.getEpochSecond()));
      doc.add(new StoredField(field, value.getEpochSecond()));
    }
  }

  private static Instant instant(Document doc, String field) {
    IndexableField stored = doc.getField(field);
    return stored == null ? null : Instant.ofEpochSecond(stored.numericValue().longValue());
  }
}
