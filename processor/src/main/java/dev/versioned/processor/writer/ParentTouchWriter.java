package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.ARRAY_LIST;
import static dev.versioned.processor.writer.TypeNames.CHRONO_UNIT;
import static dev.versioned.processor.writer.TypeNames.CONDITION;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.LOCKING;
import static dev.versioned.processor.writer.TypeNames.PARENT_TOUCH;
import static dev.versioned.processor.writer.TypeNames.RECORD;
import static dev.versioned.processor.writer.TypeNames.SELECT_STEP;
import static dev.versioned.processor.writer.TypeNames.SQL_DATA_TYPE;
import static dev.versioned.processor.writer.TypeNames.TIMESTAMP_VERSIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.versioned.processor.plan.VersionKind;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes what a repository needs to touch the parents its record's {@code @Touch} components name:
 * one {@code dev.versioned.support.ParentTouch} per component (the one place the parent's {@code
 * UPDATE} is built), the helpers that collect the parents a write names, and the bodies of the
 * writes, which then run the child's write and the parents' touches in one transaction. A record
 * without {@code @Touch} gets nothing from it.
 */
final class ParentTouchWriter {
  private static final String CLASS = "ParentTouches";

  /** Rows whose stored parents one statement reads, so a batch binds a bounded number of values. */
  private static final int CHUNK = 500;

  private final RecordModel model;
  private final ClassName record;
  private final List<TouchTarget> targets;
  private final TypeName rows;

  /**
   * Prepares the writer.
   *
   * @param model the touching record
   * @param targets its touches, which the validator passed; empty for none
   */
  ParentTouchWriter(RecordModel model, List<TouchTarget> targets) {
    this.model = model;
    this.record = model.recordName();
    this.targets = List.copyOf(targets);
    this.rows = ParameterizedTypeName.get(LIST, RECORD);
  }

  /**
   * Whether the record touches any parent.
   *
   * @return true with at least one {@code @Touch} component
   */
  boolean any() {
    return !targets.isEmpty();
  }

  /**
   * Adds the touches and their helpers to the repository.
   *
   * @param type the repository being built
   */
  void addMembers(TypeSpec.Builder type) {
    if (!any()) {
      return;
    }
    for (TouchTarget t : targets) {
      if (TimestampVersion.is(t.parent().version())) {
        type.addJavadoc(
            "\n<p>Every write also advances the timestamp version of the {@code $L} row that"
                + " {@code $L}\nnames ({@code @Touch}), in the same transaction, to the later of"
                + " now and the stored\nversion plus one unit.\n",
            t.parent().qualifiedTable(),
            t.component().name());
        continue;
      }
      type.addJavadoc(
          "\n<p>Every write also increments the version of the {@code $L} row that {@code $L}"
              + " names\n({@code @Touch}), in the same transaction; a parent at the largest"
              + " version of its type\nmakes the write fail with {@code"
              + " VersionOverflowException}, and nothing is written.\n",
          t.parent().qualifiedTable(),
          t.component().name());
    }
    type.addMethod(touchParents());
    type.addMethod(storedParentsWhere());
    type.addMethod(storedParentsOf());
    type.addType(touchesClass());
  }

  // ---------------------------------------------------------------- members

