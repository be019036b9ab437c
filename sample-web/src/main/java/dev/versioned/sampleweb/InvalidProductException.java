package dev.versioned.sampleweb;

import java.util.LinkedHashMap;
import java.util.Map;

/** Values a product cannot have: the page shows each message beside its field, the API a 400. */
public class InvalidProductException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The messages by field name ({@code name}, {@code price}, ...). */
  private final LinkedHashMap<String, String> fieldMessages;

  /**
   * An exception naming each wrong field.
   *
   * @param fieldMessages what is wrong, by field name
   */
  public InvalidProductException(Map<String, String> fieldMessages) {
    super("invalid product: " + fieldMessages);
    this.fieldMessages = new LinkedHashMap<>(fieldMessages);
  }

  /**
   * What is wrong, by field name.
   *
   * @return the messages, in the form's order
   */
  public Map<String, String> fieldMessages() {
    return new LinkedHashMap<>(fieldMessages);
  }
}
