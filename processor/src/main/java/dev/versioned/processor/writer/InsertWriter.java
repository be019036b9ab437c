package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.Binds.bindEach;
import static dev.versioned.processor.writer.TypeNames.ARGUMENTS;
import static dev.versioned.processor.writer.TypeNames.ARRAY_LIST;
import static dev.versioned.processor.writer.TypeNames.COLLECTION;
import static dev.versioned.processor.writer.TypeNames.DATA_ACCESS;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.INSERT_STEP;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.RECORD;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.vo.ComponentModel;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Writes {@code insert} and {@code insertAll}. */
final class InsertWriter extends RepositoryPart {

  InsertWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec insert() {
    return MethodSpec.methodBuilder("insert")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            (timestamps != null
                    ? timestamps.insertDoc()
                    : "Inserts the record as given; a null version is stored as 0.\n")
                + (hasBoxedKey()
                    ? "A null key component is left to the database, and the generated key is"
                        + " returned.\n"
                    : "")
                + "\n@param record the record to insert\n"
                + "@return the record as stored: its version, and any generated key, filled in\n"
                + "@throws NullPointerException if {@code record} is null\n")
        .returns(record)
        .addParameter(record, "record")
        .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record")
        .addCode(
            touches.any() // touch hook
                ? touches.insert()
                : CodeBlock.of("return insert(dsl, record);\n"))
        .build();
  }

  MethodSpec insertWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("insert")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    TypeName versionType = version.type();
    if (timestamps != null) {
      m.addCode(timestamps.insertedVersion()); // Timestamp versions: now for null, else truncated.
    } else if (version.primitive()) {
      m.addStatement("$T version = record.$N()", versionType, version.accessor());
    } else {
      m.addStatement(
          "$T version = record.$N() == null ? $L : record.$N()",
          versionType,
          version.accessor(),
          literal(0),
          version.accessor());
    }
    List<ComponentModel> boxedKeys =
        keys.stream().filter(c -> !c.primitive()).collect(Collectors.toList());
    if (!boxedKeys.isEmpty()) {
      // A null key is left to the database: an uncached insert that returns the generated key.
      m.beginControlFlow(
          "if ($L)",
          CodeBlock.join(
              boxedKeys.stream()
                  .map(c -> CodeBlock.of("record.$N() == null", c.accessor()))
                  .collect(Collectors.toList()),
              " || "));
      CodeBlock.Builder chain = CodeBlock.builder().add("ctx.insertInto(TABLE)");
      chain.add("\n.set($N, version)", version.constant());
      for (ComponentModel c : model.components()) {
        if (c.version() || (c.key() && !c.primitive())) {
          continue;
        }
        chain.add("\n.set($N, record.$N())", c.constant(), c.accessor());
      }
      m.addStatement(
          "$T insert = $L", ParameterizedTypeName.get(INSERT_STEP, RECORD), chain.build());
      for (ComponentModel c : boxedKeys) {
        m.beginControlFlow("if (record.$N() != null)", c.accessor())
            .addStatement("insert = insert.set($N, record.$N())", c.constant(), c.accessor())
            .endControlFlow();
      }
      m.addStatement(
          "$T generated = insert.returningResult($L).fetchOne()",
          RECORD,
          join(boxedKeys, c -> CodeBlock.of("$N", c.constant())));
      m.beginControlFlow("if (generated == null)")
          .addStatement(
              "throw new $T(\n$S)",
              DATA_ACCESS,
              "the database returned no generated key for " + model.qualifiedTable())
          .endControlFlow();
      m.addStatement(
          "return new $T($L)",
          record,
          join(
              model.components(),
              c -> {
                if (c.version()) {
                  return CodeBlock.of("version");
                }
                if (c.key() && !c.primitive()) {
                  return CodeBlock.of(
                      "record.$N() != null$W? record.$N()$W: generated.get($N)",
                      c.accessor(),
                      c.accessor(),
                      c.constant());
                }
                return CodeBlock.of("record.$N()", c.accessor());
              }));
      m.endControlFlow();
    }
    CodeBlock values =
        bindEach(
            plan.statement(RepositoryPlan.INSERT_ROW),
            b ->
                b.column().version()
                    ? CodeBlock.of("version")
                    : CodeBlock.of("record.$N()", b.column().accessor()));
    m.addStatement(
        "$L.$L.execute(ctx, values -> values$L)", SQL_CLASS, RepositoryPlan.INSERT_ROW, values);
    m.addStatement("return withVersion(record, version)");
    return m.build();
  }

  MethodSpec insertAll() {
    return MethodSpec.methodBuilder("insertAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Inserts every record in one transaction: all or nothing.\n\n"
                + "@param records the records to insert\n"
                + "@return the records as stored, in the same order, with versions and generated"
                + " keys filled in\n"
                + "@throws NullPointerException if {@code records} or one of its elements is"
                + " null\n")
        .returns(ParameterizedTypeName.get(LIST, record))
        .addParameter(ParameterizedTypeName.get(COLLECTION, record), "records")
        .addStatement(
            "$T input = $T.elements(records, $S)",
            ParameterizedTypeName.get(LIST, record),
            ARGUMENTS,
            "records")
        .beginControlFlow("if (input.isEmpty())")
        .addStatement("return $T.of()", LIST)
        .endControlFlow()
        .addCode(
            CodeBlock.builder()
                .add("return dsl.transactionResult(configuration -> {\n$>")
                .addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL)
                .addStatement(
                    "$T stored = new $T<>(input.size())",
                    ParameterizedTypeName.get(LIST, record),
                    ARRAY_LIST)
                .beginControlFlow("for ($T record : input)", record)
                .addStatement("stored.add(insert(tx, record))")
                .endControlFlow()
                .add(touches.insertAllTouch()) // touch hook
                .addStatement("return $T.copyOf(stored)", LIST)
                .add("$<});\n")
                .build())
        .build();
  }
}
