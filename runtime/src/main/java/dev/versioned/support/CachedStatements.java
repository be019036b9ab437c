package dev.versioned.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Statements that differ only by which columns they set, such as the {@code UPDATE} of {@code
 * updateChanged}: one {@link CachedStatement} per set of changed columns, given as a bit mask.
 */
public final class CachedStatements {
  /** Builds the statement for one set of columns. */
  @FunctionalInterface
  public interface Template {
    /**
     * Builds the query.
     *
     * @param ctx the context to build with
     * @param p where each bind value comes from, in the order the values will be given
     * @param columns the bit mask of the columns to set
     * @return the query
     */
    Query build(DSLContext ctx, CachedStatement.Placeholders p, long columns);
  }

  /** Column sets kept; past that, statements are still correct but rendered on every call. */
  private static final int MAX_COLUMN_SETS = 256;

  private final Template template;
  private final Map<Long, CachedStatement> statements = new ConcurrentHashMap<>();

  private CachedStatements(Template template) {
    this.template = template;
  }

  /**
   * A family of statements.
   *
   * @param template how to build the statement for a set of columns
   * @return the family
   */
  public static CachedStatements of(Template template) {
    return new CachedStatements(template);
  }

  /**
   * The statement that sets these columns.
   *
   * @param columns the bit mask of the columns
   * @return the statement
   */
  public CachedStatement forColumns(long columns) {
    CachedStatement statement = statements.get(columns);
    if (statement == null) {
      statement = CachedStatement.of((ctx, p) -> template.build(ctx, p, columns));
      if (statements.size() < MAX_COLUMN_SETS) {
        CachedStatement raced = statements.putIfAbsent(columns, statement);
        if (raced != null) {
          statement = raced;
        }
      }
    }
    return statement;
  }
}
