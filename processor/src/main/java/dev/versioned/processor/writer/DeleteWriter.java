package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.STALE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.versioned.processor.plan.RepositoryPlan;
import javax.lang.model.element.Modifier;

/** Writes the version-checked delete, {@code delete}. */
final class DeleteWriter extends RepositoryPart {

  DeleteWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec delete() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("delete")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Deletes the row if, and only if, it still has the record's version:\n"
                    + "{@code DELETE FROM $L WHERE <key> AND $L = ?}.\n\n"
                    + "@param record the record, as read\n"
                    + "@throws $T if the row was changed or deleted since; nothing is deleted\n"
                    + "@throws NullPointerException if {@code record} or its key is null\n",
                model.qualifiedTable(),
                version.column(),
                STALE)
            .addParameter(record, "record")
            .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record");
    m.addCode(
        reportingConflicts(
            touches.any() ? touches.delete() : CodeBlock.of("delete(dsl, record);\n"), // touch hook
            "DELETE",
            CodeBlock.of("keyValues(record)")));
    return m.build();
  }

  MethodSpec deleteWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("delete")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    checkKeyCall(m, "record", "record");
    versionCheckedWrite(m, RepositoryPlan.DELETE_ROW, "DELETE");
    return m.build();
  }
}
