package dev.versioned.processor.vo;

import com.palantir.javapoet.TypeName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One record component, as read.
 *
 * @param name the component's name (and accessor)
 * @param element where diagnostics about it point (the record's field of that name, which javac
 *     positions on the component's line on every JDK)
 * @param type the component's Java type
 * @param typeText the type as written in messages
 * @param primitive whether the type is primitive (so the column is NOT NULL)
 * @param column the column name
 * @param constant the name of the generated {@code Field} constant
 * @param mapping the column mapping, or null when the type has none
 * @param converter what was found about {@code @Convert}, or null without it
 * @param key whether it is (part of) the key
 * @param version whether it is the version
 * @param id the {@code @Id} annotation, or null
 * @param versionAnnotation the {@code @Version} annotation, or null
 * @param counter the {@code @Counter} annotation, or null
 * @param columnAnnotation the {@code @Column} annotation, or null
 */
public record ComponentModel(
    String name,
    Element element,
    TypeName type,
    String typeText,
    boolean primitive,
    String column,
    String constant,
    ColumnMapping mapping,
    ConverterInfo converter,
    boolean key,
    boolean version,
    AnnotationMirror id,
    AnnotationMirror versionAnnotation,
    AnnotationMirror counter,
    AnnotationMirror columnAnnotation) {

  /**
   * The boxed type of the component.
   *
   * @return the type, boxed when primitive
   */
  public TypeName boxedType() {
    return primitive ? type.box() : type;
  }

  /**
   * The name of the accessor method.
   *
   * @return the accessor
   */
  public String accessor() {
    return name;
  }

  /**
   * Whether the component is a byte array (compared by content).
   *
   * @return true for {@code byte[]}
   */
  public boolean isArray() {
    return type.toString().equals("byte[]");
  }
}
