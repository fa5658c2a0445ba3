package dev.paperdex.searcher;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One normalised paper: what every input format is turned into before indexing, and what a search returns in full.
 *
 * <p>Text fields hold display text (white space collapsed, TeX turned into Unicode). Optional fields are {@code null}
 * when the source did not say; lists are never {@code null}. Build one with {@link #builder()}.
 *
 * @param id           the bare arXiv id without version, such as {@code 2603.23640} or {@code hep-th/9901001}
 * @param version      the latest version number known, 1 or more
 * @param title        the title
 * @param abstractText the abstract, or {@code null}
 * @param authors      display names in the paper's order
 * @param categories   arXiv category codes, primary first
 * @param published    when version 1 was submitted, or {@code null}
 * @param updated      when the latest version was submitted, or {@code null}
 * @param doi          the DOI, or {@code null}
 * @param journalRef   the journal reference, or {@code null}
 * @param comments     the authors' comments (pages, figures, venue), or {@code null}
 * @param reportNumber the report number, or {@code null}
 * @param mscClass     MSC classes, or {@code null}
 * @param acmClass     ACM classes, or {@code null}
 * @param license      the licence URL, or {@code null}
 * @param withdrawn    whether the latest version withdraws the paper
 * @param source       where the record came from (a file path, with position where useful), or {@code null}
 */
public record Paper(
    String id,
    int version,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    Instant published,
    Instant updated,
    String doi,
    String journalRef,
    String comments,
    String reportNumber,
    String mscClass,
    String acmClass,
    String license,
    boolean withdrawn,
    String source) {

  /** {@code YYMM.NNNNN} (groups 1, 2) or {@code archive/YYMMNNN} (groups 3, 4). */
  private static final Pattern ARXIV_ID = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}|[a-z-]+/(\\d{2})(\\d{2})\\d{3}");
  /** arXiv's first papers, numbered the old way. */
  private static final YearMonth FIRST_OLD_STYLE = YearMonth.of(1991, 8);
  /** When arXiv began numbering papers {@code YYMM.NNNN}. */
  private static final YearMonth FIRST_NEW_STYLE = YearMonth.of(2007, 4);

  /** Checks the required fields and makes the lists immutable. */
  public Paper {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a paper needs an id");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, not " + version + " (paper " + id + ")");
    }
    title = title == null ? "" : title;
    authors = List.copyOf(authors == null ? List.of() : authors);
    categories = List.copyOf(categories == null ? List.of() : categories);
  }

  /** The primary category, or {@code null} when the source named none. */
  public String primaryCategory() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  /** The id with its version, as arXiv writes it: {@code 2603.23640v2}. */
  public String versionedId() {
    return id + "v" + version;
  }

  /**
   * The month arXiv gave the paper its id, read from the id itself ({@code 1812.06145} and {@code hep-th/9901001}
   * were submitted in December 2018 and January 1999); empty for an id not in arXiv's form. It is the month version
   * 1 was submitted in, for the papers whose records leave out {@link #published()}.
   */
  public Optional<YearMonth> idMonth() {
    Matcher m = ARXIV_ID.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean newStyle = m.group(1) != null;
    int year = Integer.parseInt(newStyle ? m.group(1) : m.group(3));
    int month = Integer.parseInt(newStyle ? m.group(2) : m.group(4));
    if (month < 1 || month > 12) {
      return Optional.empty();
    }
    YearMonth submitted = YearMonth.of(year >= 91 ? 1900 + year : 2000 + year, month);
    boolean possible = newStyle ? !submitted.isBefore(FIRST_NEW_STYLE)
        : !submitted.isBefore(FIRST_OLD_STYLE) && submitted.isBefore(FIRST_NEW_STYLE);
    return possible ? Optional.of(submitted) : Optional.empty();
  }

  /** A builder pre-filled with this paper's values, for making a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .withId(id)
        .withVersion(version)
        .withTitle(title)
        .withAbstract(abstractText)
        .withAuthors(authors)
        .withCategories(categories)
        .withPublished(published)
        .withUpdated(updated)
        .withDoi(doi)
        .withJournalRef(journalRef)
        .withComments(comments)
        .withReportNumber(reportNumber)
        .withMscClass(mscClass)
        .withAcmClass(acmClass)
        .withLicense(license)
        .withWithdrawn(withdrawn)
        .withSource(source);
  }

  /** A new builder with no values set; the version starts at 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Paper} one field at a time. */
  public static final class Builder {
    private String id;
    private int version = 1;
    private String title;
    private String abstractText;
    private List<String> authors = List.of();
    private List<String> categories = List.of();
    private Instant published;
    private Instant updated;
    private String doi;
    private String journalRef;
    private String comments;
    private String reportNumber;
    private String mscClass;
    private String acmClass;
    private String license;
    private boolean withdrawn;
    private String source;

    private Builder() {}

    /** Sets the bare id (no version). */
    public Builder withId(String id) {
      this.id = id;
      return this;
    }

    /** Sets the latest version number. */
    public Builder withVersion(int version) {
      this.version = version;
      return this;
    }

    /** Sets the title. */
    public Builder withTitle(String title) {
      this.title = title;
      return this;
    }

    /** Sets the abstract. */
    public Builder withAbstract(String abstractText) {
      this.abstractText = abstractText;
      return this;
    }

    /** Sets the authors' display names, in order. */
    public Builder withAuthors(List<String> authors) {
      this.authors = authors;
      return this;
    }

    /** Sets the category codes, primary first. */
    public Builder withCategories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    /** Sets when version 1 was submitted. */
    public Builder withPublished(Instant published) {
      this.published = published;
      return this;
    }

    /** Sets when the latest version was submitted. */
    public Builder withUpdated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /** Sets the DOI. */
    public Builder withDoi(String doi) {
      this.doi = doi;
      return this;
    }

    /** Sets the journal reference. */
    public Builder withJournalRef(String journalRef) {
      this.journalRef = journalRef;
      return this;
    }

    /** Sets the authors' comments. */
    public Builder withComments(String comments) {
      this.comments = comments;
      return this;
    }

    /** Sets the report number. */
    public Builder withReportNumber(String reportNumber) {
      this.reportNumber = reportNumber;
      return this;
    }

    /** Sets the MSC classes. */
    public Builder withMscClass(String mscClass) {
      this.mscClass = mscClass;
      return this;
    }

    /** Sets the ACM classes. */
    public Builder withAcmClass(String acmClass) {
      this.acmClass = acmClass;
      return this;
    }

    /** Sets the licence URL. */
    public Builder withLicense(String license) {
      this.license = license;
      return this;
    }

    /** Marks the paper as withdrawn or not. */
    public Builder withWithdrawn(boolean withdrawn) {
      this.withdrawn = withdrawn;
      return this;
    }

    /** Sets where the record came from. */
    public Builder withSource(String source) {
      this.source = source;
      return this;
    }

    /** Builds the paper; throws {@link IllegalArgumentException} when the id or version is missing or invalid. */
    public Paper build() {
      return new Paper(id, version, title, abstractText, authors, categories, published, updated, doi, journalRef,
          comments, reportNumber, mscClass, acmClass, license, withdrawn, source);
    }
  }
}
