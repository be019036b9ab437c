package dev.versioned.processor.schema;

import dev.versioned.processor.Message;

/** A schema that cannot be loaded, with the message that says why. */
final class SchemaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Message diagnostic;
  private final transient Object[] args;

  SchemaException(Message diagnostic, Object... args) {
    super(diagnostic.format(args), null, false, false);
    this.diagnostic = diagnostic;
    this.args = args;
  }

  Message diagnostic() {
    return diagnostic;
  }

  Object[] args() {
    return args.clone();
  }
}
