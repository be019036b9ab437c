package dev.versioned.bench;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The repository the processor generated. */
final class GeneratedImpl extends Impl {
  private final BenchPostRepository repository;
  private BenchPost[] rows = new BenchPost[0];
  private BenchPost[] deletes = new BenchPost[0];

  GeneratedImpl(Db db) {
    DSLContext dsl = DSL.using(db.dataSource, db.dialect);
    repository = new BenchPostRepository(dsl);
  }

  @Override
  void load(long first, int count) {
    rows = new BenchPost[count];
    for (int i = 0; i < count; i++) {
      rows[i] = repository.findById(first + i).orElseThrow();
    }
  }

  @Override
  Object findById(long id) {
    return repository.findById(id).orElseThrow();
  }

  @Override
  Object update(int index) {
    BenchPost p = rows[index];
    return rows[index] =
        repository.update(
            new BenchPost(
                p.id(), BenchPost.nextTitle(p.views()), p.body(), p.views() + 1, p.lockVersion()));
  }

  @Override
  Object modify(long id) {
    return repository.modify(
        id, p -> new BenchPost(p.id(), p.title(), p.body(), p.views() + 1, p.lockVersion()));
  }

  @Override
  Object insert(long id) {
    return repository.insert(BenchPost.fresh(id));
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
    repository.delete(deletes[index]);
  }
}
