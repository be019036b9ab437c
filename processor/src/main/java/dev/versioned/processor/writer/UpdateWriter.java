package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.Binds.bind;
import static dev.versioned.processor.writer.Binds.bindCall;
import static dev.versioned.processor.writer.Binds.bit;
import static dev.versioned.processor.writer.TypeNames.ARRAYS;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.FIELD;
import static dev.versioned.processor.writer.TypeNames.LINKED_HASH_MAP;
import static dev.versioned.processor.writer.TypeNames.MAP;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.OPERATION;
import static dev.versioned.processor.writer.TypeNames.STALE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.vo.ComponentModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the version-checked updates: {@code update} and {@code updateChanged}. */
final class UpdateWriter extends RepositoryPart {

  UpdateWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec update() {
    return publicRecordWrite(
        "update",
        recordWriteDoc(
            "Writes every column of the record if, and only if, the row still has the record's"
                + " version,\nand increments the version: {@code UPDATE $L SET ..., $L = $L"
                + " WHERE <key> AND $L = ?}.\nThe argument is not changed.\n\n"),
        touches.update(),
        "UPDATE");
  }

  MethodSpec updateWith() {
    return recordWrite("update", RepositoryPlan.UPDATE_ROW, "UPDATE");
  }

  MethodSpec updateChanged() {
    return MethodSpec.methodBuilder("updateChanged")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Writes only the columns whose values differ between {@code original} and {@code"
                + " changed}\n(arrays by content), if the row still has {@code original}'s version,"
                + " and increments the version.\nThe version carried by {@code changed} is"
                + " ignored. When no column differs, nothing is sent.\n\n"
                + "@param original the record as read\n"
                + "@param changed the record with the new values\n"
                + "@return {@code changed} with the incremented version, or {@code original} when"
                + " nothing differs\n"
                + "@throws IllegalArgumentException if the two records have different keys\n"
                + "@throws $T if the row was changed or deleted since {@code original} was read\n"
                + "$L"
                + "@throws NullPointerException if an argument or its key is null\n",
            STALE,
            overflowDoc("the version is"))
        .returns(record)
        .addParameter(record, "original")
        .addParameter(record, "changed")
        .addStatement("$T.requireNonNull(original, $S)", OBJECTS, "original")
        .addStatement("$T.requireNonNull(changed, $S)", OBJECTS, "changed")
        .addCode(
            reportingConflicts(
                touches.any() // touch hook
                    ? touches.updateChanged()
                    : CodeBlock.of("return updateChanged(dsl, original, changed);\n"),
                "UPDATE_CHANGED",
                CodeBlock.of("keyValues(original)")))
        .build();
  }

