package dev.versioned.bench;

import org.jooq.Name;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;
import org.jooq.impl.UpdatableRecordImpl;

/**
 * The table as jOOQ's code generator would write it, by hand: a {@link TableImpl} with typed
 * fields, a primary key and a record version field, so that {@link PostRecord} is an {@code
 * UpdatableRecord} that {@code executeWithOptimisticLocking} can check.
 */
final class PostTable extends TableImpl<PostTable.PostRecord> {
  private static final long serialVersionUID = 1L;

  static final PostTable BENCH_POST = new PostTable(DSL.name("bench_post"));

  final TableField<PostRecord, Long> ID =
      createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false), this, "");
  final TableField<PostRecord, String> TITLE =
      createField(DSL.name("title"), SQLDataType.VARCHAR(200), this, "");
  final TableField<PostRecord, String> BODY =
      createField(DSL.name("body"), SQLDataType.VARCHAR(2000), this, "");
  final TableField<PostRecord, Integer> VIEWS =
      createField(DSL.name("views"), SQLDataType.INTEGER.nullable(false), this, "");
  final TableField<PostRecord, Integer> LOCK_VERSION =
      createField(DSL.name("lock_version"), SQLDataType.INTEGER.nullable(false), this, "");

  private final UniqueKey<PostRecord> primaryKey =
      Internal.createUniqueKey(this, DSL.name("bench_post_pkey"), ID);

  private PostTable(Name name) {
    super(name);
  }

  @Override
  public Class<PostRecord> getRecordType() {
    return PostRecord.class;
  }

  @Override
  public UniqueKey<PostRecord> getPrimaryKey() {
    return primaryKey;
  }

  @Override
  public TableField<PostRecord, Integer> getRecordVersion() {
    return LOCK_VERSION;
  }

  /** The updatable record of {@link PostTable}. */
  static final class PostRecord extends UpdatableRecordImpl<PostRecord> {
    private static final long serialVersionUID = 1L;

    /** Used by jOOQ to create records of the table. */
    public PostRecord() {
      super(BENCH_POST);
    }
  }
}
