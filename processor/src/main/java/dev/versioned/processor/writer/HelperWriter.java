package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.ARRAYS;
import static dev.versioned.processor.writer.TypeNames.CONDITION;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.FIELD;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.TIMESTAMP_VERSIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.versioned.processor.vo.ComponentModel;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the private helpers that several writes share: key conditions, version arithmetic, the
 * checks and the exceptions.
 */
final class HelperWriter extends RepositoryPart {

  HelperWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec keyCondition() {
    CodeBlock condition =
        CodeBlock.join(
            keys.stream()
                .map(c -> CodeBlock.of("$N.eq($N)", c.constant(), c.name()))
                .collect(Collectors.toList()),
            "\n.and(");
    StringBuilder close = new StringBuilder();
    for (int i = 1; i < keys.size(); i++) {
      close.append(')');
    }
    return MethodSpec.methodBuilder("keyCondition")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CONDITION)
        .addParameters(keyParams())
        .addStatement("return $L$L", condition, close.toString())
        .build();
  }

  MethodSpec recordKey() {
    return MethodSpec.methodBuilder("recordKey")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CONDITION)
        .addParameter(record, "record")
        .addStatement(
            "return keyCondition($L)", join(keys, c -> CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  MethodSpec versionCondition() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("versionCondition")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(CONDITION)
            .addParameter(version.type(), "expected");
    if (timestamps != null) {
      // Timestamp versions: IS NULL, or = ? in a form Derby can parse.
      m.addStatement("return $T.matches($N, expected)", TIMESTAMP_VERSIONS, version.constant());
    } else if (version.primitive()) {
      m.addStatement("return $N.eq(expected)", version.constant());
    } else {
      m.addStatement(
          "return expected == null ? $N.isNull() : $N.eq(expected)",
          version.constant(),
          version.constant());
    }
    return m.build();
  }

  /** The new value of a boxed version: 1 after a null version, else {@code v + 1}. */
  MethodSpec nextVersionField() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("nextVersionField")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(FIELD, version.boxedType()))
            .addParameter(version.type(), "expected");
    return m.addStatement(
            "return expected == null ? $T.inline($L, $N) : $N.plus($T.inline(1))",
            DSL,
            literal(1),
            version.constant(),
            version.constant(),
            DSL)
        .build();
  }

  MethodSpec nextVersion() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("nextVersion")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(version.type())
            .addParameter(version.type(), "expected");
    boolean narrow = plan.counting().narrow();
    if (version.primitive()) {
      m.addStatement(narrow ? "return (short) (expected + 1)" : "return expected + 1");
    } else if (narrow) {
      m.addStatement("return (short) (expected == null ? 1 : expected + 1)");
    } else {
      m.addStatement("return expected == null ? $L : expected + 1", literal(1));
    }
    return m.build();
  }

  MethodSpec withVersion() {
    return MethodSpec.methodBuilder("withVersion")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record)
        .addParameter(record, "record")
        .addParameter(version.type(), "version")
        .addStatement(
            "return new $T($L)",
            record,
            join(
                model.components(),
                c ->
                    c.version()
                        ? CodeBlock.of("version")
                        : CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  /** The key values as exceptions and listeners report them (a key may be null there). */
  MethodSpec keyValues() {
    return MethodSpec.methodBuilder("keyValues")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(Object.class)))
        .addParameters(keyParams())
        .addStatement("return $T.<Object>asList($L)", ARRAYS, keyArgs())
        .build();
  }

  MethodSpec recordKeyValues() {
    return MethodSpec.methodBuilder("keyValues")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(Object.class)))
        .addParameter(record, "record")
        .addStatement(
            "return keyValues($L)", join(keys, c -> CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  MethodSpec sameKey() {
    return MethodSpec.methodBuilder("sameKey")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(record, "a")
        .addParameter(record, "b")
        .addStatement(
            "return $L",
            CodeBlock.join(
                keys.stream().map(c -> same(c, "a", "b")).collect(Collectors.toList()), "\n&& "))
        .build();
  }

  MethodSpec checkKey() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("checkKey")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(record, "record")
            .addParameter(String.class, "parameter");
    for (ComponentModel c : keys) {
      if (!c.primitive()) {
        m.beginControlFlow("if (record.$N() == null)", c.accessor())
            .addStatement(
                "throw new $T(parameter + $S)",
                NullPointerException.class,
                ": key component " + c.name() + " is null")
            .endControlFlow();
      }
    }
    return m.build();
  }

  MethodSpec checkOverflow() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("checkOverflow")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(record, "record");
    String condition =
        version.primitive() ? "record.$N() >= $L" : "record.$N() != null && record.$N() >= $L";
    CodeBlock test =
        version.primitive()
            ? CodeBlock.of(condition, version.accessor(), maxValue())
            : CodeBlock.of(condition, version.accessor(), version.accessor(), maxValue());
    m.beginControlFlow("if ($L)", test)
        .addStatement("throw $L.overflow(record, record.$N())", DESCRIPTOR, version.accessor())
        .endControlFlow();
    return m.build();
  }

  private CodeBlock same(ComponentModel c, String a, String b) {
    if (c.isArray()) {
      return CodeBlock.of("$T.equals($N.$N(), $N.$N())", ARRAYS, a, c.accessor(), b, c.accessor());
    }
    if (c.primitive()) {
      return CodeBlock.of("$N.$N() == $N.$N()", a, c.accessor(), b, c.accessor());
    }
    return CodeBlock.of("$T.equals($N.$N(), $N.$N())", OBJECTS, a, c.accessor(), b, c.accessor());
  }
}
