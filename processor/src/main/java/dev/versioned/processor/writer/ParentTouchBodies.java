package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.RECORD;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.List;

/**
 * Writes the bodies of a touching record's writes ({@code @Touch}): each runs the record's own
 * write and the touch of the parents it names in one transaction, reading first, with a lock, the
 * parents that the row names before the write replaces them. For a record without {@code @Touch},
 * each hook returns the plain body or nothing. The touches themselves are {@link
 * ParentTouchWriter}'s.
 */
final class ParentTouchBodies {
  private final RecordModel model;
  private final ClassName record;
  private final boolean any;
  private final TypeName rows;

  /**
   * Prepares the bodies.
   *
   * @param model the touching record
   * @param targets its touches, which the validator passed; empty for none
   */
  ParentTouchBodies(RecordModel model, List<TouchTarget> targets) {
    this.model = model;
    this.record = model.recordName();
    this.any = !targets.isEmpty();
    this.rows = ParameterizedTypeName.get(LIST, RECORD);
  }

  /**
   * Whether the record touches any parent.
   *
   * @return true with at least one {@code @Touch} component
   */
  boolean any() {
    return any;
  }

  /** Names for the locals of a transaction body, none of them a parameter's name. */
  private static final class Locals {
    final String configuration;
    final String tx;
    final String stored;
    final String before;

    Locals(NameAllocator parameters) {
      NameAllocator taken = parameters.clone();
      configuration = taken.newName("configuration");
      tx = taken.newName("tx");
      stored = taken.newName("stored");
      before = taken.newName("before");
    }
  }

  private CodeBlock transaction(Locals l, String dsl, boolean returns, CodeBlock inner) {
    return CodeBlock.builder()
        .add(
            "$L$L.transaction$L($N -> {\n$>",
            returns ? "return " : "",
            dsl,
            returns ? "Result" : "",
            l.configuration)
        .addStatement("$T $N = $T.using($N)", DSL_CONTEXT, l.tx, DSL, l.configuration)
        .add(inner)
        .add("$<});\n")
        .build();
  }

  /**
   * The overflow check of the record's own integer version before a touching write; nothing for a
   * timestamp version, which never overflows.
   */
  private CodeBlock checkOverflow() {
    return TimestampVersion.is(model.version())
        ? CodeBlock.of("")
        : CodeBlock.of("checkOverflow(record);\n");
  }

  /**
   * {@code insert(record)}: the insert, then the touch of the parent the stored record names.
   *
   * @return the body that replaces {@code return insert(dsl, record);}
   */
  CodeBlock insert() {
    Locals l = new Locals(names("record"));
    return transaction(
        l,
        "dsl",
        true,
        CodeBlock.builder()
            .addStatement("$T $N = insert($N, record)", record, l.stored, l.tx)
            .addStatement("touchParents($N, $T.of($N), $T.of())", l.tx, LIST, l.stored, LIST)
            .addStatement("return $N", l.stored)
            .build());
  }

  /**
   * The statement of {@code insertAll} before it returns, in its transaction {@code tx}.
   *
   * @return {@code touchParents(tx, stored, List.of());}, or nothing without touches
   */
  CodeBlock insertAllTouch() {
    return any() ? CodeBlock.of("touchParents(tx, stored, $T.of());\n", LIST) : CodeBlock.of("");
  }

  /**
   * {@code update(record)}: reads the parent the row names now (with a lock: inside a transaction
   * at REPEATABLE READ a plain read could return an older snapshot), updates, and touches both the
   * old and the new parent (once when they are the same).
   *
   * @return the body that replaces {@code return update(dsl, record);}
   */
  CodeBlock update() {
    return recordWrite("update", true);
  }

  /**
   * {@code updateChanged(original, changed)}: when a column changed, touches the parents of both.
   *
   * @return the body that replaces {@code return updateChanged(dsl, original, changed);}
   */
  CodeBlock updateChanged() {
    Locals l = new Locals(names("original", "changed"));
    return transaction(
        l,
        "dsl",
        true,
        CodeBlock.builder()
            .addStatement("$T $N = updateChanged($N, original, changed)", record, l.stored, l.tx)
            .add(touchUnlessUnchanged(l.tx, "original", l.stored))
            .addStatement("return $N", l.stored)
            .build());
  }

