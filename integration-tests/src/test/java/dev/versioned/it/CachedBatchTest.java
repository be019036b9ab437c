package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.support.CachedStatement;
import dev.versioned.support.StatementExceptionTranslator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link CachedStatement#executeBatch}: one row count per item, real even where the driver hides
 * them, on the cached path (one prepared statement, its batch) and on the path where jOOQ runs the
 * statements (a context with an {@code ExecuteListener}).
 */
class CachedBatchTest {
  private static final CachedStatement RETITLE =
      CachedStatement.of(
          (ctx, p) ->
              ctx.update(PostRepository.TABLE)
                  .set(PostRepository.TITLE, p.of(PostRepository.TITLE))
                  .where(PostRepository.ID.eq(p.of(PostRepository.ID))));

  private static final CachedStatement INSERT =
      CachedStatement.of(
          (ctx, p) ->
              ctx.insertInto(PostRepository.TABLE)
                  .set(PostRepository.ID, p.of(PostRepository.ID))
                  .set(PostRepository.TITLE, p.of(PostRepository.TITLE))
                  .set(PostRepository.VIEWS, p.of(PostRepository.VIEWS))
                  .set(PostRepository.LOCK_VERSION, p.of(PostRepository.LOCK_VERSION)));

  private static final CachedStatement.BatchBinder<Post> RETITLE_VALUES =
      (values, post) -> values.setString(PostRepository.TITLE, post.title()).setLong(post.id());

  private static final CachedStatement.BatchBinder<Post> INSERT_VALUES =
      (values, post) ->
          values
              .setLong(post.id())
              .setString(PostRepository.TITLE, post.title())
              .setInt(post.views())
              .setInt(post.lockVersion());

  private Db db;
  private PostRepository posts;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    posts = new PostRepository(db.otherDsl());
    posts.insertAll(List.of(new Post(1, "one", 0, 0), new Post(2, "two", 0, 0)));
  }

  /** The statements jOOQ ran (the ones a listener saw) on a context of the test's database. */
  private static final class Seen {
    final List<String> executed = new ArrayList<>();
    final List<String> translated = new ArrayList<>();
  }

  /**
   * A context with a listener: a plain {@code ExecuteListener} makes jOOQ run every statement; a
   * {@link StatementExceptionTranslator} keeps the cached path, and sees only its failures.
   */
  private DSLContext listened(Seen seen, boolean onlyTranslates) {
    ExecuteListener listener =
        onlyTranslates
            ? new StatementExceptionTranslator() {
                private static final long serialVersionUID = 1L;

                @Override
                public void executeStart(ExecuteContext ctx) {
                  seen.executed.add(sql(ctx));
                }

                @Override
                public RuntimeException translate(
                    Configuration c, String sql, SQLException failure, RuntimeException current) {
                  seen.translated.add(sql);
                  return null;
                }
              }
            : new ExecuteListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void executeStart(ExecuteContext ctx) {
                  seen.executed.add(sql(ctx));
                }
              };
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(db.database.dialect);
    configuration.set(db.dataSource);
    configuration.set(new ExecuteListenerProvider[] {new DefaultExecuteListenerProvider(listener)});
    return DSL.using(configuration);
  }

  private static String sql(ExecuteContext ctx) {
    return ctx.sql() != null ? ctx.sql() : String.join("; ", ctx.batchSQL());
  }

  private static int[] inTransaction(
      DSLContext ctx, CachedStatement statement, List<Post> items,
      CachedStatement.BatchBinder<Post> binder) {
    return ctx.transactionResult(c -> statement.executeBatch(DSL.using(c), items, binder));
  }

  private Map<Long, String> titles() {
    return posts.findAll().stream().collect(Collectors.toMap(Post::id, Post::title));
  }

  private static final List<Post> RETITLED =
      List.of(new Post(2, "zwei", 0, 0), new Post(99, "none", 0, 0), new Post(1, "eins", 0, 0));

  /** Runs {@link #RETITLED} (a missing row between two present ones) and checks its counts. */
  private Seen retitle(boolean onlyTranslates) {
    Seen seen = new Seen();
    int[] counts = inTransaction(listened(seen, onlyTranslates), RETITLE, RETITLED, RETITLE_VALUES);
    assertArrayEquals(new int[] {1, 0, 1}, counts);
    assertEquals(Map.of(1L, "eins", 2L, "zwei"), titles());
    return seen;
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void theCachedPathCountsEachItem() {
    assertEquals(List.of(), retitle(true).executed, "jOOQ ran no statement: the cached path did");
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void theJooqPathCountsEachItem() {
    assertFalse(retitle(false).executed.isEmpty(), "jOOQ ran the statements");
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void theRepositoryContextCountsEachItem() {
    int[] counts = inTransaction(db.dsl, RETITLE, RETITLED, RETITLE_VALUES);
    assertArrayEquals(new int[] {1, 0, 1}, counts);
    assertEquals(Map.of(1L, "eins", 2L, "zwei"), titles());
    List<Post> inserted = List.of(new Post(3, "three", 0, 0), new Post(4, null, 5, 0));
    assertArrayEquals(new int[] {1, 1}, inTransaction(db.dsl, INSERT, inserted, INSERT_VALUES));
    assertEquals(new Post(4, null, 5, 0), posts.findById(4).orElseThrow());
  }

  @DatabaseTest
  void anEmptyListRunsNothing() {
    Seen cached = new Seen();
    Seen jooq = new Seen();
    DSLContext ctx = listened(cached, true);
    assertArrayEquals(new int[0], RETITLE.executeBatch(ctx, List.of(), RETITLE_VALUES));
    assertArrayEquals(new int[0], RETITLE.executeBatch(listened(jooq, false), List.of(),
        RETITLE_VALUES));
    assertEquals(List.of(), cached.executed);
    assertEquals(List.of(), jooq.executed);
  }

  @DatabaseTest
  void failuresAreTranslatedAsJooqWouldOnBothPaths() {
    List<Post> duplicate = List.of(new Post(3, "three", 0, 0), new Post(1, "again", 0, 0));
    Seen cached = new Seen();
    DataAccessException onCachedPath =
        assertThrows(
            DataAccessException.class,
            () -> inTransaction(listened(cached, true), INSERT, duplicate, INSERT_VALUES));
    Seen jooq = new Seen();
    DataAccessException onJooqPath =
        assertThrows(
            DataAccessException.class,
            () -> inTransaction(listened(jooq, false), INSERT, duplicate, INSERT_VALUES));
    assertEquals(onJooqPath.getClass(), onCachedPath.getClass());
    assertEquals(onJooqPath.sqlState(), onCachedPath.sqlState());
    assertTrue(onCachedPath.getMessage().startsWith("SQL [insert into "),
        onCachedPath.getMessage());
    assertEquals(1, cached.translated.size(), cached.translated.toString());
    assertEquals(List.of(), cached.executed);
    assertEquals(Map.of(1L, "one", 2L, "two"), titles(), "the batch wrote nothing");
  }
}