  private TypeSpec touchesClass() {
    TypeSpec.Builder b =
        TypeSpec.classBuilder(CLASS)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The parents that writes of this table touch, one per {@code @Touch}"
                    + " component.\n")
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (TouchTarget t : targets) {
      b.addField(touchField(t));
    }
    return b.build();
  }

  private FieldSpec touchField(TouchTarget t) {
    RecordModel parent = t.parent();
    ComponentModel key = t.parentKey();
    ComponentModel version = parent.version();
    CodeBlock table =
        parent.schema().isEmpty()
            ? CodeBlock.of("$T.table($T.name($S))", DSL, DSL, parent.table())
            : CodeBlock.of("$T.table($T.name($S, $S))", DSL, DSL, parent.schema(), parent.table());
    FieldSpec.Builder field =
        FieldSpec.builder(
                ParameterizedTypeName.get(PARENT_TOUCH, key.boxedType(), version.boxedType()),
                t.component().constant(),
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc(
                "Touches {@code $L} through component {@code $L}.\n",
                parent.qualifiedTable(),
                t.component().name());
    CodeBlock keyField =
        CodeBlock.of("$T.field($T.name($S), $L)", DSL, DSL, key.column(), DataTypes.of(key));
    CodeBlock versionName = CodeBlock.of("$T.name($S)", DSL, version.column());
    String where = model.qualifiedTable() + "." + t.component().column();
    if (TimestampVersion.is(version)) {
      // The later of now and the stored version plus one unit, computed in Java and bound.
      return field
          .initializer(
              "$T.timestamped($>\n$L,\n$L,\n$T.field($L, $L),\nv -> $T.next(v, $T.$L),\n$S)$<",
              PARENT_TOUCH,
              table,
              keyField,
              DSL,
              versionName,
              DataTypes.of(version),
              TIMESTAMP_VERSIONS,
              CHRONO_UNIT,
              TimestampVersion.precision(version),
              where)
          .build();
    }
    return field
        .initializer(
            "$T.counting($>\n$L,\n$L,\n$T.field($L, $T.$L),\n$L,\n$L,\n$S)$<",
            PARENT_TOUCH,
            table,
            keyField,
            DSL,
            versionName,
            SQL_DATA_TYPE,
            version.mapping().sqlDataType(),
            ((VersionKind.Counting) VersionKind.of(version)).max(),
            !version.primitive(),
            where)
        .build();
  }

  private MethodSpec touchParents() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("touchParents")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addJavadoc(
                "Touches, once each, the parents that {@code records} and the {@code stored} rows"
                    + " name.\n")
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(ParameterizedTypeName.get(LIST, record), "records")
            .addParameter(rows, "stored");
    for (TouchTarget t : targets) {
      ComponentModel c = t.component();
      String keys = c.name() + "Keys";
      m.addStatement(
          "$T $N = new $T<>(records.size() + stored.size())",
          ParameterizedTypeName.get(LIST, t.parentKey().boxedType()),
          keys,
          ARRAY_LIST);
      m.beginControlFlow("for ($T record : records)", record)
          .addStatement("$N.add(record.$N())", keys, c.accessor())
          .endControlFlow();
      m.beginControlFlow("for ($T row : stored)", RECORD)
          .addStatement("$N.add(row.get($N))", keys, c.constant())
          .endControlFlow();
      m.addStatement("$L.$N.touchAll(ctx, $N)", CLASS, c.constant(), keys);
    }
    return m.build();
  }

  private MethodSpec storedParentsWhere() {
    CodeBlock fields =
        CodeBlock.join(
            targets.stream()
                .map(t -> CodeBlock.of("$N", t.component().constant()))
                .collect(Collectors.toList()),
            ", ");
    return MethodSpec.methodBuilder("storedParents")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "The {@code @Touch} columns of the rows that match {@code where}, as now committed"
                + " (a locking\nread, also a current read at REPEATABLE READ): the parents a"
                + " write that replaces them\nmust also touch.\n")
        .returns(rows)
        .addParameter(DSL_CONTEXT, "ctx")
        .addParameter(CONDITION, "where")
        .addStatement(
            "$T select =$Wctx.select($T.of($L)).from(TABLE).where(where)",
            ParameterizedTypeName.get(SELECT_STEP, RECORD),
            LIST,
            fields)
        .addStatement("return $T.forUpdate(ctx, select).fetch()", LOCKING)
        .build();
  }

  private MethodSpec storedParentsOf() {
    return MethodSpec.methodBuilder("storedParents")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "The {@code @Touch} columns of the rows with the keys of {@code records}, as now"
                + " stored,\nread with a lock, $L rows per statement.\n",
            CHUNK)
        .returns(rows)
        .addParameter(DSL_CONTEXT, "ctx")
        .addParameter(ParameterizedTypeName.get(LIST, record), "records")
        .addStatement("$T stored = new $T<>(records.size())", rows, ARRAY_LIST)
        .beginControlFlow("for (int from = 0; from < records.size(); from += $L)", CHUNK)
        .addStatement(
            "$T keys = new $T<>()", ParameterizedTypeName.get(LIST, CONDITION), ARRAY_LIST)
        .beginControlFlow(
            "for ($T record : records.subList(from, Math.min(records.size(), from + $L)))",
            record,
            CHUNK)
        .addStatement("keys.add(recordKey(record))")
        .endControlFlow()
        .addStatement("stored.addAll(storedParents(ctx, $T.or(keys)))", DSL)
        .endControlFlow()
        .addStatement("return stored")
        .build();
  }
}
