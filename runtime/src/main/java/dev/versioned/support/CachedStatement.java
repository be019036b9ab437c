package dev.versioned.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.jooq.BindContext;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.DiagnosticsConnection;
import org.jooq.conf.ParamType;
import org.jooq.conf.QueryPoolable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.DataException;
import org.jooq.exception.DetachedException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.DSL;
import org.jooq.tools.JooqLogger;
import org.jooq.tools.LoggerListener;

/**
 * One statement of a generated repository, rendered by jOOQ once per dialect and {@link Settings}
 * and then run as a JDBC {@link PreparedStatement} on the connection of the {@link DSLContext}'s
 * {@link ConnectionProvider}, so it joins the context's transaction exactly as a jOOQ query would.
 *
 * <p>The statement is written once, as a jOOQ query whose bind values are {@linkplain Placeholders
 * placeholders}; each execution gives the values in the same order ({@link Values}). jOOQ renders
 * the SQL (names, quoting, dialect), and jOOQ's bindings bind every value whose JDBC call is not
 * exactly {@code setLong}/{@code setInt}/{@code setShort}/{@code setString}.
 *
 * <p>When the configuration asks for something only jOOQ's own execution does — {@code
 * ExecuteListener}s (including jOOQ's DEBUG logging of statements), {@code VisitListener}s,
 * diagnostics, static statements, named or inlined parameters, query timeouts, fetch or row limits
 * — the statement is instead built with its values and run by jOOQ, on every call. Listeners
 * therefore see every statement; the cached path is taken only when nothing could observe the
 * difference. The exception: execute listeners that are all {@link StatementExceptionTranslator}s
 * (they only translate failures) keep the cached path, and translate its failures.
 */
public final class CachedStatement {
  /** Builds the statement, taking each bind value from {@link Placeholders#of}. */
  @FunctionalInterface
  public interface Template {
    /**
     * Builds the query.
     *
     * @param ctx the context to build with
     * @param p where each bind value comes from, in the order the values will be given
     * @return the query
     */
    Query build(DSLContext ctx, Placeholders p);
  }

  /** Gives the bind values of one execution, in the order of the template's placeholders. */
  @FunctionalInterface
  public interface Binder {
    /**
     * Gives the values.
     *
     * @param values where to give them
     */
    void bind(Values values);
  }

  /** Gives the bind values of one item of a batch, in the order of the template's placeholders. */
  @FunctionalInterface
  public interface BatchBinder<T> {
    /**
     * Gives the values of one item.
     *
     * @param values where to give them
     * @param item the item
     */
    void bind(Values values, T item);
  }

  /** Gives the bind values of the item at an index of a batch. */
  @FunctionalInterface
  public interface IndexedBinder {
    /**
     * Gives the values of one item.
     *
     * @param values where to give them
     * @param index the item's index in the batch
     */
    void bind(Values values, int index);
  }

  /** Reads the current row of a result set. */
  @FunctionalInterface
  public interface RowReader<R> {
    /**
     * Reads the row.
     *
     * @param rs the result set, on the row
     * @return the value of the row
     * @throws SQLException from the driver
     */
    R read(ResultSet rs) throws SQLException;
  }

  /** Hands out the bind-value placeholders of a template, numbering them in order. */
  public static final class Placeholders {
    private int count;

    Placeholders() {}

    /**
     * The next placeholder.
     *
     * @param field the column whose value it stands for (its data type binds the value)
     * @param <T> the column's type
     * @return a bind-value parameter
     */
    public <T> Param<T> of(Field<T> field) {
      return DSL.param(name(++count), field);
    }
  }

  private static final JooqLogger EXECUTE_LOG = JooqLogger.getLogger(LoggerListener.class);
  private static final int MAX_CONFIGURATIONS = 32;

  private final Template template;
  private final Map<Key, Rendered> cache = new ConcurrentHashMap<>();
  private volatile Rendered last;

  private CachedStatement(Template template) {
    this.template = template;
  }

  /**
   * A statement.
   *
   * @param template how to build it
   * @return the statement
   */
  public static CachedStatement of(Template template) {
    return new CachedStatement(Objects.requireNonNull(template, "template"));
  }

