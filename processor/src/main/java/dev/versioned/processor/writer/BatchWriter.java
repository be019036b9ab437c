package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.ARRAY_LIST;
import static dev.versioned.processor.writer.TypeNames.BATCHES;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.JDBC;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.OPERATION;
import static dev.versioned.processor.writer.TypeNames.QUERY;
import static dev.versioned.processor.writer.TypeNames.ROWS;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.STALE_BATCH;
import static dev.versioned.processor.writer.TypeNames.TABLE;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import javax.lang.model.element.Modifier;

/** Writes the batches, {@code updateAll} and {@code deleteAll}. */
final class BatchWriter extends RepositoryPart {

  BatchWriter(RepositoryPart parts) {
    super(parts);
  }

  void addUpdateAll(Members members) {
    members.add(updateAll());
  }

  void addDeleteAll(Members members) {
    members.add(deleteAll());
  }

  private MethodSpec updateAll() {
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
        .addCode(batchBody("update", "updateQuery", true, "UPDATE_ALL"))
        .build();
  }

  private MethodSpec deleteAll() {
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
        .addCode(batchBody("delete", "deleteQuery", false, "DELETE_ALL"))
        .build();
  }

  private CodeBlock batchBody(
      String what, String queryMethod, boolean returnsRecords, String operation) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement(
        "$T input = $T.elements(records, $S)",
        ParameterizedTypeName.get(LIST, record),
        ROWS,
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
    b.add(returnsRecords ? "return " : "").add("dsl.transaction$L(configuration -> {\n$>",
        returnsRecords ? "Result" : "");
    b.addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL);
    b.add(touches.batchBefore(returnsRecords)); // touch hook
    b.addStatement(
        "$T queries = new $T<>(input.size())", ParameterizedTypeName.get(LIST, QUERY), ARRAY_LIST);
    boolean bindsVersions = returnsRecords && timestamps != null;
    if (bindsVersions) {
      // Timestamp versions: each record's new version, computed once, bound and returned.
      b.addStatement("$T versions = new $T<>(input.size())",
          ParameterizedTypeName.get(LIST, version.type()), ARRAY_LIST);
    }
    b.beginControlFlow("for ($T record : input)", record);
    if (bindsVersions) {
      b.addStatement("$T next = nextVersion(record.$N())", version.type(), version.accessor());
      b.addStatement("versions.add(next)");
    }
    b.addStatement("queries.add($N(tx, record$L))", queryMethod, bindsVersions ? ", next" : "");
    b.endControlFlow();
    b.addStatement("int[] rows = $T.execute(tx, queries)", BATCHES);
    b.addStatement(
        "$T conflicts = new $T<>()", ParameterizedTypeName.get(LIST, STALE), ARRAY_LIST);
    if (returnsRecords) {
      b.addStatement(
          "$T written = new $T<>(input.size())", ParameterizedTypeName.get(LIST, record),
          ARRAY_LIST);
    }
    b.beginControlFlow("for (int i = 0; i < rows.length; i++)");
    b.addStatement("$T record = input.get(i)", record);
    b.beginControlFlow("if (!$T.one(rows[i], TABLE))", ROWS);
    b.addStatement("conflicts.add(stale(tx,$Wrecord,$Wrecord.$N(),$W$T.$L,$Wi))", version.accessor(),
        OPERATION, what.toUpperCase(java.util.Locale.ROOT));
    if (returnsRecords) {
      b.nextControlFlow("else");
      b.addStatement("written.add(withVersion(record, $L))",
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
    // A batch the database refuses as a serialization failure is a StaleBatchException (docs/generated-repository.md, "Exceptions").
    return CodeBlock.builder()
        .add(prologue)
        .add(reportingConflicts(b.build(), operation, CodeBlock.of("$T.of()", LIST),
            CodeBlock.of("$T.refused(e)", BATCHES)))
        .build();
  }
}
