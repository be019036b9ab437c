package dev.versioned.processor.validator;

import dev.versioned.processor.Message;
import dev.versioned.processor.Names;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.RecordReader;
import dev.versioned.processor.reader.TypeMappings;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.ConverterInfo;
import dev.versioned.processor.vo.RecordModel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Judges what the reader found and reports every mistake, each at the element it is about. */
public final class RecordValidator {
  private static final Set<String> VERSION_TYPES =
      Set.of(
          "short",
          "int",
          "long",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.time.Instant",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime");
  private static final Set<String> COUNTER_TYPES =
      Set.of(
          "short",
          "int",
          "long",
          "float",
          "double",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigDecimal",
          "java.math.BigInteger");

  private final Reporter reporter;

  /**
   * Creates a validator.
   *
   * @param reporter where diagnostics go
   */
  public RecordValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks the declaration before it is read: a record, not generic, reachable from its package.
   *
   * @param element the annotated type
   * @return true when the record can be read
   */
  public boolean checkDeclaration(TypeElement element) {
    String name = element.getSimpleName().toString();
    if (element.getKind() != ElementKind.RECORD) {
      reporter.report(Message.NOT_A_RECORD, element, name, describe(element.getKind()), name);
      return false;
    }
    boolean ok = true;
    List<? extends TypeParameterElement> parameters = element.getTypeParameters();
    if (!parameters.isEmpty()) {
      reporter.report(
          Message.GENERIC_RECORD,
          element,
          name,
          parameters.stream()
              .map(p -> p.getSimpleName().toString())
              .collect(Collectors.joining(", ", "<", ">")));
      ok = false;
    }
    String inaccessible = inaccessible(element);
    if (inaccessible != null) {
      reporter.report(Message.NOT_ACCESSIBLE, element, name, inaccessible);
      ok = false;
    }
    return ok;
  }

