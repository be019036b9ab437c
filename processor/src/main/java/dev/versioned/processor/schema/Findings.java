package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.vo.RecordModel;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The schema checks of one record: the schema they check against, and where they report what they
 * find. On a table that a statement of the migrations may have changed unseen, an error is a
 * warning that says so, never a false error. Also the words the findings use for Java types.
 */
final class Findings {
  /**
   * Where a finding points.
   *
   * @param element the element
   * @param annotation an annotation on it, or null for the element itself
   * @param value the annotation's value, or null for the whole annotation
   */
  record Position(Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final Reporter reporter;
  private final Schema schema;
  private final RecordModel model;

  /** Why the record's table cannot be verified, or null when it can. */
  private final String unverified;

  /**
   * Creates the findings of one record.
   *
   * @param reporter where they go
   * @param schema what the record is checked against
   * @param model the record
   */
  Findings(Reporter reporter, Schema schema, RecordModel model) {
    this.unverified = schema.unverified(model.table());
    this.reporter = reporter;
    this.schema = schema;
    this.model = model;
  }

  /**
   * Reports a finding at an element.
   *
   * @param message the catalog entry
   * @param element where it points
   * @param args the values of the message's format
   */
  void report(Message message, Element element, Object... args) {
    report(message, new Position(element, null, null), args);
  }

  /**
   * Reports a finding at an annotation, or at one of its values.
   *
   * @param message the catalog entry
   * @param at where it points
   * @param args the values of the message's format
   */
  void report(Message message, Position at, Object... args) {
    if (unverified != null && message.kind() == Diagnostic.Kind.ERROR) {
      reporter.report(
          Message.SCHEMA_UNVERIFIED,
          at.element(),
          at.annotation(),
          at.value(),
          record(),
          model.qualifiedTable(),
          unverified,
          message.format(args));
    } else {
      reporter.report(message, at.element(), at.annotation(), at.value(), args);
    }
  }

  /**
   * The schema the record is checked against.
   *
   * @return the schema
   */
  Schema schema() {
    return schema;
  }

  /**
   * Which migrations changed what, for the messages to name.
   *
   * @return the schema's history
   */
  History history() {
    return schema.history();
  }

  /**
   * The record, as messages name it.
   *
   * @return its simple name
   */
  String record() {
    return model.element().getSimpleName().toString();
  }

  /** {@code java.lang.String} to {@code String}, {@code p.Outer.Inner} to {@code Outer.Inner}. */
  static String simpleName(String typeText) {
    return typeText.replaceAll("\\b[a-z_$][\\w$]*\\.", "");
  }

  /** {@code an int}, {@code a String}, {@code a UUID}. */
  static String article(String word) {
    boolean vowel = !word.isEmpty() && "aeiouAEIO".indexOf(word.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + word;
  }
}
