package dev.versioned.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way diagnostics reach javac. It counts the errors reported for the record in hand, so the
 * processor can skip writing a record that has any.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  /**
   * Creates a reporter.
   *
   * @param messager javac's messager
   */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Reports a message at an element.
   *
   * @param message the catalog entry
   * @param element where it points
   * @param args the values of the message's format
   */
  public void report(Message message, Element element, Object... args) {
    report(message, element, null, null, args);
  }

  /**
   * Reports a message at an annotation on an element, or at one of its values.
   *
   * @param message the catalog entry
   * @param element the annotated element
   * @param annotation the annotation, or null for the element itself
   * @param value the annotation's value, or null for the whole annotation
   * @param args the values of the message's format
   */
  public void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    if (annotation == null) {
      messager.printMessage(message.kind(), text, element);
    } else if (value == null) {
      messager.printMessage(message.kind(), text, element, annotation);
    } else {
      messager.printMessage(message.kind(), text, element, annotation, value);
    }
  }

  /**
   * Reports a message that belongs to no element: a processor option, or a migration file.
   *
   * @param message the catalog entry
   * @param args the values of the message's format
   */
  public void reportGlobal(Message message, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(message.kind(), message.format(args));
  }

  /**
   * Reports a message at a source tree, for a declaration javac has no element for yet (a local
   * class, which annotation processing never sees as an element).
   *
   * @param message the catalog entry
   * @param trees javac's tree utilities
   * @param tree where it points
   * @param unit the compilation unit that holds {@code tree}
   * @param args the values of the message's format
   */
  public void report(
      Message message, Trees trees, Tree tree, CompilationUnitTree unit, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    trees.printMessage(message.kind(), message.format(args), tree, unit);
  }

  /**
   * The number of errors reported so far.
   *
   * @return the error count
   */
  public int errorCount() {
    return errors;
  }
}
