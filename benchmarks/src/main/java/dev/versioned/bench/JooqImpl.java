package dev.versioned.bench;

import static dev.versioned.bench.PostTable.BENCH_POST;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/** Hand-written jOOQ DSL on the hand-written table, mapping into the same record. */
final class JooqImpl extends Impl {
  private static final PostTable T = BENCH_POST;

  private final DSLContext dsl;
  private BenchPost[] rows = new BenchPost[0];
  private BenchPost[] deletes = new BenchPost[0];

  JooqImpl(Db db) {
    dsl = DSL.using(db.dataSource, db.dialect);
  }

  @Override
  void load(long first, int count) {
    rows = new BenchPost[count];
    for (int i = 0; i < count; i++) {
      rows[i] = findById(first + i);
    }
  }

  @Override
  BenchPost findById(long id) {
    return find(dsl, id);
  }

  private static BenchPost find(DSLContext ctx, long id) {
    return ctx.select(T.ID, T.TITLE, T.BODY, T.VIEWS, T.LOCK_VERSION)
        .from(T)
        .where(T.ID.eq(id))
        .fetchSingle(Records.mapping(BenchPost::new));
  }

  @Override
  Object update(int index) {
    BenchPost p = rows[index];
    String title = BenchPost.nextTitle(p.views());
    int rowCount =
        dsl.update(T)
            .set(T.TITLE, title)
            .set(T.BODY, p.body())
            .set(T.VIEWS, p.views() + 1)
            .set(T.LOCK_VERSION, T.LOCK_VERSION.plus(1))
            .where(T.ID.eq(p.id()))
            .and(T.LOCK_VERSION.eq(p.lockVersion()))
            .execute();
    if (rowCount != 1) {
      throw stale(p.id());
    }
    return rows[index] =
        new BenchPost(p.id(), title, p.body(), p.views() + 1, p.lockVersion() + 1);
  }

  @Override
  Object modify(long id) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          BenchPost p = find(tx, id);
          int rowCount =
              tx.update(T)
                  .set(T.VIEWS, p.views() + 1)
                  .set(T.LOCK_VERSION, T.LOCK_VERSION.plus(1))
                  .where(T.ID.eq(id))
                  .and(T.LOCK_VERSION.eq(p.lockVersion()))
                  .execute();
          if (rowCount != 1) {
            throw stale(id);
          }
          return new BenchPost(p.id(), p.title(), p.body(), p.views() + 1, p.lockVersion() + 1);
        });
  }

  @Override
  Object insert(long id) {
    BenchPost p = BenchPost.fresh(id);
    dsl.insertInto(T)
        .set(T.ID, p.id())
        .set(T.TITLE, p.title())
        .set(T.BODY, p.body())
        .set(T.VIEWS, p.views())
        .set(T.LOCK_VERSION, p.lockVersion())
        .execute();
    return p;
  }

  @Override
  void prepareDeletes(long first, int count) {
    deletes = new BenchPost[count];
    for (int i = 0; i < count; i++) {
      deletes[i] = BenchPost.fresh(first + i);
    }
  }

  @Override
  void delete(int index) {
    BenchPost p = deletes[index];
    int rowCount =
        dsl.deleteFrom(T)
            .where(T.ID.eq(p.id()))
            .and(T.LOCK_VERSION.eq(p.lockVersion()))
            .execute();
    if (rowCount != 1) {
      throw stale(p.id());
    }
  }
}
