package dev.versioned.bench;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate ORM 6 {@link StatelessSession} with a {@code @Version} entity: {@code update} and
 * {@code delete} check the version and throw {@code StaleStateException} when no row matches.
 * One stateless session per operation, as a request would use it.
 */
final class HibernateImpl extends Impl {
  static {
    // Hibernate logs through JBoss Logging: send it to SLF4J, which is off (slf4j-nop).
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private final SessionFactory sessions;
  private PostEntity[] rows = new PostEntity[0];
  private PostEntity[] deletes = new PostEntity[0];

  HibernateImpl(Db db) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.DATASOURCE, db.dataSource)
            .applySetting(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .applySetting(AvailableSettings.GENERATE_STATISTICS, false)
            .applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
            .build();
    sessions =
        new MetadataSources(registry)
            .addAnnotatedClass(PostEntity.class)
            .buildMetadata()
            .buildSessionFactory();
  }

  @Override
  void load(long first, int count) {
    rows = new PostEntity[count];
    for (int i = 0; i < count; i++) {
      rows[i] = findById(first + i);
    }
  }

  @Override
  PostEntity findById(long id) {
    try (StatelessSession s = sessions.openStatelessSession()) {
      return s.get(PostEntity.class, id);
    }
  }

  @Override
  Object update(int index) {
    PostEntity e = rows[index];
    e.setTitle(BenchPost.nextTitle(e.getViews()));
    e.setViews(e.getViews() + 1);
    try (StatelessSession s = sessions.openStatelessSession()) {
      s.update(e);
    }
    return e;
  }

  @Override
  Object modify(long id) {
    try (StatelessSession s = sessions.openStatelessSession()) {
      Transaction tx = s.beginTransaction();
      try {
        PostEntity e = s.get(PostEntity.class, id);
        e.setViews(e.getViews() + 1);
        s.update(e);
        tx.commit();
        return e;
      } catch (RuntimeException failure) {
        tx.rollback();
        throw failure;
      }
    }
  }

  @Override
  Object insert(long id) {
    BenchPost p = BenchPost.fresh(id);
    PostEntity e = new PostEntity(p.id(), p.title(), p.body(), p.views(), p.lockVersion());
    try (StatelessSession s = sessions.openStatelessSession()) {
      s.insert(e);
    }
    return e;
  }

  @Override
  void prepareDeletes(long first, int count) {
    deletes = new PostEntity[count];
    for (int i = 0; i < count; i++) {
      BenchPost p = BenchPost.fresh(first + i);
      deletes[i] = new PostEntity(p.id(), p.title(), p.body(), p.views(), p.lockVersion());
    }
  }

  @Override
  void delete(int index) {
    try (StatelessSession s = sessions.openStatelessSession()) {
      s.delete(deletes[index]);
    }
  }

  @Override
  public void close() {
    sessions.close();
  }
}
