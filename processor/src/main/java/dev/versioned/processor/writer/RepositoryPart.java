package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.Binds.bind;
import static dev.versioned.processor.writer.Binds.bindEach;
import static dev.versioned.processor.writer.TypeNames.CONFLICT_OPERATION;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.OPERATION;
import static dev.versioned.processor.writer.TypeNames.OVERFLOW;
import static dev.versioned.processor.writer.TypeNames.RECORD;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.TABLE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.plan.Statement;
import dev.versioned.processor.plan.Statement.Role;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * What every writer of one repository's members shares: the plan, the record's names, and the
 * fragments of code that several members contain (key parameters, binds, the conflict reporting
 * around a write). Each concern's writer extends it; {@link RepositoryWriter} puts their members in
 * order.
 */
class RepositoryPart {
  static final String TABLE_CLASS = "RepositoryTable";
  static final String IDENTITY_FIELD = "identityKey";
  static final String COLUMNS_CLASS = "Columns";
  static final String SQL_CLASS = "Sql";

  /** The repository's {@code RepositoryDescriptor}, which builds its exceptions. */
  static final String DESCRIPTOR = "DESCRIPTOR";

  final RepositoryPlan plan;
  final RecordModel model;
  final ClassName record;
  final ClassName self;
  final List<ComponentModel> keys;
  final ComponentModel version;
  final TypeName recordTable;
  final String recordText;

  /** The parents its writes touch ({@code @Touch}); hooks marked "touch hook" call it. */
  final ParentTouchBodies touches;

  /** The parts that differ for a timestamp version; null for an integer version. */
  final TimestampVersionWriter timestamps;

  RepositoryPart(RepositoryPlan plan) {
    this(
        plan,
        new ParentTouchBodies(plan.model(), plan.touches()),
        TimestampVersionWriter.of(plan.model()));
  }

  /** A writer of one concern, sharing the parts of the repository's other writers. */
  RepositoryPart(RepositoryPart parts) {
    this(parts.plan, parts.touches, parts.timestamps);
  }

  private RepositoryPart(
      RepositoryPlan plan, ParentTouchBodies touches, TimestampVersionWriter timestamps) {
    this.plan = plan;
    this.model = plan.model();
    this.record = plan.record();
    this.self = plan.self();
    this.keys = plan.keys();
    this.version = plan.version();
    this.recordTable = ParameterizedTypeName.get(TABLE, RECORD);
    this.recordText = plan.recordText();
    this.touches = touches;
    this.timestamps = timestamps;
  }

  boolean hasBoxedKey() {
    return plan.hasBoxedKey();
  }

  ComponentModel identityKey() {
    return plan.identityKey();
  }

  boolean readsDirectly() {
    return plan.readsDirectly();
  }

  boolean cachesUpdateChanged() {
    return plan.cachesUpdateChanged();
  }

  /** The largest value of the integer version's type, as Java source. */
  String maxValue() {
    return plan.counting().max();
  }

  /** A constant of the integer version's type, as Java source. */
  String literal(int value) {
    return plan.counting().literal(value);
  }

  /**
   * Before a write that knows its expected version, in {@code expectedVar}: the overflow check of
   * an integer version, or the new value of a timestamp version, {@code next}.
   */
  void checkOverflowOrNextVersion(MethodSpec.Builder m, String expectedVar) {
    if (timestamps == null) {
      m.addStatement("checkOverflow($N)", expectedVar);
    } else {
      m.addStatement(
          "$T next = nextVersion($N.$N())", version.type(), expectedVar, version.accessor());
    }
  }

  /** The version a write returns: {@code nextVersion(var.v())}, or the bound {@code next}. */
  CodeBlock newVersion(String expectedVar) {
    return timestamps == null
        ? CodeBlock.of("nextVersion($N.$N())", expectedVar, version.accessor())
        : CodeBlock.of("next");
  }

  /**
   * The new version as the Javadoc's SQL shows it: {@code v + 1}, or {@code ?} for a timestamp
   * version (computed in Java, see {@code TimestampVersions}).
   */
  String newVersionSql() {
    return timestamps == null ? version.column() + " + 1" : "?";
  }

  /** The Javadoc's {@code @throws VersionOverflowException}: none for a timestamp version. */
  CodeBlock overflowDoc(String subject) {
    return timestamps == null
        ? CodeBlock.of(
            "@throws $T if $L already the largest value of its type\n", OVERFLOW, subject)
        : CodeBlock.of("");
  }