  /**
   * Runs the statement as an update count query ({@code INSERT}, {@code UPDATE}, {@code DELETE}).
   *
   * @param ctx the context: connection, transaction, dialect and settings
   * @param binder the values
   * @return the row count
   */
  public int execute(DSLContext ctx, Binder binder) {
    Configuration configuration = ctx.configuration();
    Rendered rendered = rendered(configuration);
    if (rendered == null) {
      return withValues(ctx, binder).execute();
    }
    return run(
        configuration,
        rendered,
        statement -> {
          binder.bind(new JdbcValues(configuration, statement));
          return statement.executeUpdate();
        });
  }

  /**
   * Runs the statement once per item as one JDBC batch, and returns each item's row count, in the
   * order given; as {@link Batches#execute}, it never reports {@link
   * java.sql.Statement#SUCCESS_NO_INFO}: when the driver answers that for any item, the batch is
   * rolled back to a savepoint and each item is run again alone, so each count is real. The caller
   * must run this inside a transaction.
   *
   * <p>On the cached path the statement is prepared once and each item's values are added to its
   * batch; when jOOQ must run the statement (see the class comment), the statement is built with
   * each item's values and the queries run by {@link Batches#execute}.
   *
   * @param ctx the transaction's context: connection, dialect and settings
   * @param items the items, one statement each (none: nothing runs)
   * @param binder the values of an item
   * @param <T> the item type
   * @return the row count of each item
   */
  public <T> int[] executeBatch(DSLContext ctx, List<? extends T> items, BatchBinder<T> binder) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(binder, "binder");
    return executeBatch(ctx, items.size(), (values, i) -> binder.bind(values, items.get(i)));
  }

  /**
   * As {@link #executeBatch(DSLContext, List, BatchBinder)}, for items given by their index.
   *
   * @param ctx the transaction's context: connection, dialect and settings
   * @param count the number of items (0: nothing runs)
   * @param binder the values of the item at an index
   * @return the row count of each item
   */
  public int[] executeBatch(DSLContext ctx, int count, IndexedBinder binder) {
    Objects.requireNonNull(binder, "binder");
    if (count == 0) {
      return new int[0];
    }
    Rendered rendered = rendered(ctx.configuration());
    if (rendered == null) {
      List<Query> queries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        queries.add(withValues(ctx, values -> binder.bind(values, index)));
      }
      return Batches.execute(ctx, queries);
    }
    return Batches.withRealCounts(
        ctx,
        count,
        savepoint -> {
          Configuration configuration = savepoint.configuration();
          return run(
              configuration,
              rendered,
              statement -> {
                for (int i = 0; i < count; i++) {
                  binder.bind(new JdbcValues(configuration, statement), i);
                  statement.addBatch();
                }
                return Batches.perStatement(statement.executeBatch(), count);
              });
        },
        i -> execute(ctx, values -> binder.bind(values, i)));
  }

  /**
   * Runs a batch whose items each run one of several cached statements (a version-checked write
   * whose version may be null runs its {@code IS NULL} twin for a null version): one JDBC batch per
   * statement, in the order of first use, and each item's row count in the order given. The caller
   * must run this inside a transaction.
   *
   * @param ctx the transaction's context: connection, dialect and settings
   * @param count the number of items (0: nothing runs)
   * @param statement the statement of the item at an index
   * @param binder the values of the item at an index, in the order of its statement's placeholders
   * @return the row count of each item
   */
  public static int[] executeBatch(
      DSLContext ctx, int count, IntFunction<CachedStatement> statement, IndexedBinder binder) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(binder, "binder");
    Map<CachedStatement, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      groups.computeIfAbsent(statement.apply(i), s -> new ArrayList<>()).add(i);
    }
    int[] rows = new int[count];
    for (Map.Entry<CachedStatement, List<Integer>> group : groups.entrySet()) {
      List<Integer> indexes = group.getValue();
      int[] counts =
          group
              .getKey()
              .executeBatch(
                  ctx, indexes.size(), (values, j) -> binder.bind(values, indexes.get(j)));
      for (int j = 0; j < counts.length; j++) {
        rows[indexes.get(j)] = counts[j];
      }
    }
    return rows;
  }

  /**
   * Runs the statement as a query of at most one row.
   *
   * @param ctx the context: connection, transaction, dialect and settings
   * @param binder the values
   * @param reader reads the row with JDBC getters, or null to read it with jOOQ's bindings
   * @param mapper maps a row read by jOOQ
   * @param <R> the result type
   * @return the row, or empty
   * @throws TooManyRowsException if there is more than one row
   */
  public <R> Optional<R> fetchOptional(
      DSLContext ctx, Binder binder, RowReader<R> reader, RecordMapper<Record, R> mapper) {
    Configuration configuration = ctx.configuration();
    Rendered rendered = rendered(configuration);
    if (rendered == null) {
      ResultQuery<?> query = (ResultQuery<?>) withValues(ctx, binder);
      return query.fetchOptional().map(mapper::map);
    }
    return run(
        configuration,
        rendered,
        statement -> {
          binder.bind(new JdbcValues(configuration, statement));
          try (ResultSet rs = statement.executeQuery()) {
            return reader != null ? readOne(rs, reader) : readOne(ctx, rs, rendered.fields, mapper);
          }
        });
  }

  /** A JDBC call on the prepared statement of the cached path. */
  @FunctionalInterface
  private interface StatementCall<X> {
    X call(PreparedStatement statement) throws SQLException;
  }

  /**
   * Prepares the rendered SQL on the connection of the configuration's provider, makes the call,
   * and translates its failures as jOOQ's execution would.
   */
  private static <X> X run(Configuration configuration, Rendered rendered, StatementCall<X> call) {
    ConnectionProvider provider = configuration.connectionProvider();
    Connection connection = acquire(provider);
    try {
      try (PreparedStatement statement = connection.prepareStatement(rendered.sql)) {
        return call.call(statement);
      }
    } catch (SQLException e) {
      throw translate(configuration, rendered.sql, e);
    } catch (JdbcValues.BindFailure e) {
      throw translate(configuration, rendered.sql, e.getCause());
    } finally {
      provider.release(connection);
    }
  }

  private static <R> Optional<R> readOne(ResultSet rs, RowReader<R> reader) throws SQLException {
    if (!rs.next()) {
      return Optional.empty();
    }
    R row = reader.read(rs);
    if (rs.next()) {
      throw new TooManyRowsException("Cursor returned more than one result");
    }
    return Optional.of(row);
  }

  private static <R> Optional<R> readOne(
      DSLContext ctx, ResultSet rs, Field<?>[] fields, RecordMapper<Record, R> mapper) {
    try (Cursor<Record> cursor = ctx.fetchLazy(rs, fields)) {
      Record row = cursor.fetchNext();
      if (row == null) {
        return Optional.empty();
      }
      if (cursor.hasNext()) {
        throw new TooManyRowsException("Cursor returned more than one result");
      }
      return Optional.of(mapper.map(row));
    }
  }

  /** The statement built with its values, for jOOQ to run. */
  private Query withValues(DSLContext ctx, Binder binder) {
    Placeholders p = new Placeholders();
    Query query = template.build(ctx, p);
    CollectedValues values = new CollectedValues(p.count);
    binder.bind(values);
    values.bindTo(query);
    return query;
  }

  /** The SQL for this configuration, or null when jOOQ must run the statement. */
  private Rendered rendered(Configuration configuration) {
    if (!onlyTranslators(configuration.executeListenerProviders())
        || configuration.visitListenerProviders().length > 0
        || configuration.diagnosticsListenerProviders().length > 0) {
      return null;
    }
    Settings settings = configuration.settings();
    if (!Boolean.FALSE.equals(settings.isExecuteLogging()) && EXECUTE_LOG.isDebugEnabled()) {
      return null; // jOOQ's LoggerListener would log the statement
    }
    SQLDialect dialect = configuration.dialect();
    Settings canonical = SettingsCanon.of(settings);
    Rendered r;
    if (canonical == null) {
      // Too many distinct settings to keep: render for this call only.
      r = render(configuration, dialect, null);
    } else {
      r = last;
      if (r == null || r.settings != canonical || r.dialect != dialect) {
        r = lookup(configuration, dialect, canonical);
        last = r;
      }
    }
    return r.sql == null ? null : r;
  }

  /** The SQL for a dialect and settings value, from the cache or rendered now. */
  private Rendered lookup(Configuration configuration, SQLDialect dialect, Settings canonical) {
    Key key = new Key(dialect, canonical);
    Rendered r = cache.get(key);
    if (r == null) {
      r = render(configuration, dialect, canonical);
      if (cache.size() < MAX_CONFIGURATIONS) {
        Rendered raced = cache.putIfAbsent(key, r);
        r = raced != null ? raced : r;
      }
    }
    return r;
  }

  /**
   * Renders the statement with the configuration.
   *
   * @param configuration renders it: its settings are equal to {@code canonical}
   * @param dialect its dialect
   * @param canonical the canonical copy of its settings (see {@link SettingsCanon}), or null when
   *     none could be kept: then the result is for this call only
   */
  private Rendered render(Configuration configuration, SQLDialect dialect, Settings canonical) {
    Settings settings = configuration.settings();
    if (!plain(settings)) {
      return new Rendered(dialect, canonical, null, null);
    }
    DSLContext ctx = DSL.using(configuration);
    Placeholders p = new Placeholders();
    Query query = template.build(ctx, p);
    // Bind by position only when jOOQ binds exactly the placeholders, each once, in order.
    List<String> order = new ArrayList<>();
    for (Param<?> param : ctx.extractParams(query).values()) {
      if (!param.isInline()) {
        order.add(param.getParamName());
      }
    }
    boolean inOrder = order.size() == p.count && ctx.extractBindValues(query).size() == p.count;
    for (int i = 0; inOrder && i < p.count; i++) {
      inOrder = name(i + 1).equals(order.get(i));
    }
    if (!inOrder) {
      return new Rendered(dialect, canonical, null, null);
    }
    Field<?>[] fields = query instanceof ResultQuery ? ((ResultQuery<?>) query).fields() : null;
    return new Rendered(dialect, canonical, ctx.render(query), fields);
  }

  /** Settings under which jOOQ runs a query as a plain prepared statement, values bound. */
  private static boolean plain(Settings s) {
    return (s.getStatementType() == null
            || s.getStatementType() == StatementType.PREPARED_STATEMENT)
        && (s.getParamType() == null || s.getParamType() == ParamType.INDEXED)
        && zero(s.getQueryTimeout())
        && zero(s.getMaxRows())
        && zero(s.getFetchSize())
        && zero(s.getFetchServerOutputSize())
        && (s.getQueryPoolable() == null || s.getQueryPoolable() == QueryPoolable.DEFAULT)
        && s.getDiagnosticsConnection() != DiagnosticsConnection.ON;
  }

  private static boolean zero(Integer value) {
    return value == null || value == 0;
  }

  static String name(int index) {
    return "versioned_" + index;
  }

  private static Connection acquire(ConnectionProvider provider) {
    Connection connection = provider.acquire();
    if (connection == null) {
      throw new DetachedException("Cannot execute query. No JDBC Connection configured");
    }
    return connection;
  }

  /** Whether every execute listener only translates exceptions (true when there are none). */
  private static boolean onlyTranslators(ExecuteListenerProvider[] providers) {
    for (ExecuteListenerProvider provider : providers) {
      if (!(provider.provide() instanceof StatementExceptionTranslator)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The exception for a failed statement of the cached path: jOOQ's own, then each listener's
   * translation in order, as jOOQ's execution would have let them replace it.
   */
  private static RuntimeException translate(
      Configuration configuration, String sql, SQLException e) {
    RuntimeException current = translate(sql, e);
    for (ExecuteListenerProvider provider : configuration.executeListenerProviders()) {
      if (provider.provide() instanceof StatementExceptionTranslator translator) {
        RuntimeException translated = translator.translate(configuration, sql, e, current);
        if (translated != null) {
          current = translated;
        }
      }
    }
    return current;
  }

  /** The exception jOOQ throws for a failed statement (see jOOQ's {@code Tools.translate}). */
  static DataAccessException translate(String sql, SQLException e) {
    String message = "SQL [" + sql + "]; " + e.getMessage();
    switch (DataAccessException.sqlStateClass(e)) {
      case C22_DATA_EXCEPTION:
        return new DataException(message, e);
      case C23_INTEGRITY_CONSTRAINT_VIOLATION:
        return new IntegrityConstraintViolationException(message, e);
      default:
        return new DataAccessException(message, e);
    }
  }

  /** A dialect and a canonical settings copy, compared by identity (see {@link SettingsCanon}). */
  private record Key(SQLDialect dialect, Settings settings) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.dialect == dialect && k.settings == settings;
    }

    @Override
    public int hashCode() {
      return 31 * dialect.hashCode() + System.identityHashCode(settings);
    }
  }

  private static final class Rendered {
    final SQLDialect dialect;
    final Settings settings;
    final String sql;
    final Field<?>[] fields;

    Rendered(SQLDialect dialect, Settings settings, String sql, Field<?>[] fields) {
      this.dialect = dialect;
      this.settings = settings;
      this.sql = sql;
      this.fields = fields;
    }
  }

  /**
   * Values whose nullable setters bind a null through the field's binding ({@link #set}) and any
   * other value through the non-null setter of its type.
   */
  private abstract static class TypedValues implements Values {
    /** Binds a non-null {@code VARCHAR} value. */
    abstract Values setString(String value);

    @Override
    public Values setLong(Field<Long> field, Long value) {
      return value == null ? set(field, null) : setLong(value.longValue());
    }

    @Override
    public Values setInt(Field<Integer> field, Integer value) {
      return value == null ? set(field, null) : setInt(value.intValue());
    }

    @Override
    public Values setShort(Field<Short> field, Short value) {
      return value == null ? set(field, null) : setShort(value.shortValue());
    }

    @Override
    public Values setString(Field<String> field, String value) {
      return value == null ? set(field, null) : setString(value);
    }
  }

  /** Binds to the prepared statement. */
  private static final class JdbcValues extends TypedValues {
    /** Carries a driver's SQLException out of a binder. */
    static final class BindFailure extends RuntimeException {
      private static final long serialVersionUID = 1L;

      BindFailure(SQLException cause) {
        super(cause);
      }

      @Override
      public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
      }
    }

    private final Configuration configuration;
    private final PreparedStatement statement;
    private int index;
    private BindContext jooq;

    JdbcValues(Configuration configuration, PreparedStatement statement) {
      this.configuration = configuration;
      this.statement = statement;
    }

    /** A JDBC setter of one parameter. */
    @FunctionalInterface
    private interface Setter {
      void set(PreparedStatement statement, int index) throws SQLException;
    }

    /** Binds the next parameter with a JDBC setter. */
    private Values direct(Setter setter) {
      try {
        setter.set(statement, ++index);
      } catch (SQLException e) {
        throw new BindFailure(e);
      }
      return this;
    }

    @Override
    public Values setLong(long value) {
      return direct((s, i) -> s.setLong(i, value));
    }

    @Override
    public Values setInt(int value) {
      return direct((s, i) -> s.setInt(i, value));
    }

    @Override
    public Values setShort(short value) {
      return direct((s, i) -> s.setShort(i, value));
    }

    @Override
    Values setString(String value) {
      return direct((s, i) -> s.setString(i, value));
    }

    @Override
    public <T> Values set(Field<T> field, T value) {
      if (jooq == null) {
        jooq = DSL.using(configuration).bindContext(statement);
      }
      while (jooq.peekIndex() <= index) {
        jooq.nextIndex(); // skip what was bound directly
      }
      jooq.bindValue(value, field);
      index++;
      return this;
    }
  }

  /** Collects the values, to bind them to the named placeholders of a query jOOQ runs. */
  private static final class CollectedValues extends TypedValues {
    private final Object[] values;
    private int index;

    CollectedValues(int count) {
      values = new Object[count];
    }

    void bindTo(Query query) {
      if (index != values.length) {
        throw new IllegalStateException(index + " values for " + values.length + " placeholders");
      }
      for (int i = 0; i < values.length; i++) {
        query.bind(name(i + 1), values[i]);
      }
    }

    private Values add(Object value) {
      values[index++] = value;
      return this;
    }

    @Override
    public Values setLong(long value) {
      return add(value);
    }

    @Override
    public Values setInt(int value) {
      return add(value);
    }

    @Override
    public Values setShort(short value) {
      return add(value);
    }

    @Override
    Values setString(String value) {
      return add(value);
    }

    @Override
    public <T> Values set(Field<T> field, T value) {
      return add(value);
    }
  }
}
