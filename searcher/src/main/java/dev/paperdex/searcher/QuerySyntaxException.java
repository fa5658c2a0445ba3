package dev.paperdex.searcher;

/** Thrown when a query cannot be parsed; says where (a 1-based column) and what to do about it. */
public final class QuerySyntaxException extends IllegalArgumentException {

  private final String query;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param query   the query text
   * @param column  the 1-based column where the problem is
   * @param problem what is wrong and how to fix it
   */
  public QuerySyntaxException(String query, int column, String problem) {
    super("column " + column + ": " + problem);
    this.query = query;
    this.column = column;
  }

  /** The query text that failed. */
  public String query() {
    return query;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }
}
