package dev.versioned.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Checks and copies of the arguments of generated repository methods. */
public final class Arguments {
  private Arguments() {}

  /**
   * Copies a collection argument, refusing null elements by index.
   *
   * @param values the argument
   * @param parameter the parameter's name, for messages
   * @param <T> the element type
   * @return an unmodifiable copy
   * @throws NullPointerException if the argument or one of its elements is null
   */
  public static <T> List<T> elements(Collection<? extends T> values, String parameter) {
    Objects.requireNonNull(values, parameter);
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException(parameter + "[" + copy.size() + "] is null");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }
}
