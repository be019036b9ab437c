package dev.versioned.support;

import org.jooq.Field;

/**
 * The bind values of one execution of a {@link CachedStatement}, given in the order of the
 * statement's placeholders. Non-null {@code long}, {@code int}, {@code short} and {@code String}
 * values go to JDBC's {@code setLong}, {@code setInt}, {@code setShort} and {@code setString}, which
 * is exactly what jOOQ's bindings of those types do on every dialect; every other value, and every
 * null, is bound by the field's jOOQ {@link org.jooq.Binding}, as jOOQ itself would bind it.
 */
public interface Values {
  /**
   * Binds a non-null {@code BIGINT} value.
   *
   * @param value the value
   * @return this
   */
  Values setLong(long value);

  /**
   * Binds a {@code BIGINT} value that may be null.
   *
   * @param field the column, whose binding binds a null
   * @param value the value
   * @return this
   */
  Values setLong(Field<Long> field, Long value);

  /**
   * Binds a non-null {@code BIGINT} value, naming its column as the nullable form does, so that a
   * statement's binds read alike whatever their nullability; the column is not needed to bind it.
   *
   * @param field the column
   * @param value the value
   * @return this
   */
  default Values setLong(Field<Long> field, long value) {
    return setLong(value);
  }

  /**
   * Binds a non-null {@code INTEGER} value.
   *
   * @param value the value
   * @return this
   */
  Values setInt(int value);

  /**
   * Binds an {@code INTEGER} value that may be null.
   *
   * @param field the column, whose binding binds a null
   * @param value the value
   * @return this
   */
  Values setInt(Field<Integer> field, Integer value);

  /**
   * Binds a non-null {@code INTEGER} value, naming its column as the nullable form does, so that a
   * statement's binds read alike whatever their nullability; the column is not needed to bind it.
   *
   * @param field the column
   * @param value the value
   * @return this
   */
  default Values setInt(Field<Integer> field, int value) {
    return setInt(value);
  }

  /**
   * Binds a non-null {@code SMALLINT} value.
   *
   * @param value the value
   * @return this
   */
  Values setShort(short value);

  /**
   * Binds a {@code SMALLINT} value that may be null.
   *
   * @param field the column, whose binding binds a null
   * @param value the value
   * @return this
   */
  Values setShort(Field<Short> field, Short value);

  /**
   * Binds a non-null {@code SMALLINT} value, naming its column as the nullable form does, so that a
   * statement's binds read alike whatever their nullability; the column is not needed to bind it.
   *
   * @param field the column
   * @param value the value
   * @return this
   */
  default Values setShort(Field<Short> field, short value) {
    return setShort(value);
  }

  /**
   * Binds a {@code VARCHAR} value that may be null.
   *
   * @param field the column, whose binding binds a null
   * @param value the value
   * @return this
   */
  Values setString(Field<String> field, String value);

  /**
   * Binds any value through the field's jOOQ binding (data type, converter, dialect).
   *
   * @param field the column
   * @param value the value, in the field's Java type
   * @param <T> the field's Java type
   * @return this
   */
  <T> Values set(Field<T> field, T value);
}