  MethodSpec updateChangedWith() {
    TypeName changesType =
        ParameterizedTypeName.get(
            MAP,
            ParameterizedTypeName.get(FIELD, WildcardTypeName.subtypeOf(Object.class)),
            ClassName.get(Object.class));
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("updateChanged")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "original")
            .addParameter(record, "changed");
    checkKeyCall(m, "original", "original");
    checkKeyCall(m, "changed", "changed");
    m.beginControlFlow("if (!sameKey(original, changed))")
        .addStatement(
            "throw new $T(\n$S$W+ keyValues(original)$W+ $S$W+ keyValues(changed))",
            IllegalArgumentException.class,
            "original and changed must have the same key, but have ",
            " and ")
        .endControlFlow();
    if (cachesUpdateChanged()) {
      // One cached statement per set of changed columns (bit i: the i-th non-key column).
      List<ComponentModel> values = model.values();
      m.addStatement("long changes = changedColumns(original, changed)");
      m.beginControlFlow("if (changes == 0L)").addStatement("return original").endControlFlow();
      m.addStatement("checkOverflow(original)");
      CodeBlock.Builder bind = CodeBlock.builder();
      for (int i = 0; i < values.size(); i++) {
        ComponentModel c = values.get(i);
        bind.beginControlFlow("if ((changes & $L) != 0L)", bit(i))
            .addStatement("values$L", bindCall(c, CodeBlock.of("changed.$N()", c.accessor())))
            .endControlFlow();
      }
      bind.addStatement(
          "values$L$L",
          bindKeys(c -> CodeBlock.of("original.$N()", c.accessor())),
          bind(version, CodeBlock.of("original.$N()", version.accessor())));
      guardedWrite(
          m,
          CodeBlock.of(
              "rows = $L.updateColumns.forColumns(changes).execute(ctx, values -> {\n$>$L$<});\n",
              SQL_CLASS,
              bind.build()),
          "changed",
          "UPDATE");
    } else {
      m.addStatement("$T changes = new $T<>()", changesType, LINKED_HASH_MAP);
      for (ComponentModel c : model.values()) {
        m.beginControlFlow("if ($L)", differs(c, "original", "changed"))
            .addStatement("changes.put($N, changed.$N())", c.constant(), c.accessor())
            .endControlFlow();
      }
      m.beginControlFlow("if (changes.isEmpty())").addStatement("return original").endControlFlow();
      checkOverflowOrNextVersion(m, "original");
      if (timestamps == null) {
        m.addStatement("changes.put($N, $L)", version.constant(), nextVersionValue("original"));
      } else {
        m.addStatement("changes.put($N, next)", version.constant()); // Timestamp versions: bound.
      }
      guardedWrite(
          m,
          CodeBlock.of(
              "rows = ctx.update(TABLE)$Z.set(changes)$Z.where(recordKey(original))"
                  + ".and(versionCondition(original.$N()))$Z.execute();\n",
              version.accessor()),
          "changed",
          "UPDATE");
    }
    m.beginControlFlow("if (!$L.one(rows))", DESCRIPTOR)
        .addStatement(
            "throw $L.stale(ctx,$Wchanged,$Woriginal.$N(),$W$T.UPDATE,$W-1)",
            DESCRIPTOR,
            version.accessor(),
            OPERATION)
        .endControlFlow();
    m.addStatement("return withVersion(changed, $L)", newVersion("original"));
    return m.build();
  }

  private CodeBlock differs(ComponentModel c, String a, String b) {
    if (c.isArray()) {
      return CodeBlock.of("!$T.equals($N.$N(), $N.$N())", ARRAYS, a, c.accessor(), b, c.accessor());
    }
    if (c.primitive()) {
      if (c.type().equals(TypeName.FLOAT)) {
        return CodeBlock.of(
            "$T.compare($N.$N(), $N.$N()) != 0", Float.class, a, c.accessor(), b, c.accessor());
      }
      if (c.type().equals(TypeName.DOUBLE)) {
        return CodeBlock.of(
            "$T.compare($N.$N(), $N.$N()) != 0", Double.class, a, c.accessor(), b, c.accessor());
      }
      return CodeBlock.of("$N.$N() != $N.$N()", a, c.accessor(), b, c.accessor());
    }
    return CodeBlock.of("!$T.equals($N.$N(), $N.$N())", OBJECTS, a, c.accessor(), b, c.accessor());
  }

  /** The columns that differ between two records: bit i set for the i-th non-key column. */
  MethodSpec changedColumns() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("changedColumns")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc(
                "The columns whose values differ between {@code original} and {@code changed}:"
                    + " bit i for the i-th non-key column, as {@code Sql.updateColumns} numbers"
                    + " them.\n")
            .returns(long.class)
            .addParameter(record, "original")
            .addParameter(record, "changed")
            .addStatement("long changes = 0L");
    List<ComponentModel> values = model.values();
    for (int i = 0; i < values.size(); i++) {
      m.beginControlFlow("if ($L)", differs(values.get(i), "original", "changed"))
          .addStatement("changes |= $L", bit(i))
          .endControlFlow();
    }
    return m.addStatement("return changes").build();
  }
}
