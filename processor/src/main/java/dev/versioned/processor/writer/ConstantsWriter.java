package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.CHRONO_UNIT;
import static dev.versioned.processor.writer.TypeNames.DATA_TYPE;
import static dev.versioned.processor.writer.TypeNames.DESCRIPTOR_TYPE;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.FIELD;
import static dev.versioned.processor.writer.TypeNames.IDENTITY;
import static dev.versioned.processor.writer.TypeNames.INTERNAL;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.RECORD;
import static dev.versioned.processor.writer.TypeNames.SQL_DATA_TYPE;
import static dev.versioned.processor.writer.TypeNames.TABLE_FIELD;
import static dev.versioned.processor.writer.TypeNames.TABLE_IMPL;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.versioned.processor.plan.VersionKind;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import javax.lang.model.element.Modifier;

/** Writes the table and column constants and the nested classes that declare them. */
final class ConstantsWriter extends RepositoryPart {

  ConstantsWriter(RepositoryPart parts) {
    super(parts);
  }

  /** Adds {@code TABLE} and one constant per column, in component order. */
  void addConstants(TypeSpec.Builder type) {
    type.addField(
        FieldSpec.builder(recordTable, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The table {@code $L}; its fields are the column constants below.\n",
                model.qualifiedTable())
            .initializer("new $L()", TABLE_CLASS)
            .build());
    for (ComponentModel c : model.components()) {
      if (c == identityKey()) {
        type.addField(identityField(c));
      }
      type.addField(columnConstant(c));
    }
    type.addField(descriptor());
  }

  /**
   * {@code DESCRIPTOR}: the table, key and version column, and how the version advances, from which
   * the runtime builds the repository's exceptions.
   */
  private FieldSpec descriptor() {
    CodeBlock key =
        CodeBlock.of("$T.of($L)", LIST, join(keys, c -> CodeBlock.of("$N", c.constant())));
    CodeBlock init =
        plan.kind() instanceof VersionKind.Timestamp timestamp
            ? CodeBlock.of(
                "$T.timestamped(TABLE,$W$L,$W$N,$W$T.$L,$W$T::keyValues)",
                DESCRIPTOR_TYPE,
                key,
                version.constant(),
                CHRONO_UNIT,
                timestamp.precision(),
                self)
            : CodeBlock.of(
                "$T.counting(TABLE,$W$L,$W$N,$W$L,$W$T::keyValues)",
                DESCRIPTOR_TYPE,
                key,
                version.constant(),
                maxValue(),
                self);
    // Its type names the record, so the declaration is broken after "=" for every record.
    init = CodeBlock.of("\n$>$>$L$<$<", init);
    return FieldSpec.builder(
            ParameterizedTypeName.get(DESCRIPTOR_TYPE, record),
            DESCRIPTOR,
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The table, key and version as this repository's exceptions name them.\n")
        .initializer(init)
        .build();
  }

  /** Adds the nested classes that declare the table and the column lists. */
  void addTypes(TypeSpec.Builder type) {
    type.addType(tableClass());
    type.addType(columnsClass());
  }

  private FieldSpec columnConstant(ComponentModel c) {
    ColumnMapping m = c.mapping();
    // A primitive is never null; enum and @Convert components are never primitive.
    CodeBlock dataType =
        c.primitive() ? CodeBlock.of("$L.nullable(false)", DataTypes.of(c)) : DataTypes.of(c);
    String role = c.key() ? "Key column" : c.version() ? "Version column" : "Column";
    return FieldSpec.builder(
            ParameterizedTypeName.get(FIELD, m.userType()),
            c.constant(),
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "$L {@code $L}, of component {@code $L.$L}.\n", role, c.column(), recordText, c.name())
        .initializer(
            c == identityKey()
                ? CodeBlock.of("$L", IDENTITY_FIELD)
                : CodeBlock.of("$L.column(TABLE,$W$S,$W$L)", TABLE_CLASS, c.column(), dataType))
        .build();
  }

  /**
   * The identity key's column, typed as the {@code TableField} that jOOQ's {@code
   * Internal.createIdentity} takes; the public constant is this same object. Declared before it.
   */
  private FieldSpec identityField(ComponentModel c) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(TABLE_FIELD, RECORD, c.mapping().userType()),
            IDENTITY_FIELD,
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(
            "$L.column(TABLE,$W$S,$W$T.$L)",
            TABLE_CLASS,
            c.column(),
            SQL_DATA_TYPE,
            c.mapping().sqlDataType())
        .build();
  }

  private TypeSpec tableClass() {
    TypeVariableName t = TypeVariableName.get("T");
    CodeBlock name =
        model.schema().isEmpty()
            ? CodeBlock.of("$T.name($S)", DSL, model.table())
            : CodeBlock.of(
                "$T.name($S), $T.schema($T.name($S))",
                DSL,
                model.table(),
                DSL,
                DSL,
                model.schema());
    TypeSpec.Builder table =
        TypeSpec.classBuilder(TABLE_CLASS)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The table, with one field per column.\n")
            .superclass(ParameterizedTypeName.get(TABLE_IMPL, RECORD))
            .addField(
                FieldSpec.builder(
                        long.class,
                        "serialVersionUID",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("1L")
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addStatement("super($L)", name)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("column")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addTypeVariable(t)
                    .returns(ParameterizedTypeName.get(TABLE_FIELD, RECORD, t))
                    .addParameter(recordTable, "table")
                    .addParameter(String.class, "name")
                    .addParameter(ParameterizedTypeName.get(DATA_TYPE, t), "type")
                    .addStatement("return createField($T.name(name), type, table, $S)", DSL, "")
                    .build());
    if (identityKey() != null) {
      // Where the dialect has no RETURNING and the driver returns only the identity's value
      // (Derby's getGeneratedKeys), jOOQ can read a generated key back only for the column the
      // table declares as its identity.
      table.addMethod(
          MethodSpec.methodBuilder("getIdentity")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(
                  ParameterizedTypeName.get(
                      IDENTITY, RECORD, WildcardTypeName.subtypeOf(Object.class)))
              .addStatement("return $T.createIdentity(this, $L)", INTERNAL, IDENTITY_FIELD)
              .build());
    }
    return table.build();
  }

  private TypeSpec columnsClass() {
    TypeName fieldList =
        ParameterizedTypeName.get(
            LIST, ParameterizedTypeName.get(FIELD, WildcardTypeName.subtypeOf(Object.class)));
    return TypeSpec.classBuilder(COLUMNS_CLASS)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The list of every column, initialized after the column constants.\n")
        .addField(
            FieldSpec.builder(fieldList, "ALL", Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "$T.of($L)",
                    LIST,
                    join(model.components(), c -> CodeBlock.of("$N", c.constant())))
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }
}