  private static String inaccessible(TypeElement element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return t == element ? "local to a method" : "nested in a local class";
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return t == element ? "private" : "nested in private " + t.getSimpleName();
      }
    }
    return null;
  }

  /**
   * Why the generated repository, in package {@code packageName}, cannot name a type (the type, a
   * type it is nested in, or one of its type arguments), or null when it can.
   */
  private static String inaccessibleFrom(TypeMirror type, String packageName) {
    switch (type.getKind()) {
      case ARRAY:
        return inaccessibleFrom(((ArrayType) type).getComponentType(), packageName);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null
                ? wildcard.getExtendsBound()
                : wildcard.getSuperBound();
        return bound == null ? null : inaccessibleFrom(bound, packageName);
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (Element e = declared.asElement();
            e instanceof TypeElement;
            e = e.getEnclosingElement()) {
          TypeElement t = (TypeElement) e;
          Set<Modifier> modifiers = t.getModifiers();
          String owner = packageOf(t);
          if (modifiers.contains(Modifier.PRIVATE)) {
            return t.getQualifiedName() + " is private";
          }
          if (!modifiers.contains(Modifier.PUBLIC) && !owner.equals(packageName)) {
            return t.getQualifiedName()
                + (modifiers.contains(Modifier.PROTECTED) ? " is protected" : " is package-private")
                + " in package "
                + owner;
          }
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          String inaccessible = inaccessibleFrom(argument, packageName);
          if (inaccessible != null) {
            return inaccessible;
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static String packageOf(Element element) {
    Element e = element;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }

  /**
   * How a message names a kind of type.
   *
   * @param kind a type's kind
   * @return "a class", "an interface", ...
   */
  static String describe(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      default:
        return "a class";
    }
  }

  /**
   * Checks a read record.
   *
   * @param model the record
   */
  public void validate(RecordModel model) {
    String record = model.element().getSimpleName().toString();
    AnnotationMirror versioned = model.annotation();

    AnnotationValue table = RecordReader.annotationValue(versioned, "table");
    if (table != null && table.getValue().toString().isBlank()) {
      reporter.report(
          Message.BLANK_TABLE,
          model.element(),
          versioned,
          table,
          table.getValue(),
          record,
          Names.snakeCase(record));
    }
    AnnotationValue schema = RecordReader.annotationValue(versioned, "schema");
    if (schema != null && isBlankButNotEmpty(schema)) {
      reporter.report(
          Message.BLANK_SCHEMA, model.element(), versioned, schema, schema.getValue(), record);
    }

    List<ComponentModel> components = model.components();
    if (components.stream().noneMatch(ComponentModel::key)) {
      reporter.report(Message.NO_KEY, model.element(), record);
    }
    List<ComponentModel> versions =
        components.stream().filter(ComponentModel::version).collect(Collectors.toList());
    if (versions.isEmpty()) {
      reporter.report(Message.NO_VERSION, model.element(), record);
    }
    for (int i = 1; i < versions.size(); i++) {
      ComponentModel extra = versions.get(i);
      reporter.report(
          Message.MULTIPLE_VERSIONS,
          extra.element(),
          extra.versionAnnotation(),
          null,
          record,
          versions.stream().map(ComponentModel::name).collect(Collectors.joining(", ")));
    }

    Map<String, ComponentModel> columns = new HashMap<>();
    for (ComponentModel c : components) {
      validateComponent(record, c);
      String folded = c.column().toLowerCase(Locale.ROOT);
      ComponentModel first = columns.putIfAbsent(folded, c);
      if (first != null) {
        reporter.report(
            Message.DUPLICATE_COLUMN,
            c.element(),
            c.columnAnnotation(),
            null,
            record,
            first.name(),
            c.name(),
            c.column());
      }
    }
  }

  private void validateComponent(String record, ComponentModel c) {
    if (c.columnAnnotation() != null) {
      AnnotationValue value = RecordReader.annotationValue(c.columnAnnotation(), "value");
      if (value != null && value.getValue().toString().isBlank()) {
        reporter.report(
            Message.BLANK_COLUMN,
            c.element(),
            c.columnAnnotation(),
            value,
            value.getValue(),
            record,
            c.name(),
            c.column());
      }
    }
    if (c.key() && c.version()) {
      reporter.report(Message.ID_AND_VERSION, c.element(), c.versionAnnotation(), null, record, c.name());
    }
    if (c.version() && !VERSION_TYPES.contains(c.typeText())) {
      reporter.report(
          Message.VERSION_TYPE,
          c.element(),
          c.versionAnnotation(),
          null,
          record,
          c.name(),
          c.typeText());
    } else if (c.version() && c.typeText().equals("short")
        || c.version() && c.typeText().equals("java.lang.Short")) {
      reporter.report(Message.SHORT_VERSION, c.element(), record, c.name());
    }
    // Timestamp versions: @Version(precision = ...).
    TimestampVersionValidator.validate(reporter, record, c, VERSION_TYPES.contains(c.typeText()));
    if (c.counter() != null) {
      if (c.key()) {
        reporter.report(Message.COUNTER_ON_KEY, c.element(), c.counter(), null, record, c.name());
      } else if (c.version()) {
        reporter.report(
            Message.COUNTER_ON_VERSION, c.element(), c.counter(), null, record, c.name());
      } else if (!COUNTER_TYPES.contains(c.typeText())) {
        reporter.report(
            Message.COUNTER_NOT_NUMERIC,
            c.element(),
            c.counter(),
            null,
            record,
            c.name(),
            c.typeText());
      }
    }
    ConverterInfo converter = c.converter();
    if (converter != null || c.mapping() != null) {
      String packageName = packageOf(c.element());
      String inaccessible = inaccessibleFrom(c.element().asType(), packageName);
      if (inaccessible != null) {
        reporter.report(
            Message.TYPE_NOT_ACCESSIBLE,
            c.element(),
            record,
            c.name(),
            c.typeText(),
            packageName.isEmpty() ? "the unnamed package" : "package " + packageName,
            inaccessible);
      }
    }
    if (converter != null) {
      validateConverter(record, c, converter);
    } else if (c.mapping() == null) {
      reporter.report(
          Message.UNMAPPED_TYPE,
          c.element(),
          record,
          c.name(),
          c.typeText(),
          TypeMappings.MAPPED_TYPES);
    }
  }

  private void validateConverter(String record, ComponentModel c, ConverterInfo converter) {
    if (!converter.isConverter()) {
      reportConverter(
          Message.CONVERTER_NOT_A_CONVERTER, record, c, converter, converter.converterName());
      return;
    }
    if (!converter.instantiable()) {
      reportConverter(Message.CONVERTER_NO_CONSTRUCTOR, record, c, converter);
    }
    if (!converter.userTypeMatches()) {
      reportConverter(
          Message.CONVERTER_USER_TYPE,
          record,
          c,
          converter,
          converter.userTypeName(),
          c.typeText());
    }
    if (converter.databaseSqlType() == null) {
      reportConverter(
          Message.CONVERTER_DATABASE_TYPE,
          record,
          c,
          converter,
          converter.databaseType(),
          TypeMappings.DATABASE_TYPES);
    }
  }

  /**
   * Reports a problem of a component's converter at the value of its {@code @Convert}. The
   * message's arguments are the converter's class literal, the record, the component, and then
   * {@code details}.
   */
  private void reportConverter(
      Message message,
      String record,
      ComponentModel c,
      ConverterInfo converter,
      Object... details) {
    Object[] args = new Object[3 + details.length];
    args[0] = converter.converterName() + ".class";
    args[1] = record;
    args[2] = c.name();
    System.arraycopy(details, 0, args, 3, details.length);
    reporter.report(message, c.element(), converter.annotation(), converter.value(), args);
  }

  private static boolean isBlankButNotEmpty(AnnotationValue value) {
    String text = value.getValue().toString();
    return !text.isEmpty() && text.isBlank();
  }
}