  /**
   * Declares {@code int rows} and assigns it with {@code assignment}, turning a serialization
   * failure of the write into a {@code StaleRecordException} (docs/generated-repository.md,
   * "Exceptions").
   */
  void guardedWrite(
      MethodSpec.Builder m, CodeBlock assignment, String recordVar, String operation) {
    m.addStatement("int rows");
    m.beginControlFlow("try")
        .addCode(assignment)
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement(
            "throw $L.refused(e,$W$N,$W$L,$W$T.$L)",
            DESCRIPTOR,
            recordVar,
            recordVar.equals("changed")
                ? "original." + version.accessor() + "()"
                : recordVar + "." + version.accessor() + "()",
            OPERATION,
            operation)
        .endControlFlow();
  }

  /**
   * The new value of an integer version that a write without a version predicate sets: {@code v +
   * 1}, or for a boxed version {@code COALESCE(v, 0) + 1}.
   */
  CodeBlock versionIncrement() {
    if (version.primitive()) {
      return CodeBlock.of("$N.plus($T.inline(1))", version.constant(), DSL);
    }
    return CodeBlock.of(
        "$T.coalesce($N, $T.inline($L, $N))$Z.plus($T.inline(1))",
        DSL,
        version.constant(),
        DSL,
        literal(0),
        version.constant(),
        DSL);
  }

  /**
   * The condition that the stored version can still be incremented within its Java type, for the
   * writes that have no version predicate. The database cannot be relied on to refuse the overflow:
   * SQLite stores the wider value in an INT column, and reads it back truncated.
   */
  CodeBlock versionBelowMax() {
    CodeBlock belowMax =
        CodeBlock.of(
            "$N.lt($T.inline($L, $N))", version.constant(), DSL, maxValue(), version.constant());
    return version.primitive()
        ? belowMax
        : CodeBlock.of("$N.isNull()$Z.or($L)", version.constant(), belowMax);
  }

  /**
   * Runs a write, telling the configuration's {@code ConflictListener} of the conflict it throws,
   * if any: {@code try { body } catch (RuntimeException e) { throw Conflicts.seen(...); }}. Free on
   * the path that throws nothing.
   */
  CodeBlock reportingConflicts(CodeBlock body, String operation, CodeBlock key) {
    return reportingConflicts(body, operation, key, CodeBlock.of("e"));
  }

  CodeBlock reportingConflicts(CodeBlock body, String operation, CodeBlock key, CodeBlock failure) {
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(body)
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement(
            "throw $L.seen(dsl,$W$T.$L,$W$L,$W$L)",
            DESCRIPTOR,
            CONFLICT_OPERATION,
            operation,
            key,
            failure)
        .endControlFlow()
        .build();
  }

