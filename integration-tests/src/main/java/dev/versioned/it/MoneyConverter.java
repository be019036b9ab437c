package dev.versioned.it;

import org.jooq.Converter;

/** Stores {@link Money} as a BIGINT of cents. */
public final class MoneyConverter implements Converter<Long, Money> {
  private static final long serialVersionUID = 1L;

  /** Creates the converter. */
  public MoneyConverter() {}

  @Override
  public Money from(Long databaseObject) {
    return databaseObject == null ? null : new Money(databaseObject);
  }

  @Override
  public Long to(Money userObject) {
    return userObject == null ? null : userObject.cents();
  }

  @Override
  public Class<Long> fromType() {
    return Long.class;
  }

  @Override
  public Class<Money> toType() {
    return Money.class;
  }
}
