package dev.versioned.processor.vo;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Versioned} record, as read.
 *
 * @param element the record
 * @param annotation its {@code @Versioned} annotation
 * @param recordName the record's class name
 * @param repositoryName the name of the repository to generate
 * @param schema the schema, or empty for none
 * @param table the table
 * @param components the components, in declaration order
 * @param usesDeprecated whether the repository names a deprecated type (the record, a component
 *     type or a converter), so its deprecation warnings must be suppressed
 */
public record RecordModel(
    TypeElement element,
    AnnotationMirror annotation,
    ClassName recordName,
    ClassName repositoryName,
    String schema,
    String table,
    List<ComponentModel> components,
    boolean usesDeprecated) {

  /**
   * The key components, in declaration order.
   *
   * @return the key
   */
  public List<ComponentModel> keys() {
    return components.stream().filter(ComponentModel::key).collect(Collectors.toList());
  }

  /**
   * The version component. Only valid once the validator has passed the record.
   *
   * @return the version component
   */
  public ComponentModel version() {
    return components.stream()
        .filter(ComponentModel::version)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no version in " + recordName));
  }

  /**
   * The components that are neither key nor version: the columns an update sets.
   *
   * @return the plain columns
   */
  public List<ComponentModel> values() {
    return components.stream().filter(c -> !c.key() && !c.version()).collect(Collectors.toList());
  }

  /**
   * The table name as messages show it.
   *
   * @return {@code schema.table} or {@code table}
   */
  public String qualifiedTable() {
    return schema.isEmpty() ? table : schema + "." + table;
  }
}
