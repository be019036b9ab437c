package dev.versioned.processor.schema;

import org.jooq.impl.ParserException;

/**
 * The text of a failure, as the warnings and errors about the migrations show it: jOOQ's parser
 * and interpreter messages without the statement they repeat, and any other exception by its
 * class and message.
 */
final class Failures {
  private Failures() {}

  static String parserMessage(ParserException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf(": [");
    return at > 0 ? message.substring(0, at) : message;
  }

  static String interpreterMessage(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf(". Query: ");
    if (at > 0) {
      message = message.substring(0, at);
    }
    if (e instanceof NullPointerException || e.getMessage() == null) {
      message = "jOOQ's DDL interpreter failed (" + e.getClass().getSimpleName() + ")";
    }
    return message;
  }

  static String describe(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage().trim();
  }
}