  /** The key's bind calls, in key order. */
  CodeBlock bindKeys(Function<ComponentModel, CodeBlock> value) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (ComponentModel c : keys) {
      b.add("$L", bind(c, value.apply(c)));
    }
    return b.build();
  }

  /**
   * The bind calls of a cached statement, in the order of its binds: each column's value and the
   * expected version from {@code recordVar}, the new version from the local {@code next}.
   */
  CodeBlock bindValues(Statement statement, String recordVar) {
    return bindEach(
        statement,
        b ->
            b.role() == Role.NEXT_VERSION
                ? CodeBlock.of("next")
                : CodeBlock.of("$N.$N()", recordVar, b.column().accessor()));
  }

  void checkKeyCall(MethodSpec.Builder m, String variable, String parameter) {
    if (hasBoxedKey()) {
      m.addStatement("checkKey($N, $S)", variable, parameter);
    }
  }

  List<ParameterSpec> keyParams() {
    List<ParameterSpec> params = new ArrayList<>();
    for (ComponentModel c : keys) {
      params.add(ParameterSpec.builder(c.type(), c.name()).build());
    }
    return params;
  }

  /** The names a method with key parameters has taken: the key components' names. */
  NameAllocator keyNames() {
    NameAllocator names = new NameAllocator();
    for (ComponentModel c : keys) {
      names.newName(c.name(), c);
    }
    return names;
  }

  CodeBlock keyParamDocs() {
    CodeBlock.Builder b = CodeBlock.builder();
    for (ComponentModel c : keys) {
      b.add("@param $N the key component {@code $N}\n", c.name(), c.name());
    }
    return b.build();
  }

  CodeBlock keyNullDoc() {
    return hasBoxedKey()
        ? CodeBlock.of("@throws NullPointerException if a key argument is null\n")
        : CodeBlock.of("");
  }

  void requireKeyParams(MethodSpec.Builder m) {
    for (ComponentModel c : keys) {
      if (!c.primitive()) {
        m.addStatement("$T.requireNonNull($N, $S)", OBJECTS, c.name(), c.name());
      }
    }
  }

  CodeBlock keyArgs() {
    return join(keys, c -> CodeBlock.of("$N", c.name()));
  }

  static CodeBlock join(List<ComponentModel> list, Function<ComponentModel, CodeBlock> f) {
    return CodeBlock.join(list.stream().map(f).collect(Collectors.toList()), ",$W");
  }

  /**
   * The Javadoc of a version-checked write of one record: {@code lead}, whose {@code $L}s are the
   * table, the version column, its new value and the version column, then the tags they share.
   */
  CodeBlock recordWriteDoc(String lead) {
    return CodeBlock.builder()
        .add(lead, model.qualifiedTable(), version.column(), newVersionSql(), version.column())
        .add("@param record the record, as read (with the version it was read at)\n")
        .add("@return a new record equal to {@code record} but with the incremented version\n")
        .add("@throws $T if the row was changed or deleted since; nothing is written\n", STALE)
        .add(overflowDoc("the version is"))
        .add("@throws NullPointerException if {@code record} or its key is null\n")
        .build();
  }

  /**
   * {@code public R name(R record)}: a version-checked write of one record that returns it with its
   * new version, running {@code name(dsl, record)}, or {@code touchingBody} when the record touches
   * parents, and telling the {@code ConflictListener} of a conflict.
   */
  MethodSpec publicRecordWrite(
      String name, CodeBlock doc, CodeBlock touchingBody, String conflictOperation) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .returns(record)
        .addParameter(record, "record")
        .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record")
        .addCode(
            reportingConflicts(
                touches.any() ? touchingBody : CodeBlock.of("return $N(dsl, record);\n", name),
                conflictOperation,
                CodeBlock.of("keyValues(record)")))
        .build();
  }

  /**
   * {@code private static R name(DSLContext ctx, R record)}: the version-checked write of one
   * record by a cached statement, returning the record with its new version.
   */
  MethodSpec recordWrite(String name, String statement, String operation) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    checkKeyCall(m, "record", "record");
    checkOverflowOrNextVersion(m, "record");
    versionCheckedWrite(m, statement, operation);
    return m.addStatement("return withVersion(record, $L)", newVersion("record")).build();
  }

  /**
   * The body of a version-checked single-row write: its cached statement (for a null version box,
   * the statement's twin that matches {@code IS NULL}), a refused write translated, zero rows a
   * stale row.
   */
  void versionCheckedWrite(MethodSpec.Builder m, String statement, String operation) {
    CodeBlock write = execute(statement, "record");
    if (!version.primitive()) {
      write =
          CodeBlock.of(
              "record.$N() == null\n? $>$>$L$<$<\n: $>$>$L$<$<",
              version.accessor(),
              execute(RepositoryPlan.nullVersion(statement), "record"),
              write);
    }
    guardedWrite(m, CodeBlock.of("$[rows = $L;\n$]", write), "record", operation);
    m.beginControlFlow("if (!$L.one(rows))", DESCRIPTOR)
        .addStatement(
            "throw $L.stale(ctx,$Wrecord,$Wrecord.$N(),$W$T.$L,$W-1)",
            DESCRIPTOR,
            version.accessor(),
            OPERATION,
            operation)
        .endControlFlow();
  }

  /** {@code Sql.updateRow.execute(ctx, values -> ...)}: a cached statement, bound from a record. */
  CodeBlock execute(String statement, String recordVar) {
    return CodeBlock.of(
        "$L.$L.execute(ctx, values -> values$L)",
        SQL_CLASS,
        statement,
        bindValues(plan.statement(statement), recordVar));
  }

  /**
   * A field of the repository ({@code dsl}, {@code retry}) as a method with key parameters names
   * it: {@code this.dsl} where a key component of that name hides it.
   */
  String field(String name) {
    return ParentTouchBodies.field(name, keyNames());
  }

  /**
   * The new value of an integer version that a write checking {@code recordVar}'s version sets:
   * {@code v + 1}, or for a boxed version {@code nextVersionField(...)}, which gives 1 after null.
   */
  CodeBlock nextVersionValue(String recordVar) {
    return version.primitive()
        ? versionIncrement()
        : CodeBlock.of("nextVersionField($N.$N())", recordVar, version.accessor());
  }
}
