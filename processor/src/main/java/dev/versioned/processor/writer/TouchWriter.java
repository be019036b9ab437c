package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.STALE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.versioned.processor.plan.RepositoryPlan;

/** Writes {@code touch}, the version-checked increment of the version alone. */
final class TouchWriter extends RepositoryPart {

  TouchWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec touch() {
    return publicRecordWrite(
        "touch",
        CodeBlock.of(
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
            overflowDoc("the version is")),
        touches.touch(),
        "TOUCH");
  }

  MethodSpec touchWith() {
    return recordWrite("touch", RepositoryPlan.TOUCH_ROW, "UPDATE");
  }
}
