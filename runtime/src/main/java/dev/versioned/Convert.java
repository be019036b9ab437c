package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jooq.Converter;

/**
 * Maps a component of a custom type through a jOOQ {@link Converter}. The converter needs a public
 * no-argument constructor; its database type must be one of the types Versioned maps itself
 * ({@code String}, {@code Long}, {@code BigDecimal}, ...) and its user type the component's type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Convert {
  /**
   * The converter class.
   *
   * @return the converter class
   */
  Class<? extends Converter<?, ?>> value();
}
