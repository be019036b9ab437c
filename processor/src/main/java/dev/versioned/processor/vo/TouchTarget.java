package dev.versioned.processor.vo;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Touch} component and the parent it names, as read.
 *
 * @param component the annotated component
 * @param annotation its {@code @Touch} annotation
 * @param value the annotation's class value, where errors about the target point
 * @param parentElement the parent type
 * @param parent the parent's model, or null when the parent is not a {@code @Versioned} record
 */
public record TouchTarget(
    ComponentModel component,
    AnnotationMirror annotation,
    AnnotationValue value,
    TypeElement parentElement,
    RecordModel parent) {

  /**
   * The parent's simple name, as messages show it.
   *
   * @return the name
   */
  public String parentName() {
    return parentElement.getSimpleName().toString();
  }

  /**
   * The parent's key component. Only valid once the validator has passed the target.
   *
   * @return the key
   */
  public ComponentModel parentKey() {
    return parent.keys().get(0);
  }
}
