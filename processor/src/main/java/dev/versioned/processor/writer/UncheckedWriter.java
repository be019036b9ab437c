package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DATA_ACCESS;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.versioned.processor.Names;
import dev.versioned.processor.vo.ComponentModel;
import javax.lang.model.element.Modifier;

/**
 * Writes the writes without a version check: {@code overwrite}, {@code deleteById} and the
 * counters' increments.
 */
final class UncheckedWriter extends RepositoryPart {

  UncheckedWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec overwrite() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("overwrite")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Writes every column with no version check (last write wins), still incrementing"
                    + " the version,\nand reads the new version back, in one transaction.\n\n"
                    + "@param record the values to store; its version is ignored\n"
                    + "@return the record as stored, with the version now in the database\n"
                    + "@throws $T if no row has the record's key\n"
                    + "$L"
                    + "@throws NullPointerException if {@code record} or its key is null\n",
                ClassName.get("org.jooq.exception", "NoDataFoundException"),
                overflowDoc("the stored version is"))
            .returns(record)
            .addParameter(record, "record")
            .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record");
    checkKeyCall(m, "record", "record");
    if (timestamps != null) {
      // Timestamp versions: a locking read and a compare-and-set of the later of now and the
      // stored version plus one unit.
      // touch hook: the parents are read first and touched after the write, in its transaction.
      return m.addCode(
              timestamps.overwriteBody(touches.overwriteBefore(), touches.overwriteTouch()))
          .build();
    }
    CodeBlock.Builder chain = CodeBlock.builder().add("tx.update(TABLE)");
    for (ComponentModel c : model.values()) {
      chain.add("\n.set($N, record.$N())", c.constant(), c.accessor());
    }
    chain.add("\n.set($N, $L)", version.constant(), versionIncrement());
    chain.add("\n.where(recordKey(record))");
    chain.add("\n.and($L)", versionBelowMax());
    chain.add("\n.execute()");
    m.addCode(
        CodeBlock.builder()
            .add("return dsl.transactionResult(configuration -> {\n$>")
            .addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL)
            .add(touches.overwriteBefore()) // touch hook
            .addStatement("int rows = $L", chain.build())
            .beginControlFlow("if (!$L.one(rows))", DESCRIPTOR)
            .addStatement("throw $L.missingOrOverflow(tx, keyValues(record))", DESCRIPTOR)
            .endControlFlow()
            .add(touches.overwriteTouch()) // touch hook
            .addStatement(
                "return withVersion(record,$Wtx.select($N)$Z.from(TABLE)$Z.where(recordKey(record))"
                    + ".fetchSingle()$Z.value1())",
                version.constant())
            .add("$<});\n")
            .build());
    return m.build();
  }

  MethodSpec deleteById() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("deleteById")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Deletes the row with the given key <em>unconditionally</em>: there is no version"
                    + " check,\nso a change made since the caller read the row is deleted too. Use"
                    + " {@link #delete} to\ndelete only the version the caller saw.\n\n")
            .addJavadoc(keyParamDocs())
            .addJavadoc("@return true if a row was deleted\n")
            .addJavadoc(keyNullDoc())
            .returns(boolean.class)
            .addParameters(keyParams());
    requireKeyParams(m);
    if (touches.any()) { // touch hook
      m.addCode(touches.deleteById(keyNames(), keyArgs()));
      return m.build();
    }
    m.addStatement(
        "return $L.one($L.deleteFrom(TABLE)$Z.where(keyCondition($L))$Z.execute())",
        DESCRIPTOR,
        field("dsl"),
        keyArgs());
    return m.build();
  }

  MethodSpec increment(ComponentModel counter) {
    NameAllocator taken = keyNames();
    String delta = taken.newName("delta");
    TypeName deltaType = counter.primitive() ? counter.type() : unboxedOrSelf(counter.type());
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("increment" + Names.capitalize(counter.name()))
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Adds {@code $N} to {@code $L} atomically and increments the version, with no"
                    + " version check:\n{@code UPDATE $L SET $L = COALESCE($L, 0) + ?, $L = $L"
                    + " WHERE <key>}.\n\n",
                delta,
                counter.column(),
                model.qualifiedTable(),
                counter.column(),
                counter.column(),
                version.column(),
                newVersionSql())
            .addJavadoc(
                timestamps == null
                    ? "<p>Nothing is written when the increment would take the version, or an"
                        + " integer counter,\nbeyond the range of its Java type.\n\n"
                    : "<p>The new version is the later of the current time and the stored version"
                        + " plus one unit,\nwritten by a locking read and a compare-and-set in one"
                        + " transaction. Nothing is written when\nthe increment would take an"
                        + " integer counter beyond the range of its Java type.\n\n")
            .addJavadoc(keyParamDocs())
            .addJavadoc(
                "@param $N the amount to add (negative to subtract)\n"
                    + "@return true if a row with that key was found\n"
                    + "$L"
                    + "@throws $T if the counter would leave the range of its type\n",
                delta,
                overflowDoc("the version is"),
                DATA_ACCESS)
            .addJavadoc(keyNullDoc())
            .returns(boolean.class)
            .addParameters(keyParams())
            .addParameter(deltaType, delta);
    requireKeyParams(m);
    if (!deltaType.isPrimitive()) {
      m.addStatement("$T.requireNonNull($N, $S)", OBJECTS, delta, delta);
    }
    // A primitive counter's column is NOT NULL; a boxed one's NULL counts as 0.
    CodeBlock current =
        counter.primitive()
            ? CodeBlock.of("$N", counter.constant())
            : CodeBlock.of(
                "$T.coalesce($N, $T.inline(0, $N))",
                DSL,
                counter.constant(),
                DSL,
                counter.constant());
    String rows = taken.newName("rows");
    String ctx = touches.counterContext(taken); // touch hook: the transaction's context
    CodeBlock fits = counterFits(deltaType, current, delta);
    if (timestamps != null) {
      // Timestamp versions: a locking read and a compare-and-set, in one transaction.
      return m.addCode(
              timestamps.incrementBody(
                  counter,
                  delta,
                  CodeBlock.of("$L.plus($N)", current, delta),
                  fits,
                  keyArgs(),
                  touches, // touch hook
                  field("dsl"),
                  taken))
          .build();
    }
    CodeBlock.Builder update =
        CodeBlock.builder()
            .add("$L.update(TABLE)\n.set($N, $L.plus($N))", ctx, counter.constant(), current, delta)
            .add("\n.set($N, $L)", version.constant(), versionIncrement())
            .add("\n.where(keyCondition($L))", keyArgs())
            .add("\n.and($L)", versionBelowMax());
    if (fits != null) {
      update.add("\n.and($L)", fits);
    }
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("int $N = $L\n.execute()", rows, update.build());
    body.beginControlFlow("if ($L.one($N))", DESCRIPTOR, rows)
        .add(touches.counterTouch(taken)) // touch hook
        .addStatement("return true")
        .endControlFlow();
    body.addStatement(
        "return $L.incrementRefused($L,$W$N,$W$N,$WkeyValues($L))",
        DESCRIPTOR,
        ctx,
        counter.constant(),
        delta,
        keyArgs());
    m.addCode(touches.counter(taken, keyArgs(), body.build())); // touch hook
    return m.build();
  }

  /**
   * The condition that adding {@code delta} keeps an integer counter within its Java type, or null
   * for floating-point counters. PostgreSQL and the others refuse such an overflow with an error;
   * SQLite would store the wider value (or turn a BIGINT into a REAL), silently.
   */
  private static CodeBlock counterFits(TypeName deltaType, CodeBlock current, String delta) {
    if (deltaType.equals(TypeName.SHORT)) {
      // short arithmetic is int arithmetic: the bound is cast back to the column's type.
      return CodeBlock.of(
          "$N >= 0$>$>\n? $L.le((short) (Short.MAX_VALUE - $N))"
              + "\n: $L.ge((short) (Short.MIN_VALUE - $N))$<$<",
          delta,
          current,
          delta,
          current,
          delta);
    }
    String box;
    if (deltaType.equals(TypeName.INT)) {
      box = "Integer";
    } else if (deltaType.equals(TypeName.LONG)) {
      box = "Long";
    } else {
      return null;
    }
    return CodeBlock.of(
        "$N >= 0$>$>\n? $L.le($L.MAX_VALUE - $N)\n: $L.ge($L.MIN_VALUE - $N)$<$<",
        delta,
        current,
        box,
        delta,
        current,
        box,
        delta);
  }

  private static TypeName unboxedOrSelf(TypeName type) {
    try {
      return type.unbox();
    } catch (UnsupportedOperationException notABox) {
      return type;
    }
  }
}
