package dev.versioned.processor.reader;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import dev.versioned.processor.Names;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.ConverterInfo;
import dev.versioned.processor.vo.RecordModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Versioned} record into a {@link RecordModel}. It reports nothing: it records what
 * it finds (including what is wrong) for the validator to judge.
 */
public final class RecordReader {
  /** The annotation types, by qualified name. */
  public static final String VERSIONED = "dev.versioned.Versioned";

  private static final String ID = "dev.versioned.Id";
  private static final String VERSION = "dev.versioned.Version";
  private static final String COUNTER = "dev.versioned.Counter";
  private static final String COLUMN = "dev.versioned.Column";
  private static final String CONVERT = "dev.versioned.Convert";

  private final ConverterReader converters;

  /**
   * Creates a reader.
   *
   * @param types javac's type utilities
   * @param trees javac's tree utilities, or null when not available (only used to name a class
   *     that does not resolve)
   */
  public RecordReader(Types types, Trees trees) {
    this.converters = new ConverterReader(types, trees);
  }

  /**
   * Reads a record.
   *
   * @param record a record type (the validator has checked the declaration)
   * @return its model
   * @throws Deferred when a type it uses is not resolved yet
   */
  public RecordModel read(TypeElement record) throws Deferred {
    AnnotationMirror versioned = annotation(record, VERSIONED);
    String table = stringValue(versioned, "table");
    String schema = stringValue(versioned, "schema");
    if (table == null || table.isEmpty()) {
      table = Names.snakeCase(record.getSimpleName().toString());
    }
    if (schema == null) {
      schema = "";
    }

    List<? extends RecordComponentElement> recordComponents = record.getRecordComponents();
    boolean anyId = false;
    boolean anyVersion = false;
    for (RecordComponentElement rc : recordComponents) {
      Element at = positionOf(record, rc);
      anyId |= annotation(at, ID) != null || annotation(rc, ID) != null;
      anyVersion |= annotation(at, VERSION) != null || annotation(rc, VERSION) != null;
    }

    List<ComponentModel> components = new ArrayList<>();
    Set<String> constants = reservedConstants(recordComponents);
    for (RecordComponentElement rc : recordComponents) {
      components.add(readComponent(record, rc, anyId, anyVersion, constants));
    }
    ClassName recordName = ClassName.get(record);
    return new RecordModel(
        record,
        versioned,
        recordName,
        repositoryName(recordName),
        schema,
        table,
        List.copyOf(components),
        usesDeprecated(record));
  }

  /**
   * Whether the repository will name a deprecated type: the record (or a type it is nested in), a
   * component's type, or a converter. javac would then warn in generated code the user cannot
   * change.
   */
  private static boolean usesDeprecated(TypeElement record) {
    if (deprecated(record)) {
      return true;
    }
    for (RecordComponentElement rc : record.getRecordComponents()) {
      if (rc.asType().getKind() == TypeKind.DECLARED
          && deprecated(((DeclaredType) rc.asType()).asElement())) {
        return true;
      }
      AnnotationMirror convert = annotation(rc, CONVERT);
      TypeMirror converter = convert == null ? null : classValue(convert);
      if (converter != null
          && converter.getKind() == TypeKind.DECLARED
          && deprecated(((DeclaredType) converter).asElement())) {
        return true;
      }
    }
    return false;
  }

