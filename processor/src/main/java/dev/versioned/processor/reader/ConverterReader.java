package dev.versioned.processor.reader;

import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ConverterInfo;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a component's {@code @Convert}: whether its class is a jOOQ {@code Converter} that the
 * repository can instantiate, its database and user types, and whether the user type is the
 * component's.
 *
 * @param types javac's type utilities
 * @param trees javac's tree utilities, or null when not available (only used to name a class that
 *     does not resolve)
 */
record ConverterReader(Types types, Trees trees) {
  /**
   * Reads the {@code @Convert} of a component.
   *
   * @param at where the component's annotations are
   * @param component the component's name, for a message about an unresolved class
   * @param convert the annotation
   * @param componentType the component's type
   * @return what the converter is
   * @throws Deferred when the converter class, or a type it names, is not resolved yet
   */
  ConverterInfo read(
      Element at, String component, AnnotationMirror convert, TypeMirror componentType)
      throws Deferred {
    AnnotationValue value = RecordReader.annotationValue(convert, "value");
    TypeMirror converterType = RecordReader.classValue(convert);
    if (converterType == null) {
      // javac gives an unresolved class literal as an error value that has no name: take the
      // class's name from the source.
      throw new Deferred(unresolvedClassName(at, convert, value, component));
    }
    if (converterType.getKind() == TypeKind.ERROR) {
      throw new Deferred(converterType.toString());
    }
    String converterName = converterType.toString();
    DeclaredType supertype = findConverter(converterType);
    if (supertype == null || supertype.getTypeArguments().size() != 2) {
      return new ConverterInfo(convert, value, converterName, false, false, "?", "?", false, null);
    }
    TypeMirror databaseType = supertype.getTypeArguments().get(0);
    TypeMirror userType = supertype.getTypeArguments().get(1);
    TypeMirror boxedComponent =
        componentType.getKind().isPrimitive()
            ? types.boxedClass((PrimitiveType) componentType).asType()
            : componentType;
    // The exact type, type arguments included: the generated Field<T> takes its T from the
    // component, and a converter of List<String> cannot serve a List<Integer>.
    boolean matches = types.isSameType(userType, boxedComponent);
    ColumnMapping databaseMapping = TypeMappings.mapping(databaseType);
    String databaseSql =
        databaseMapping != null && databaseMapping.kind() == ColumnMapping.Kind.DIRECT
            ? databaseMapping.sqlDataType()
            : null;
    return new ConverterInfo(
        convert,
        value,
        converterName,
        true,
        instantiable((TypeElement) types.asElement(converterType)),
        databaseType.toString(),
        userType.toString(),
        matches,
        databaseSql);
  }

  private String unresolvedClassName(
      Element at, AnnotationMirror convert, AnnotationValue value, String component) {
    if (trees != null && value != null) {
      try {
        Tree tree = trees.getTree(at, convert, value);
        if (tree != null) {
          String text = tree.toString();
          return text.endsWith(".class") ? text.substring(0, text.length() - 6) : text;
        }
      } catch (RuntimeException notFound) {
        // fall through to the description
      }
    }
    return "of the @Convert class of " + component;
  }

  private DeclaredType findConverter(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (element.getQualifiedName().contentEquals("org.jooq.Converter")) {
      return declared;
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      DeclaredType found = findConverter(supertype);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean instantiable(TypeElement converter) {
    if (converter.getKind() != ElementKind.CLASS
        || converter.getModifiers().contains(Modifier.ABSTRACT)
        || !converter.getModifiers().contains(Modifier.PUBLIC)) {
      return false;
    }
    if (converter.getNestingKind() == NestingKind.MEMBER
        && !converter.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    for (Element e = converter; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (!t.getModifiers().contains(Modifier.PUBLIC)
          || t.getNestingKind() == NestingKind.LOCAL
          || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return false;
      }
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(converter.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }
}