  private CodeBlock touchUnlessUnchanged(String ctx, String original, String stored) {
    return CodeBlock.builder()
        .beginControlFlow("if ($N != $N)", stored, original)
        .addStatement("touchParents($N, $T.of($N, $N), $T.of())", ctx, LIST, original, stored, LIST)
        .endControlFlow()
        .build();
  }

  /**
   * The end of one attempt of {@code modify}, which runs in its own transaction {@code ctx}.
   *
   * @param ctx the attempt's context
   * @param current the record as read
   * @param changed the record as changed
   * @param taken the names in scope
   * @return the statements that replace {@code return updateChanged(ctx, current, changed);}
   */
  CodeBlock modifyAttempt(String ctx, String current, String changed, NameAllocator taken) {
    Locals l = new Locals(taken);
    if (!any()) {
      return CodeBlock.of("return updateChanged($N, $N, $N);\n", ctx, current, changed);
    }
    return CodeBlock.builder()
        .addStatement("$T $N = updateChanged($N, $N, $N)", record, l.stored, ctx, current, changed)
        .add(touchUnlessUnchanged(ctx, current, l.stored))
        .addStatement("return $N", l.stored)
        .build();
  }

  /**
   * The first statement of {@code overwrite}'s transaction {@code tx}: the parent the row names
   * now, read with a lock, since nothing else guards it until the write.
   *
   * @return the statement, or nothing without touches
   */
  CodeBlock overwriteBefore() {
    return any()
        ? CodeBlock.of("$T before = storedParents(tx, recordKey(record));\n", rows)
        : CodeBlock.of("");
  }

  /**
   * The statement of {@code overwrite} before it returns: touches the old and the new parent.
   *
   * @return the statement, or nothing without touches
   */
  CodeBlock overwriteTouch() {
    return any()
        ? CodeBlock.of("touchParents(tx, $T.of(record), before);\n", LIST)
        : CodeBlock.of("");
  }

  /**
   * The first statement of a batch's transaction {@code tx}: for {@code updateAll}, the parents the
   * rows name now.
   *
   * @param updates whether the batch updates (rather than deletes)
   * @return the statement, or nothing
   */
  CodeBlock batchBefore(boolean updates) {
    return any() && updates
        ? CodeBlock.of("$T before = storedParents(tx, input);\n", rows)
        : CodeBlock.of("");
  }

  /**
   * The statement of a batch once every row was written: each distinct parent touched once.
   *
   * @param updates whether the batch updates (rather than deletes)
   * @return the statement, or nothing without touches
   */
  CodeBlock batchTouch(boolean updates) {
    if (!any()) {
      return CodeBlock.of("");
    }
    return updates
        ? CodeBlock.of("touchParents(tx, input, before);\n")
        : CodeBlock.of("touchParents(tx, input, $T.of());\n", LIST);
  }

  /**
   * {@code delete(record)}: the version-checked delete, then the touch of the record's parent.
   *
   * @return the body that replaces {@code delete(dsl, record);}
   */
  CodeBlock delete() {
    Locals l = new Locals(names("record"));
    return transaction(
        l,
        "dsl",
        false,
        CodeBlock.builder()
            .addStatement("delete($N, record)", l.tx)
            .addStatement("touchParents($N, $T.of(record), $T.of())", l.tx, LIST, LIST)
            .build());
  }

  /**
   * {@code touch(record)}: the version-checked touch, then the touch of the record's parent.
   *
   * @return the body that replaces {@code return touch(dsl, record);}
   */
  CodeBlock touch() {
    return recordWrite("touch", false);
  }

  /**
   * The body of a version-checked write of one record that returns it ({@code update}, {@code
   * touch}): the overflow check before any SQL, then in one transaction the write and the touch of
   * the record's parents; with {@code readsBefore}, also of the parents the row named before.
   */
  private CodeBlock recordWrite(String write, boolean readsBefore) {
    Locals l = new Locals(names("record"));
    CodeBlock.Builder inner = CodeBlock.builder();
    if (readsBefore) {
      inner.addStatement("$T $N = storedParents($N, recordKey(record))", rows, l.before, l.tx);
    }
    inner
        .addStatement("$T $N = $N($N, record)", record, l.stored, write, l.tx)
        .addStatement(
            "touchParents($N, $T.of($N), $L)",
            l.tx,
            LIST,
            l.stored,
            readsBefore ? CodeBlock.of("$N", l.before) : CodeBlock.of("$T.of()", LIST))
        .addStatement("return $N", l.stored);
    return CodeBlock.builder()
        .add(checkOverflow())
        .add(transaction(l, "dsl", true, inner.build()))
        .build();
  }

