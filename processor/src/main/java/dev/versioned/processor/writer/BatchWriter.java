package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.ARGUMENTS;
import static dev.versioned.processor.writer.TypeNames.ARRAY_LIST;
import static dev.versioned.processor.writer.TypeNames.BATCHES;
import static dev.versioned.processor.writer.TypeNames.CACHED;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.OPERATION;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.STALE_BATCH;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.plan.Statement;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/** Writes the batches, {@code updateAll} and {@code deleteAll}. */
final class BatchWriter extends RepositoryPart {

  BatchWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec updateAll() {
    return MethodSpec.methodBuilder("updateAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Updates every record as {@link #update} does, as a JDBC batch in one transaction:"
                + " all or nothing.\nIf any row is stale, nothing is written and the exception"
                + " lists every stale row with its index.\n\n"
                + "@param records the records, as read\n"
                + "@return new records with incremented versions, in the same order\n"
                + "@throws $T if any row was changed or deleted since it was read\n"
                + "$L"
                + "@throws NullPointerException if {@code records}, an element or a key is null\n",
            STALE_BATCH,
            overflowDoc("a version is"))
        .returns(ParameterizedTypeName.get(LIST, record))
        .addParameter(ParameterizedTypeName.get(LIST, record), "records")
        .addCode(batchBody("update", RepositoryPlan.UPDATE_ROW, true, "UPDATE_ALL"))
        .build();
  }

  MethodSpec deleteAll() {
    return MethodSpec.methodBuilder("deleteAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Deletes every record as {@link #delete} does, as a JDBC batch in one transaction:"
                + " all or nothing.\n\n"
                + "@param records the records, as read\n"
                + "@throws $T if any row was changed or deleted since it was read; nothing is"
                + " deleted\n"
                + "@throws NullPointerException if {@code records}, an element or a key is null\n",
            STALE_BATCH)
        .addParameter(ParameterizedTypeName.get(LIST, record), "records")
        .addCode(batchBody("delete", RepositoryPlan.DELETE_ROW, false, "DELETE_ALL"))
        .build();
  }

  private CodeBlock batchBody(
      String what, String statement, boolean returnsRecords, String operation) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement(
        "$T input = $T.elements(records, $S)",
        ParameterizedTypeName.get(LIST, record),
        ARGUMENTS,
        "records");
    boolean checksOverflow = returnsRecords && timestamps == null;
    if (hasBoxedKey() || checksOverflow) {
      // Every argument is checked before any SQL is sent.
      b.beginControlFlow("for ($T record : input)", record);
      if (hasBoxedKey()) {
        b.addStatement("checkKey(record, $S)", "records");
      }
      if (checksOverflow) {
        b.addStatement("checkOverflow(record)");
      }
      b.endControlFlow();
    }
    b.beginControlFlow("if (input.isEmpty())");
    if (returnsRecords) {
      b.addStatement("return $T.of()", LIST);
    } else {
      b.addStatement("return");
    }
    b.endControlFlow();
    CodeBlock prologue = b.build();
    b = CodeBlock.builder();
    b.add(returnsRecords ? "return " : "")
        .add("dsl.transaction$L(configuration -> {\n$>", returnsRecords ? "Result" : "");
    b.addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL);
    b.add(touches.batchBefore(returnsRecords)); // touch hook
    boolean bindsVersions = returnsRecords && timestamps != null;
    if (bindsVersions) {
      // Timestamp versions: each record's new version, computed once, bound and returned.
      b.addStatement(
          "$T versions = new $T<>(input.size())",
          ParameterizedTypeName.get(LIST, version.type()),
          ARRAY_LIST);
    }
    if (bindsVersions) {
      b.beginControlFlow("for ($T record : input)", record);
      b.addStatement("versions.add(nextVersion(record.$N()))", version.accessor());
      b.endControlFlow();
    }
    b.add(execute(statement, bindsVersions));
    b.addStatement("$T conflicts = new $T<>()", ParameterizedTypeName.get(LIST, STALE), ARRAY_LIST);
    if (returnsRecords) {
      b.addStatement(
          "$T written = new $T<>(input.size())",
          ParameterizedTypeName.get(LIST, record),
          ARRAY_LIST);
    }
    b.beginControlFlow("for (int i = 0; i < rows.length; i++)");
    b.addStatement("$T record = input.get(i)", record);
    b.beginControlFlow("if (!$L.one(rows[i]))", DESCRIPTOR);
    b.addStatement(
        "conflicts.add($L.stale(tx,$Wrecord,$Wrecord.$N(),$W$T.$L,$Wi))",
        DESCRIPTOR,
        version.accessor(),
        OPERATION,
        what.toUpperCase(Locale.ROOT));
    if (returnsRecords) {
      b.nextControlFlow("else");
      b.addStatement(
          "written.add(withVersion(record, $L))",
          bindsVersions
              ? CodeBlock.of("versions.get(i)")
              : CodeBlock.of("nextVersion(record.$N())", version.accessor()));
    }
    b.endControlFlow();
    b.endControlFlow();
    b.beginControlFlow("if (!conflicts.isEmpty())");
    b.addStatement("throw new $T(conflicts)", STALE_BATCH);
    b.endControlFlow();
    b.add(touches.batchTouch(returnsRecords)); // touch hook
    if (returnsRecords) {
      b.addStatement("return $T.copyOf(written)", LIST);
    }
    b.add("$<});\n");
    // A batch the database refuses as a serialization failure is a StaleBatchException
    // (docs/generated-repository.md, "Exceptions").
    return CodeBlock.builder()
        .add(prologue)
        .add(
            reportingConflicts(
                b.build(),
                operation,
                CodeBlock.of("$T.of()", LIST),
                CodeBlock.of("$T.refused(e)", BATCHES)))
        .build();
  }

  /**
   * {@code int[] rows = ...}: the batch of a cached statement, each record bound as the single-row
   * write binds it (with its new version from {@code versions}, for a timestamp version); where the
   * version may be null, each record runs the statement or its {@code IS NULL} twin.
   */
  private CodeBlock execute(String statement, boolean bindsVersions) {
    Statement s = plan.statement(statement);
    if (version.primitive()) {
      return CodeBlock.builder()
          .addStatement(
              "int[] rows = $L.$L.executeBatch(tx, input, (values, record) -> values$L)",
              SQL_CLASS,
              statement,
              bindValues(s, "record"))
          .build();
    }
    String twin = RepositoryPlan.nullVersion(statement);
    CodeBlock.Builder binder = CodeBlock.builder().addStatement("$T record = input.get(i)", record);
    if (bindsVersions) {
      binder.addStatement("$T next = versions.get(i)", version.type());
    }
    binder
        .beginControlFlow("if (record.$N() == null)", version.accessor())
        .addStatement("values$L", bindValues(plan.statement(twin), "record"))
        .nextControlFlow("else")
        .addStatement("values$L", bindValues(s, "record"))
        .endControlFlow();
    return CodeBlock.builder()
        .add("int[] rows = $T.executeBatch(\n$>$>tx,\ninput.size(),\n", CACHED)
        .add(
            "i -> input.get(i).$N() == null$W? $L.$L$W: $L.$L,\n",
            version.accessor(),
            SQL_CLASS,
            twin,
            SQL_CLASS,
            statement)
        .add("(values, i) -> {\n$>$L$<});\n$<$<", binder.build())
        .build();
  }
}
