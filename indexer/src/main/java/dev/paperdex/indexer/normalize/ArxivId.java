package dev.paperdex.indexer.normalize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier split into the bare id and its version.
 *
 * @param id      the bare id: {@code 2603.23640}, {@code 0704.0001} or old-style {@code hep-th/9901001}
 * @param version the version number, or 0 when the text named none
 */
public record ArxivId(String id, int version) {

  /** New-style {@code YYMM.NNNN[N]} or old-style {@code archive[.SUB]/YYMMNNN}, with an optional {@code vN}. */
  private static final Pattern ID = Pattern.compile(
      "(?<![\\w.])(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?/\\d{7})(?:v(\\d+))?(?![\\w.]*\\d)");
  /** The subject class of an old-style id ({@code .AG} of {@code math.AG/0601001}), which the bare id drops. */
  private static final Pattern SUBJECT_CLASS = Pattern.compile("^([a-z-]+)\\.[A-Z]{2}/");

  /**
   * Finds the arXiv id in {@code text}: a bare id, {@code arXiv:ID}, or an abs/pdf URL such as
   * {@code http://arxiv.org/abs/2603.23640v1}. Old-style ids lose their subject class ({@code math.AG/0601001}
   * is {@code math/0601001}), as arXiv does.
   */
  public static Optional<ArxivId> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (isBareId(text)) {
      return Optional.of(new ArxivId(text, 0));
    }
    Matcher m = ID.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String id = m.group(1);
    if (id.indexOf('/') >= 0) { // old style; compiled once rather than for every record
      id = SUBJECT_CLASS.matcher(id).replaceFirst("$1/");
    }
    int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return Optional.of(new ArxivId(id, version));
  }

  /**
   * Whether the whole text is a bare id without version or subject class, as a Kaggle record's {@code id} is
   * ({@code 0704.0001}, {@code astro-ph/9601001}): {@link #ID} finds that same id, so it need not run.
   */
  private static boolean isBareId(String text) {
    int length = text.length();
    if ((length == 9 || length == 10) && text.charAt(4) == '.') {
      return isDigits(text, 0, 4) && isDigits(text, 5, length);
    }
    int slash = length - 8;
    if (slash < 1 || text.charAt(slash) != '/' || !isDigits(text, slash + 1, length)) {
      return false;
    }
    // the archive, [a-z]+(-[a-z]+)*
    for (int k = 0; k < slash; k++) {
      char c = text.charAt(k);
      boolean letter = c >= 'a' && c <= 'z';
      if (!letter && (c != '-' || k == 0 || k == slash - 1 || text.charAt(k - 1) == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
