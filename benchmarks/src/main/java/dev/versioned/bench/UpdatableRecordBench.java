package dev.versioned.bench;

import static dev.versioned.bench.PostTable.BENCH_POST;

import dev.versioned.bench.PostTable.PostRecord;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ's {@code UpdatableRecord} with {@code executeWithOptimisticLocking} and the table's record
 * version field: {@code store()} and {@code delete()} add {@code lock_version = ?} to the WHERE
 * clause and fail with {@code DataChangedException} when no row matches.
 */
final class UpdatableRecordBench extends Impl {
  private static final PostTable T = BENCH_POST;

  private final DSLContext dsl;
  private PostRecord[] rows = new PostRecord[0];
  private PostRecord[] deletes = new PostRecord[0];

  UpdatableRecordBench(Db db) {
    dsl =
        DSL.using(
            db.dataSource, db.dialect, new Settings().withExecuteWithOptimisticLocking(true));
  }

  @Override
  void load(long first, int count) {
    rows = new PostRecord[count];
    for (int i = 0; i < count; i++) {
      rows[i] = findById(first + i);
    }
  }

  @Override
  PostRecord findById(long id) {
    return dsl.fetchSingle(T, T.ID.eq(id));
  }

  @Override
  Object update(int index) {
    PostRecord r = rows[index];
    int views = r.get(T.VIEWS);
    r.set(T.TITLE, BenchPost.nextTitle(views));
    r.set(T.BODY, r.get(T.BODY));
    r.changed(T.BODY, true); // write the same columns as every other implementation
    r.set(T.VIEWS, views + 1);
    r.update();
    return r;
  }

  @Override
  Object modify(long id) {
    return dsl.transactionResult(
        configuration -> {
          PostRecord r = DSL.using(configuration).fetchSingle(T, T.ID.eq(id));
          r.set(T.VIEWS, r.get(T.VIEWS) + 1);
          r.store();
          return r;
        });
  }

  @Override
  Object insert(long id) {
    PostRecord r = newRecord(BenchPost.fresh(id));
    r.insert();
    return r;
  }

  private PostRecord newRecord(BenchPost p) {
    PostRecord r = dsl.newRecord(T);
    r.set(T.ID, p.id());
    r.set(T.TITLE, p.title());
    r.set(T.BODY, p.body());
    r.set(T.VIEWS, p.views());
    r.set(T.LOCK_VERSION, p.lockVersion());
    return r;
  }

  @Override
  void prepareDeletes(long first, int count) {
    deletes = new PostRecord[count];
    for (int i = 0; i < count; i++) {
      PostRecord r = newRecord(BenchPost.fresh(first + i));
      r.changed(false); // as if read from the database
      deletes[i] = r;
    }
  }

  @Override
  void delete(int index) {
    deletes[index].delete();
  }
}