  /**
   * {@code deleteById(key)}: reads the parent the row names with a lock, deletes, and touches it.
   *
   * @param keyNames the key parameters' names
   * @param keyArgs the key arguments
   * @return the body that replaces the unconditional delete
   */
  CodeBlock deleteById(NameAllocator keyNames, CodeBlock keyArgs) {
    Locals l = new Locals(keyNames);
    return keyedTransaction(
        l,
        keyNames,
        keyArgs,
        CodeBlock.builder()
            .beginControlFlow(
                "if (!$L.one($N.deleteFrom(TABLE).where(keyCondition($L)).execute()))",
                RepositoryPart.DESCRIPTOR,
                l.tx,
                keyArgs)
            .addStatement("return false")
            .endControlFlow()
            .addStatement("touchParents($N, $T.of(), $N)", l.tx, LIST, l.before)
            .addStatement("return true")
            .build());
  }

  /**
   * A transaction of a write by key: first the parents the row names now, read with a lock into
   * {@code before}, then {@code rest}.
   */
  private CodeBlock keyedTransaction(
      Locals l, NameAllocator keyNames, CodeBlock keyArgs, CodeBlock rest) {
    return transaction(
        l,
        field("dsl", keyNames),
        true,
        CodeBlock.builder().add(counterBefore(l.tx, l.before, keyArgs)).add(rest).build());
  }

  /**
   * The context a counter's increment runs its statements with: its own transaction with touches.
   *
   * @param keyNames the names in scope
   * @return {@code dsl}, or the transaction's local
   */
  String counterContext(NameAllocator keyNames) {
    return any() ? new Locals(keyNames).tx : field("dsl", keyNames);
  }

  /**
   * {@code incrementX(key, delta)}: reads the parent the row names with a lock, then runs {@code
   * increment}, whose {@code return true} is preceded by {@link #counterTouch}.
   *
   * @param keyNames the names in scope
   * @param keyArgs the key arguments
   * @param increment the statements, written with {@link #counterContext}
   * @return the body
   */
  CodeBlock counter(NameAllocator keyNames, CodeBlock keyArgs, CodeBlock increment) {
    if (!any()) {
      return increment;
    }
    return keyedTransaction(new Locals(keyNames), keyNames, keyArgs, increment);
  }

  /**
   * The statement before a counter's {@code return true}.
   *
   * @param keyNames the names in scope
   * @return the touch of the parent read first, or nothing without touches
   */
  CodeBlock counterTouch(NameAllocator keyNames) {
    if (!any()) {
      return CodeBlock.of("");
    }
    Locals l = new Locals(keyNames);
    return CodeBlock.of("touchParents($N, $T.of(), $N);\n", l.tx, LIST, l.before);
  }

  /**
   * The first statement of a counter's transaction when the counter's record has a timestamp
   * version: the parents the row names now, read with a lock.
   *
   * @param tx the transaction's context
   * @param before the name of the local that holds them
   * @param keyArgs the key arguments
   * @return the statement, or nothing without touches
   */
  CodeBlock counterBefore(String tx, String before, CodeBlock keyArgs) {
    return any()
        ? CodeBlock.of("$T $N = storedParents($N, keyCondition($L));\n", rows, before, tx, keyArgs)
        : CodeBlock.of("");
  }

  /**
   * The touch that follows a timestamp-versioned counter's compare-and-set, when it wrote the row.
   *
   * @param tx the transaction's context
   * @param advanced the local that holds the new version, null when nothing was written
   * @param before the local that {@link #counterBefore} declared
   * @return the statement, or nothing without touches
   */
  CodeBlock counterTouchIf(String tx, String advanced, String before) {
    if (!any()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($N != null)", advanced)
        .addStatement("touchParents($N, $T.of(), $N)", tx, LIST, before)
        .endControlFlow()
        .build();
  }

  /**
   * A field of the repository as a method names it: {@code this.dsl} where a parameter of that name
   * hides it, else {@code dsl}.
   */
  static String field(String name, NameAllocator parameters) {
    return parameters.clone().newName(name).equals(name) ? name : "this." + name;
  }

  /** The names of a method's parameters, taken. */
  private static NameAllocator names(String... parameters) {
    NameAllocator names = new NameAllocator();
    for (String parameter : parameters) {
      names.newName(parameter, parameter);
    }
    return names;
  }
}
