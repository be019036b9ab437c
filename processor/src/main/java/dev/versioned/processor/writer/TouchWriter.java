package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.QUERY;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.TABLE;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.versioned.processor.plan.RepositoryPlan;
import javax.lang.model.element.Modifier;

/** Writes {@code touch}, the version-checked increment of the version alone. */
final class TouchWriter extends RepositoryPart {

  TouchWriter(RepositoryPart parts) {
    super(parts);
  }

  void addMembers(Members members) {
    members.add(touch());
    members.add(touchWith());
    if (!version.primitive()) {
      members.add(touchQuery());
    }
  }

  private MethodSpec touch() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("touch")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Increments the version and writes no other column, if, and only if, the row"
                    + " still has the\nrecord's version: {@code UPDATE $L SET $L = $L WHERE"
                    + " <key> AND $L = ?}.\n\n"
                    + "<p>Touching the root of an aggregate in the same transaction as the writes"
                    + " of its parts\nguards the aggregate as a whole: the transaction fails if"
                    + " the root changed since it was\nread, and every copy of the root read"
                    + " before it is stale from then on.\n\n"
                    + "@param record the record, as read (with the version it was read at)\n"
                    + "@return a new record equal to {@code record} but with the incremented"
                    + " version\n"
                    + "@throws $T if the row was changed or deleted since; nothing is written\n"
                    + "$L"
                    + "@throws NullPointerException if {@code record} or its key is null\n",
                model.qualifiedTable(),
                version.column(),
                newVersionSql(),
                version.column(),
                STALE,
                overflowDoc("the version is"))
            .returns(record)
            .addParameter(record, "record")
            .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record");
    m.addCode(reportingConflicts(
        touches.any() ? touches.touch() : CodeBlock.of("return touch(dsl, record);\n"),
        "TOUCH", // touch hook above
        CodeBlock.of("keyValues(record)")));
    return m.build();
  }

  private MethodSpec touchWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("touch")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    checkKeyCall(m, "record", "record");
    checkOverflowOrNextVersion(m, "record");
    versionCheckedWrite(m, RepositoryPlan.TOUCH_ROW, "touchQuery", "UPDATE", timestamps != null);
    m.addStatement("return withVersion(record, $L)", newVersion("record"));
    return m.build();
  }

  /** The touch of a record whose version may be null: {@code IS NULL}, and the new version 1. */
  private MethodSpec touchQuery() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("touchQuery")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(QUERY)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    if (timestamps != null) {
      // Timestamp versions: the new version is bound.
      return m.addParameter(version.type(), "next")
          .addStatement(
              "return ctx.update(TABLE)\n.set($N, next)"
                  + "\n.where(recordKey(record))\n.and(versionCondition(record.$N()))",
              version.constant(),
              version.accessor())
          .build();
    }
    return m.addStatement(
            "return ctx.update(TABLE)\n.set($N, nextVersionField(record.$N()))"
                + "\n.where(recordKey(record))\n.and(versionCondition(record.$N()))",
            version.constant(),
            version.accessor(),
            version.accessor())
        .build();
  }
}
