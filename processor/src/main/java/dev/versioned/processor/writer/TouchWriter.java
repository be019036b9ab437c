package dev.versioned.processor.writer;

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
        recordWriteDoc(
            "Increments the version and writes no other column, if, and only if, the row"
                + " still has the\nrecord's version: {@code UPDATE $L SET $L = $L WHERE"
                + " <key> AND $L = ?}.\n\n"
                + "<p>Touching the root of an aggregate in the same transaction as the writes"
                + " of its parts\nguards the aggregate as a whole: the transaction fails if"
                + " the root changed since it was\nread, and every copy of the root read"
                + " before it is stale from then on.\n\n"),
        touches.touch(),
        "TOUCH");
  }

  MethodSpec touchWith() {
    return recordWrite("touch", RepositoryPlan.TOUCH_ROW, "UPDATE");
  }
}