  private static boolean deprecated(Element element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getAnnotation(Deprecated.class) != null) {
        return true;
      }
    }
    return false;
  }

  private ComponentModel readComponent(
      TypeElement record,
      RecordComponentElement rc,
      boolean anyId,
      boolean anyVersion,
      Set<String> constants)
      throws Deferred {
    String name = rc.getSimpleName().toString();
    Element at = positionOf(record, rc);
    TypeMirror type = rc.asType();
    if (type.getKind() == TypeKind.ERROR) {
      throw new Deferred(type.toString());
    }
    AnnotationMirror id = annotationOf(at, rc, ID);
    AnnotationMirror version = annotationOf(at, rc, VERSION);
    AnnotationMirror counter = annotationOf(at, rc, COUNTER);
    AnnotationMirror column = annotationOf(at, rc, COLUMN);
    AnnotationMirror convert = annotationOf(at, rc, CONVERT);

    String columnName = column == null ? null : stringValue(column, "value");
    if (columnName == null || columnName.isBlank()) {
      columnName = Names.snakeCase(name);
    }
    String constant = Names.constantCase(name);
    while (!constants.add(constant)) {
      constant = constant + "_";
    }

    ConverterInfo converter = null;
    ColumnMapping mapping;
    TypeName typeName = TypeName.get(type);
    TypeName boxed = type.getKind().isPrimitive() ? typeName.box() : typeName;
    if (convert != null) {
      converter = converters.read(at, name, convert, type);
      mapping =
          converter.isConverter()
                  && converter.instantiable()
                  && converter.userTypeMatches()
                  && converter.databaseSqlType() != null
              ? new ColumnMapping(
                  ColumnMapping.Kind.CONVERTED,
                  converter.databaseSqlType(),
                  boxed,
                  TypeName.get(classValue(convert)))
              : null;
    } else {
      mapping = TypeMappings.mapping(type);
    }
    boolean key = anyId ? id != null : name.equals("id");
    boolean isVersion = anyVersion ? version != null : name.equals("lockVersion");
    return new ComponentModel(
        name,
        at,
        typeName,
        type.toString(),
        type.getKind().isPrimitive(),
        columnName,
        constant,
        mapping,
        converter,
        key,
        isVersion,
        id,
        version,
        counter,
        column);
  }

  /**
   * The names a column constant must not take, so a component whose constant would clash gets a
   * {@code _} appended: {@code TABLE}, and the names of types the repository uses as expressions,
   * which a field of the same name would shadow ({@code DSL.name(...)}, {@code Kind::valueOf}):
   * jOOQ's {@code DSL}, and each enum component type with the types it is nested in.
   */
  private static Set<String> reservedConstants(
      List<? extends RecordComponentElement> recordComponents) {
    Set<String> reserved = new HashSet<>();
    reserved.add("TABLE");
    reserved.add("DSL");
    for (RecordComponentElement rc : recordComponents) {
      TypeMirror type = rc.asType();
      if (type.getKind() == TypeKind.DECLARED) {
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            reserved.add(e.getSimpleName().toString());
          }
        }
      }
    }
    return reserved;
  }

  /** The repository's name: {@code PostRepository}, or {@code Outer_PostRepository} when nested. */
  private static ClassName repositoryName(ClassName record) {
    String simple = String.join("_", record.simpleNames()) + "Repository";
    return ClassName.get(record.packageName(), simple);
  }

  /**
   * The record's private field of the component's name. javac positions it on the component's line
   * on every JDK, where JDK 17 gives the component itself no position; annotations that target
   * fields are copied onto it.
   */
  private static Element positionOf(TypeElement record, RecordComponentElement rc) {
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(rc.getSimpleName())
          && !field.getModifiers().contains(Modifier.STATIC)) {
        return field;
      }
    }
    return rc;
  }

  private static AnnotationMirror annotationOf(Element at, Element component, String name) {
    AnnotationMirror mirror = annotation(at, name);
    return mirror != null ? mirror : annotation(component, name);
  }

  /**
   * The annotation of the given type on an element.
   *
   * @param element the element
   * @param qualifiedName the annotation type's qualified name
   * @return the annotation, or null
   */
  public static AnnotationMirror annotation(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /**
   * An annotation's explicitly written value.
   *
   * @param mirror the annotation
   * @param name the member
   * @return the value, or null when not written
   */
  public static AnnotationValue annotationValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String stringValue(AnnotationMirror mirror, String name) {
    AnnotationValue value = annotationValue(mirror, name);
    return value == null || !(value.getValue() instanceof String) ? null : (String) value.getValue();
  }

  /** An annotation's {@code value} when it is a class literal, or null. */
  static TypeMirror classValue(AnnotationMirror mirror) {
    AnnotationValue value = annotationValue(mirror, "value");
    return value == null || !(value.getValue() instanceof TypeMirror)
        ? null
        : (TypeMirror) value.getValue();
  }
}
