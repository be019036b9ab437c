package dev.versioned.sampleweb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with the fields of a form or request body, one message per field. */
final class FieldErrors {
  private final Map<String, String> messages = new LinkedHashMap<>();

  /**
   * Records what is wrong with a field; the first message for a field stays.
   *
   * @param field the field
   * @param message what to do about it, in plain words
   */
  void add(ProductField field, String message) {
    add(field.property(), message);
  }

  /**
   * Records what is wrong with a field, by its name; the first message for a field stays.
   *
   * @param property the field's name ({@code name}, {@code price}, ...)
   * @param message what to do about it, in plain words
   */
  void add(String property, String message) {
    messages.putIfAbsent(property, message);
  }

  /**
   * Whether no field is wrong.
   *
   * @return true when there is no message
   */
  boolean isEmpty() {
    return messages.isEmpty();
  }

  /**
   * The messages by field name, in the order they were found.
   *
   * @return an unmodifiable view
   */
  Map<String, String> messages() {
    return Collections.unmodifiableMap(messages);
  }

  /**
   * Throws when any field is wrong.
   *
   * @throws InvalidProductException with every message
   */
  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new InvalidProductException(messages);
    }
  }
}
