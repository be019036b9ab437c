package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.ARRAYS;
import static dev.versioned.processor.writer.TypeNames.ARRAY_LIST;
import static dev.versioned.processor.writer.TypeNames.BATCHES;
import static dev.versioned.processor.writer.TypeNames.CACHED;
import static dev.versioned.processor.writer.TypeNames.CACHED_FAMILY;
import static dev.versioned.processor.writer.TypeNames.COLLECTION;
import static dev.versioned.processor.writer.TypeNames.CONDITION;
import static dev.versioned.processor.writer.TypeNames.CONFLICTS;
import static dev.versioned.processor.writer.TypeNames.CONFLICT_OPERATION;
import static dev.versioned.processor.writer.TypeNames.DATA_ACCESS;
import static dev.versioned.processor.writer.TypeNames.DATA_TYPE;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.FIELD;
import static dev.versioned.processor.writer.TypeNames.IDENTITY;
import static dev.versioned.processor.writer.TypeNames.INSERT_STEP;
import static dev.versioned.processor.writer.TypeNames.INTERNAL;
import static dev.versioned.processor.writer.TypeNames.JDBC;
import static dev.versioned.processor.writer.TypeNames.LINKED_HASH_MAP;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.LOCKING;
import static dev.versioned.processor.writer.TypeNames.MAP;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.OPERATION;
import static dev.versioned.processor.writer.TypeNames.OPTIONAL;
import static dev.versioned.processor.writer.TypeNames.OVERFLOW;
import static dev.versioned.processor.writer.TypeNames.QUERY;
import static dev.versioned.processor.writer.TypeNames.RECORD;
import static dev.versioned.processor.writer.TypeNames.RESULT_SET;
import static dev.versioned.processor.writer.TypeNames.RETRY;
import static dev.versioned.processor.writer.TypeNames.RETRY_POLICY;
import static dev.versioned.processor.writer.TypeNames.ROWS;
import static dev.versioned.processor.writer.TypeNames.SQL_DATA_TYPE;
import static dev.versioned.processor.writer.TypeNames.SQL_EXCEPTION;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.STALE_BATCH;
import static dev.versioned.processor.writer.TypeNames.TABLE;
import static dev.versioned.processor.writer.TypeNames.TABLE_FIELD;
import static dev.versioned.processor.writer.TypeNames.TABLE_IMPL;
import static dev.versioned.processor.writer.TypeNames.TIMESTAMP_VERSIONS;
import static dev.versioned.processor.writer.TypeNames.UNARY_OPERATOR;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.versioned.processor.Names;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Writes the repository class of one validated record. */
public final class RepositoryWriter {

  private static final String TABLE_CLASS = "RepositoryTable";
  private static final String IDENTITY_FIELD = "identityKey";
  private static final String COLUMNS_CLASS = "Columns";
  private static final String SQL_CLASS = "Sql";

  private final RecordModel model;
  private final ClassName record;
  private final ClassName self;
  private final List<ComponentModel> keys;
  private final ComponentModel version;
  private final TypeName recordTable;
  private final String recordText;
  private final Injection injection;
  /** The parents its writes touch ({@code @Touch}); hooks marked "touch hook" call it. */
  private final ParentTouchWriter touches;
  /** The parts that differ for a timestamp version; null for an integer version. */
  private final TimestampVersionWriter timestamps;

  /**
   * Prepares the writer.
   *
   * @param model a record the validator passed
   */
  public RepositoryWriter(RecordModel model) {
    this(model, Injection.NONE);
  }

  /**
   * Prepares the writer of a repository that carries dependency-injection annotations.
   *
   * @param model a record the validator passed
   * @param injection the annotations to add ({@code -Aversioned.inject})
   */
  public RepositoryWriter(RecordModel model, Injection injection) {
    this(model, injection, List.of());
  }

  /**
   * Prepares the writer of a repository whose writes also touch parent records.
   *
   * @param model a record the validator passed
   * @param injection the annotations to add ({@code -Aversioned.inject})
   * @param touches the record's {@code @Touch} components, which the validator passed
   */
  public RepositoryWriter(RecordModel model, Injection injection, List<TouchTarget> touches) {
    this.touches = new ParentTouchWriter(model, touches);
    this.injection = injection;
    this.model = model;
    this.record = model.recordName();
    this.self = model.repositoryName();
    this.keys = model.keys();
    this.version = model.version();
    this.recordTable = ParameterizedTypeName.get(TABLE, RECORD);
    this.recordText = String.join(".", record.simpleNames());
    this.timestamps = TimestampVersionWriter.of(model);
  }

  /**
   * Builds the repository type.
   *
   * @return the repository's type declaration
   */
  public TypeSpec write() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(
                injection.finalClass()
                    ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
                    : new Modifier[] {Modifier.PUBLIC})
            .addJavadoc(
                "Optimistic-locking repository of {@link $T}, on table {@code $L}.\n\n"
                    + "<p>Writes compare and increment the version column {@code $L}: a write"
                    + " based on a stale copy\nthrows {@link $T} and changes nothing. Instances"
                    + " are immutable and thread-safe; share one\nper {@link $T}.\n",
                record,
                model.qualifiedTable(),
                version.column(),
                STALE,
                DSL_CONTEXT);
    injection.annotateType(type);
    if (model.usesDeprecated()) {
      // The record or a type it uses is deprecated; the user chose that, the generated code
      // cannot avoid naming it.
      type.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal")
              .build());
    }
    type.addField(
        FieldSpec.builder(recordTable, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The table {@code $L}; its fields are the column constants below.\n",
                model.qualifiedTable())
            .initializer("new $L()", TABLE_CLASS)
            .build());
    for (ComponentModel c : model.components()) {
      if (c == identityKey()) {
        type.addField(identityField(c));
      }
      type.addField(columnConstant(c));
    }
    type.addField(DSL_CONTEXT, "dsl", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(RETRY_POLICY, "retry", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder injected =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Creates a repository that retries {@code modify} with {@link $T#DEFAULT}.\n\n"
                    + "@param dsl the jOOQ context to run statements with\n",
                RETRY_POLICY)
            .addParameter(DSL_CONTEXT, "dsl")
            .addStatement("this(dsl, $T.DEFAULT)", RETRY_POLICY);
    injection.annotateConstructor(injected);
    type.addMethod(injected.build());
    MethodSpec.Builder withRetry =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Creates a repository.\n\n"
                    + "@param dsl the jOOQ context to run statements with\n"
                    + "@param retry how {@code modify} retries after a conflict\n")
            .addParameter(DSL_CONTEXT, "dsl")
            .addParameter(RETRY_POLICY, "retry")
            .addStatement("this.dsl = $T.requireNonNull(dsl, $S)", OBJECTS, "dsl")
            .addStatement("this.retry = $T.requireNonNull(retry, $S)", OBJECTS, "retry");
    injection.annotateRetryConstructor(withRetry);
    type.addMethod(withRetry.build());

    type.addMethod(insert());
    type.addMethod(insertWith());
    type.addMethod(insertAll());
    type.addMethod(findById());
    type.addMethod(find());
    type.addMethod(findByIdForUpdate());
    type.addMethod(findForUpdate());
    type.addMethod(findAll());
    type.addMethod(findAllWhere());
    type.addMethod(count());
    type.addMethod(update());
    type.addMethod(updateWith());
    type.addMethod(updateQuery());
    type.addMethod(updateChanged());
    type.addMethod(updateChangedWith());
    type.addMethod(overwrite());
    type.addMethod(modify());
    type.addMethod(modifyOnce());
    type.addMethod(updateAll());
    type.addMethod(delete());
    type.addMethod(deleteWith());
    type.addMethod(deleteQuery());
    type.addMethod(deleteAll());
    type.addMethod(deleteById());
    type.addMethod(touch());
    type.addMethod(touchWith());
    if (!version.primitive()) {
      type.addMethod(touchQuery());
    }
    for (ComponentModel c : model.components()) {
      if (c.counter() != null) {
        type.addMethod(increment(c));
      }
    }
    type.addMethod(fromRecord());
    if (readsDirectly()) {
      type.addMethod(readRow());
    }
    type.addMethod(keyCondition());
    type.addMethod(recordKey());
    type.addMethod(versionCondition());
    if (timestamps == null) {
      type.addMethod(nextVersionField());
      type.addMethod(nextVersion());
    } else {
      // Timestamp versions: the new version is computed in Java, bound, and returned.
      type.addMethod(timestamps.nextVersion());
    }
    type.addMethod(withVersion());
    type.addMethod(keyValues());
    type.addMethod(sameKey());
    if (hasBoxedKey()) {
      type.addMethod(checkKey());
    }
    if (timestamps == null) {
      type.addMethod(checkOverflow());
      type.addMethod(stale());
      type.addMethod(refused());
    } else {
      // Timestamp versions never overflow; their stale rows name the versions as ISO-8601 text.
      type.addMethod(timestamps.stale());
      type.addMethod(timestamps.refused());
    }
    type.addType(tableClass());
    type.addType(columnsClass());
    type.addType(sqlClass());
    touches.addMembers(type); // touch hook
    return type.build();
  }

  // ---------------------------------------------------------------- constants and nested types

  private FieldSpec columnConstant(ComponentModel c) {
    ColumnMapping m = c.mapping();
    // A primitive is never null; enum and @Convert components are never primitive.
    CodeBlock dataType =
        c.primitive()
            ? CodeBlock.of("$L.nullable(false)", DataTypes.of(c))
            : DataTypes.of(c);
    String role = c.key() ? "Key column" : c.version() ? "Version column" : "Column";
    return FieldSpec.builder(
            ParameterizedTypeName.get(FIELD, m.userType()),
            c.constant(),
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("$L {@code $L}, of component {@code $L.$L}.\n", role, c.column(), recordText,
            c.name())
        .initializer(
            c == identityKey()
                ? CodeBlock.of("$L", IDENTITY_FIELD)
                : CodeBlock.of("$L.column(TABLE, $S, $L)", TABLE_CLASS, c.column(), dataType))
        .build();
  }

  /**
   * The identity key's column, typed as the {@code TableField} that jOOQ's {@code
   * Internal.createIdentity} takes; the public constant is this same object. Declared before it.
   */
  private FieldSpec identityField(ComponentModel c) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(TABLE_FIELD, RECORD, c.mapping().userType()),
            IDENTITY_FIELD,
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(
            "$L.column(TABLE, $S, $T.$L)",
            TABLE_CLASS,
            c.column(),
            SQL_DATA_TYPE,
            c.mapping().sqlDataType())
        .build();
  }

  private TypeSpec tableClass() {
    TypeVariableName t = TypeVariableName.get("T");
    CodeBlock name =
        model.schema().isEmpty()
            ? CodeBlock.of("$T.name($S)", DSL, model.table())
            : CodeBlock.of(
                "$T.name($S), $T.schema($T.name($S))",
                DSL,
                model.table(),
                DSL,
                DSL,
                model.schema());
    TypeSpec.Builder table = TypeSpec.classBuilder(TABLE_CLASS)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The table, with one field per column.\n")
        .superclass(ParameterizedTypeName.get(TABLE_IMPL, RECORD))
        .addField(
            FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("1L")
                .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addStatement("super($L)", name)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("column")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(t)
                .returns(ParameterizedTypeName.get(TABLE_FIELD, RECORD, t))
                .addParameter(recordTable, "table")
                .addParameter(String.class, "name")
                .addParameter(ParameterizedTypeName.get(DATA_TYPE, t), "type")
                .addStatement("return createField($T.name(name), type, table, $S)", DSL, "")
                .build());
    if (identityKey() != null) {
      // Where the dialect has no RETURNING and the driver returns only the identity's value
      // (Derby's getGeneratedKeys), jOOQ can read a generated key back only for the column the
      // table declares as its identity.
      table.addMethod(
          MethodSpec.methodBuilder("getIdentity")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(
                  ParameterizedTypeName.get(
                      IDENTITY, RECORD, WildcardTypeName.subtypeOf(Object.class)))
              .addStatement("return $T.createIdentity(this, $L)", INTERNAL, IDENTITY_FIELD)
              .build());
    }
    return table.build();
  }

  private TypeSpec columnsClass() {
    TypeName fieldList =
        ParameterizedTypeName.get(
            LIST, ParameterizedTypeName.get(FIELD, WildcardTypeName.subtypeOf(Object.class)));
    TypeName stringList = ParameterizedTypeName.get(LIST, ClassName.get(String.class));
    return TypeSpec.classBuilder(COLUMNS_CLASS)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Column lists, initialized after the column constants.\n")
        .addField(
            FieldSpec.builder(fieldList, "ALL", Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", LIST, join(model.components(), c -> CodeBlock.of("$N", c.constant())))
                .build())
        .addField(
            FieldSpec.builder(stringList, "KEY", Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", LIST, join(keys, c -> CodeBlock.of("$S", c.column())))
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  // ---------------------------------------------------------------- insert

  private MethodSpec insert() {
    return MethodSpec.methodBuilder("insert")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            (timestamps != null
                    ? timestamps.insertDoc()
                    : "Inserts the record as given; a null version is stored as 0.\n")
                + (hasBoxedKey()
                    ? "A null key component is left to the database, and the generated key is"
                        + " returned.\n"
                    : "")
                + "\n@param record the record to insert\n"
                + "@return the record as stored: its version, and any generated key, filled in\n"
                + "@throws NullPointerException if {@code record} is null\n")
        .returns(record)
        .addParameter(record, "record")
        .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record")
        .addCode(
            touches.any() // touch hook
                ? touches.insert()
                : CodeBlock.of("return insert(dsl, record);\n"))
        .build();
  }

  private MethodSpec insertWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("insert")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    TypeName versionType = version.type();
    if (timestamps != null) {
      m.addCode(timestamps.insertedVersion()); // Timestamp versions: now for null, else truncated.
    } else if (version.primitive()) {
      m.addStatement("$T version = record.$N()", versionType, version.accessor());
    } else {
      m.addStatement(
          "$T version = record.$N() == null ? $L : record.$N()",
          versionType,
          version.accessor(),
          literal(0),
          version.accessor());
    }
    List<ComponentModel> boxedKeys =
        keys.stream().filter(c -> !c.primitive()).collect(Collectors.toList());
    if (!boxedKeys.isEmpty()) {
      // A null key is left to the database: an uncached insert that returns the generated key.
      m.beginControlFlow(
          "if ($L)",
          CodeBlock.join(
              boxedKeys.stream()
                  .map(c -> CodeBlock.of("record.$N() == null", c.accessor()))
                  .collect(Collectors.toList()),
              " || "));
      CodeBlock.Builder chain = CodeBlock.builder().add("ctx.insertInto(TABLE)");
      chain.add("\n.set($N, version)", version.constant());
      for (ComponentModel c : model.components()) {
        if (c.version() || (c.key() && !c.primitive())) {
          continue;
        }
        chain.add("\n.set($N, record.$N())", c.constant(), c.accessor());
      }
      m.addStatement(
          "$T insert = $L",
          ParameterizedTypeName.get(INSERT_STEP, RECORD),
          chain.build());
      for (ComponentModel c : boxedKeys) {
        m.beginControlFlow("if (record.$N() != null)", c.accessor())
            .addStatement("insert = insert.set($N, record.$N())", c.constant(), c.accessor())
            .endControlFlow();
      }
      m.addStatement(
          "$T generated = insert.returningResult($L).fetchOne()",
          RECORD,
          join(boxedKeys, c -> CodeBlock.of("$N", c.constant())));
      m.beginControlFlow("if (generated == null)")
          .addStatement(
              "throw new $T($S)",
              DATA_ACCESS,
              "the database returned no generated key for " + model.qualifiedTable())
          .endControlFlow();
      m.addStatement(
          "return new $T($L)",
          record,
          join(
              model.components(),
              c -> {
                if (c.version()) {
                  return CodeBlock.of("version");
                }
                if (c.key() && !c.primitive()) {
                  return CodeBlock.of(
                      "record.$N() != null ? record.$N() : generated.get($N)",
                      c.accessor(),
                      c.accessor(),
                      c.constant());
                }
                return CodeBlock.of("record.$N()", c.accessor());
              }));
      m.endControlFlow();
    }
    CodeBlock.Builder values = CodeBlock.builder().add("$L", bind(version, CodeBlock.of("version")));
    for (ComponentModel c : model.components()) {
      if (!c.version()) {
        values.add("$L", bind(c, CodeBlock.of("record.$N()", c.accessor())));
      }
    }
    m.addStatement("$L.insertRow.execute(ctx, values -> values$L)", SQL_CLASS, values.build());
    m.addStatement("return withVersion(record, version)");
    return m.build();
  }

  private MethodSpec insertAll() {
    return MethodSpec.methodBuilder("insertAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Inserts every record in one transaction: all or nothing.\n\n"
                + "@param records the records to insert\n"
                + "@return the records as stored, in the same order, with versions and generated"
                + " keys filled in\n"
                + "@throws NullPointerException if {@code records} or one of its elements is"
                + " null\n")
        .returns(ParameterizedTypeName.get(LIST, record))
        .addParameter(ParameterizedTypeName.get(COLLECTION, record), "records")
        .addStatement(
            "$T input = $T.elements(records, $S)",
            ParameterizedTypeName.get(LIST, record),
            ROWS,
            "records")
        .beginControlFlow("if (input.isEmpty())")
        .addStatement("return $T.of()", LIST)
        .endControlFlow()
        .addCode(
            CodeBlock.builder()
                .add("return dsl.transactionResult(configuration -> {\n$>")
                .addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL)
                .addStatement(
                    "$T stored = new $T<>(input.size())",
                    ParameterizedTypeName.get(LIST, record),
                    ARRAY_LIST)
                .beginControlFlow("for ($T record : input)", record)
                .addStatement("stored.add(insert(tx, record))")
                .endControlFlow()
                .add(touches.insertAllTouch()) // touch hook
                .addStatement("return $T.copyOf(stored)", LIST)
                .add("$<});\n")
                .build())
        .build();
  }

  // ---------------------------------------------------------------- read

  private MethodSpec findById() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("findById")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Reads the row with the given key.\n\n")
            .addJavadoc(keyParamDocs())
            .addJavadoc("@return the record, or empty when no row has that key\n")
            .addJavadoc(keyNullDoc())
            .returns(ParameterizedTypeName.get(OPTIONAL, record))
            .addParameters(keyParams());
    requireKeyParams(m);
    return m.addStatement("return find(this.dsl, $L)", keyArgs()).build();
  }

  private MethodSpec find() {
    return find("find", "selectRow", null);
  }

  private MethodSpec findForUpdate() {
    return find(
        "findForUpdate",
        "lockRow",
        CodeBlock.of(
            "Reads the row with the given key with a locking read ({@link $T#forUpdate}): on a"
                + " database\nwith row locks the row stays locked until the transaction of"
                + " {@code ctx} ends, and InnoDB\nreads it as now committed even at REPEATABLE"
                + " READ.\n",
            LOCKING));
  }

  private MethodSpec find(String name, String statement, CodeBlock doc) {
    Set<String> taken = keyNames();
    String ctx = fresh("ctx", taken);
    String values = fresh("values", taken);
    MethodSpec.Builder m = MethodSpec.methodBuilder(name);
    if (doc != null) {
      m.addJavadoc(doc);
    }
    return m.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(OPTIONAL, record))
        .addParameter(DSL_CONTEXT, ctx)
        .addParameters(keyParams())
        .addStatement(
            "return $L.$L.fetchOptional(\n$N,\n$N -> $N$L,\n$L,\n$T::fromRecord)",
            SQL_CLASS,
            statement,
            ctx,
            values,
            values,
            bindKeys(c -> CodeBlock.of("$N", c.name())),
            readsDirectly() ? CodeBlock.of("$T::readRow", self) : CodeBlock.of("null"),
            self)
        .build();
  }

  private MethodSpec findByIdForUpdate() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("findByIdForUpdate")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Reads the row with the given key and locks it ({@code SELECT ... FOR UPDATE}):"
                    + " until the\ncaller's transaction ends, every other transaction that writes"
                    + " the row, or reads it\nwith a lock, waits. Run it inside a transaction"
                    + " ({@code dsl.transactionResult(...)}, or\nSpring's {@code"
                    + " @Transactional}); outside one, the lock ends with the statement.\n\n"
                    + "<p>The lock makes the write that follows unable to conflict, at the price"
                    + " of making every\nother writer of the row wait: prefer {@code modify} with"
                    + " {@link $T#lockAfter()}, which\nlocks only once a row has proved hot. A"
                    + " database without row locks (SQLite) reads the\nrow without one.\n\n",
                RETRY_POLICY)
            .addJavadoc(keyParamDocs())
            .addJavadoc("@return the record, or empty when no row has that key\n")
            .addJavadoc(keyNullDoc())
            .returns(ParameterizedTypeName.get(OPTIONAL, record))
            .addParameters(keyParams());
    requireKeyParams(m);
    return m.addStatement("return findForUpdate(this.dsl, $L)", keyArgs()).build();
  }

  private MethodSpec findAll() {
    return MethodSpec.methodBuilder("findAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Reads every row of the table.\n\n@return the records, in the database's order\n")
        .returns(ParameterizedTypeName.get(LIST, record))
        .addStatement("return dsl.select($L.ALL).from(TABLE).fetch($T::fromRecord)", COLUMNS_CLASS,
            self)
        .build();
  }

  private MethodSpec findAllWhere() {
    return MethodSpec.methodBuilder("findAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Reads the rows that match a condition, built from this class's column constants.\n\n"
                + "@param where the condition, for example {@code $N.eq(...)}\n"
                + "@return the matching records\n"
                + "@throws NullPointerException if {@code where} is null\n",
            model.components().get(0).constant())
        .returns(ParameterizedTypeName.get(LIST, record))
        .addParameter(CONDITION, "where")
        .addStatement("$T.requireNonNull(where, $S)", OBJECTS, "where")
        .addStatement(
            "return dsl.select($L.ALL)$Z.from(TABLE)$Z.where(where)$Z.fetch($T::fromRecord)",
            COLUMNS_CLASS,
            self)
        .build();
  }

  private MethodSpec count() {
    return MethodSpec.methodBuilder("count")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Counts the rows of the table.\n\n@return the number of rows\n")
        .returns(long.class)
        .addStatement("return dsl.fetchCount(TABLE)")
        .build();
  }

  // ---------------------------------------------------------------- update

  private MethodSpec update() {
    return MethodSpec.methodBuilder("update")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Writes every column of the record if, and only if, the row still has the record's"
                + " version,\nand increments the version: {@code UPDATE $L SET ..., $L = $L"
                + " WHERE <key> AND $L = ?}.\nThe argument is not changed.\n\n"
                + "@param record the record, as read (with the version it was read at)\n"
                + "@return a new record equal to {@code record} but with the incremented version\n"
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
        .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record")
        .addCode(reportingConflicts(
            touches.any() ? touches.update() : CodeBlock.of("return update(dsl, record);\n"),
            "UPDATE", // touch hook above
            CodeBlock.of("keyValues(record)")))
        .build();
  }

  private MethodSpec updateWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("update")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    checkKeyCall(m, "record", "record");
    checkOverflowOrNextVersion(m, "record");
    CodeBlock.Builder values = CodeBlock.builder();
    for (ComponentModel c : model.values()) {
      values.add("$L", bind(c, CodeBlock.of("record.$N()", c.accessor())));
    }
    if (timestamps != null) {
      values.add("$L", bind(version, CodeBlock.of("next"))); // Timestamp versions: SET v = ?
    }
    values.add("$L", bindKeys(c -> CodeBlock.of("record.$N()", c.accessor())));
    values.add("$L", bind(version, CodeBlock.of("record.$N()", version.accessor())));
    CodeBlock cached =
        CodeBlock.of("$L.updateRow.execute(ctx, values -> values$L)", SQL_CLASS, values.build());
    CodeBlock write =
        version.primitive()
            ? cached
            // A null version is matched with IS NULL: another statement, left uncached.
            : CodeBlock.of(
                "record.$N() == null\n? updateQuery(ctx, record$L).execute()\n: $L",
                version.accessor(),
                nextArg(),
                cached);
    guardedWrite(m, CodeBlock.of("$[rows = $L;\n$]", write), "record", "UPDATE");
    m.beginControlFlow("if (!$T.one(rows, TABLE))", ROWS)
        .addStatement("throw stale(ctx, record, record.$N(), $T.UPDATE, -1)", version.accessor(),
            OPERATION)
        .endControlFlow();
    m.addStatement("return withVersion(record, $L)", newVersion("record"));
    return m.build();
  }

  /**
   * Before a write that knows its expected version, in {@code expectedVar}: the overflow check of
   * an integer version, or the new value of a timestamp version, {@code next}.
   */
  private void checkOverflowOrNextVersion(MethodSpec.Builder m, String expectedVar) {
    if (timestamps == null) {
      m.addStatement("checkOverflow($N)", expectedVar);
    } else {
      m.addStatement(
          "$T next = nextVersion($N.$N())", version.type(), expectedVar, version.accessor());
    }
  }

  /** The version a write returns: {@code nextVersion(var.v())}, or the bound {@code next}. */
  private CodeBlock newVersion(String expectedVar) {
    return timestamps == null
        ? CodeBlock.of("nextVersion($N.$N())", expectedVar, version.accessor())
        : CodeBlock.of("next");
  }

  /** The further argument of {@code updateQuery} and {@code touchQuery}: the bound new version. */
  private String nextArg() {
    return timestamps == null ? "" : ", next";
  }

  /**
   * The new version as the Javadoc's SQL shows it: {@code v + 1}, or {@code ?} for a timestamp
   * version (computed in Java, see {@code TimestampVersions}).
   */
  private String newVersionSql() {
    return timestamps == null ? version.column() + " + 1" : "?";
  }

  /** The Javadoc's {@code @throws VersionOverflowException}: none for a timestamp version. */
  private CodeBlock overflowDoc(String subject) {
    return timestamps == null
        ? CodeBlock.of("@throws $T if $L already the largest value of its type\n", OVERFLOW,
            subject)
        : CodeBlock.of("");
  }

  /**
   * Declares {@code int rows} and assigns it with {@code assignment}, turning a serialization
   * failure of the write into a {@code StaleRecordException} (SPEC §5).
   */
  private void guardedWrite(
      MethodSpec.Builder m, CodeBlock assignment, String recordVar, String operation) {
    m.addStatement("int rows");
    m.beginControlFlow("try")
        .addCode(assignment)
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement(
            "throw refused(e, $N, $L, $T.$L)",
            recordVar,
            recordVar.equals("changed") ? "original." + version.accessor() + "()"
                : recordVar + "." + version.accessor() + "()",
            OPERATION,
            operation)
        .endControlFlow();
  }

  private MethodSpec updateQuery() {
    CodeBlock.Builder chain = CodeBlock.builder().add("ctx.update(TABLE)");
    for (ComponentModel c : model.values()) {
      chain.add("\n.set($N, record.$N())", c.constant(), c.accessor());
    }
    if (timestamps == null) {
      chain.add(
          "\n.set($N, nextVersionField(record.$N()))", version.constant(), version.accessor());
    } else {
      chain.add("\n.set($N, next)", version.constant()); // Timestamp versions: bound.
    }
    chain.add("\n.where(recordKey(record))");
    chain.add("\n.and(versionCondition(record.$N()))", version.accessor());
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("updateQuery")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(QUERY)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    if (timestamps != null) {
      m.addParameter(version.type(), "next");
    }
    return m.addStatement("return $L", chain.build()).build();
  }

  private MethodSpec updateChanged() {
    return MethodSpec.methodBuilder("updateChanged")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Writes only the columns whose values differ between {@code original} and {@code"
                + " changed}\n(arrays by content), if the row still has {@code original}'s version,"
                + " and increments the version.\nThe version carried by {@code changed} is"
                + " ignored. When no column differs, nothing is sent.\n\n"
                + "@param original the record as read\n"
                + "@param changed the record with the new values\n"
                + "@return {@code changed} with the incremented version, or {@code original} when"
                + " nothing differs\n"
                + "@throws IllegalArgumentException if the two records have different keys\n"
                + "@throws $T if the row was changed or deleted since {@code original} was read\n"
                + "$L"
                + "@throws NullPointerException if an argument or its key is null\n",
            STALE,
            overflowDoc("the version is"))
        .returns(record)
        .addParameter(record, "original")
        .addParameter(record, "changed")
        .addStatement("$T.requireNonNull(original, $S)", OBJECTS, "original")
        .addStatement("$T.requireNonNull(changed, $S)", OBJECTS, "changed")
        .addCode(reportingConflicts(
            touches.any() // touch hook
                ? touches.updateChanged()
                : CodeBlock.of("return updateChanged(dsl, original, changed);\n"),
            "UPDATE_CHANGED",
            CodeBlock.of("keyValues(original)")))
        .build();
  }

  private MethodSpec updateChangedWith() {
    TypeName changesType =
        ParameterizedTypeName.get(
            MAP,
            ParameterizedTypeName.get(FIELD, WildcardTypeName.subtypeOf(Object.class)),
            ClassName.get(Object.class));
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("updateChanged")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "original")
            .addParameter(record, "changed");
    checkKeyCall(m, "original", "original");
    checkKeyCall(m, "changed", "changed");
    m.beginControlFlow("if (!sameKey(original, changed))")
        .addStatement(
            "throw new $T($S$W+ keyValues(original)$W+ $S$W+ keyValues(changed))",
            IllegalArgumentException.class,
            "original and changed must have the same key, but have ",
            " and ")
        .endControlFlow();
    if (cachesUpdateChanged()) {
      // One cached statement per set of changed columns (bit i: the i-th non-key column).
      List<ComponentModel> values = model.values();
      m.addStatement("long changes = 0L");
      for (int i = 0; i < values.size(); i++) {
        m.beginControlFlow("if ($L)", differs(values.get(i), "original", "changed"))
            .addStatement("changes |= 1L << $L", i)
            .endControlFlow();
      }
      m.beginControlFlow("if (changes == 0L)").addStatement("return original").endControlFlow();
      m.addStatement("checkOverflow(original)");
      m.addStatement("long columns = changes");
      CodeBlock.Builder bind = CodeBlock.builder();
      for (int i = 0; i < values.size(); i++) {
        ComponentModel c = values.get(i);
        bind.beginControlFlow("if ((columns & 1L << $L) != 0L)", i)
            .addStatement("values$L", bindCall(c, CodeBlock.of("changed.$N()", c.accessor())))
            .endControlFlow();
      }
      bind.addStatement(
          "values$L$L",
          bindKeys(c -> CodeBlock.of("original.$N()", c.accessor())),
          bind(version, CodeBlock.of("original.$N()", version.accessor())));
      guardedWrite(
          m,
          CodeBlock.of(
              "rows = $L.updateColumns.forColumns(columns).execute(ctx, values -> {\n$>$L$<});\n",
              SQL_CLASS,
              bind.build()),
          "changed",
          "UPDATE");
    } else {
    m.addStatement("$T changes = new $T<>()", changesType, LINKED_HASH_MAP);
    for (ComponentModel c : model.values()) {
      m.beginControlFlow("if ($L)", differs(c, "original", "changed"))
          .addStatement("changes.put($N, changed.$N())", c.constant(), c.accessor())
          .endControlFlow();
    }
    m.beginControlFlow("if (changes.isEmpty())").addStatement("return original").endControlFlow();
    checkOverflowOrNextVersion(m, "original");
    if (timestamps == null) {
      m.addStatement(
          "changes.put($N, nextVersionField(original.$N()))", version.constant(),
          version.accessor());
    } else {
      m.addStatement("changes.put($N, next)", version.constant()); // Timestamp versions: bound.
    }
    guardedWrite(
        m,
        CodeBlock.of(
            "rows = ctx.update(TABLE)$Z.set(changes)$Z.where(recordKey(original))"
                + ".and(versionCondition(original.$N()))$Z.execute();\n",
            version.accessor()),
        "changed",
        "UPDATE");
    }
    m.beginControlFlow("if (!$T.one(rows, TABLE))", ROWS)
        .addStatement("throw stale(ctx, changed, original.$N(), $T.UPDATE, -1)", version.accessor(),
            OPERATION)
        .endControlFlow();
    m.addStatement("return withVersion(changed, $L)", newVersion("original"));
    return m.build();
  }

  private MethodSpec overwrite() {
    CodeBlock.Builder chain = CodeBlock.builder().add("tx.update(TABLE)");
    for (ComponentModel c : model.values()) {
      chain.add("\n.set($N, record.$N())", c.constant(), c.accessor());
    }
    if (version.primitive()) {
      chain.add("\n.set($N, $N.plus($T.inline(1)))", version.constant(), version.constant(), DSL);
    } else {
      chain.add(
          "\n.set($N, $T.coalesce($N, $T.inline($L, $N)).plus($T.inline(1)))",
          version.constant(),
          DSL,
          version.constant(),
          DSL,
          literal(0),
          version.constant(),
          DSL);
    }
    chain.add("\n.where(recordKey(record))");
    chain.add("\n.and($L)", versionBelowMax());
    chain.add("\n.execute()");
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
    m.addCode(
        CodeBlock.builder()
            .add("return dsl.transactionResult(configuration -> {\n$>")
            .addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL)
            .add(touches.overwriteBefore()) // touch hook
            .addStatement("int rows = $L", chain.build())
            .beginControlFlow("if (!$T.one(rows, TABLE))", ROWS)
            .addStatement(
                "throw $T.missingOrOverflow(tx,$WTABLE,$WrecordKey(record),$W$N,$W$L,$W$L.KEY,"
                   + " keyValues(record))",
                ROWS,
                version.constant(),
                maxValue(),
                COLUMNS_CLASS)
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

  /**
   * The condition that the stored version can still be incremented within its Java type, for the
   * writes that have no version predicate. The database cannot be relied on to refuse the overflow:
   * SQLite stores the wider value in an INT column, and reads it back truncated.
   */
  private CodeBlock versionBelowMax() {
    CodeBlock belowMax = CodeBlock.of("$N.lt($T.inline($L, $N))", version.constant(), DSL,
        maxValue(), version.constant());
    return version.primitive()
        ? belowMax
        : CodeBlock.of("$N.isNull().or($L)", version.constant(), belowMax);
  }

  private MethodSpec modify() {
    Set<String> taken = keyNames();
    String change = fresh("change", taken);
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("modify")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Reads the row, applies {@code $N}, and writes the columns it changed with a"
                    + " version check\n(see {@link #updateChanged}), each attempt in its own"
                    + " transaction (a savepoint when nested).\nOn a conflict (a stale row, or"
                    + " SQLSTATE 40001 or 40P01) it rereads and retries with jittered\nexponential"
                    + " backoff, up to the {@link $T} this repository was created with, then"
                    + " rethrows\nthe last failure, whose message then says that it gave up."
                    + " When {@code $N} returns an equal\nrecord, nothing is written.\n\n"
                    + "<p>A retry reads the row as now committed, also inside an enclosing"
                    + " transaction (on MySQL and\nMariaDB at REPEATABLE READ it uses a locking"
                    + " read). Where no retry can succeed inside the\nenclosing transaction (its"
                    + " snapshot is fixed, as on PostgreSQL at REPEATABLE READ or SERIALIZABLE,"
                    + "\nor the database refused the write as a serialization failure), it does"
                    + " not retry: the\nfailure is thrown at once, and its message says that the"
                    + " enclosing transaction must be\nretried as a whole.\n\n"
                    + "<p>After {@link $T#lockAfter()} conflicting attempts (when it is not 0),"
                    + " each further attempt\nreads the row with a locking read ({@code SELECT"
                    + " ... FOR UPDATE}), so that its write cannot\nconflict. A {@code"
                    + " ConflictListener} registered on the context's configuration is told of\n"
                    + "each conflict, retry and give-up, and of the call as it ends.\n\n",
                change,
                RETRY_POLICY,
                change,
                RETRY_POLICY)
            .addJavadoc(keyParamDocs())
            .addJavadoc(
                "@param $N the change; it may run more than once, so it should have no side"
                    + " effects\n"
                    + "@return the record as stored\n"
                    + "@throws $T if no row has that key\n"
                    + "@throws IllegalArgumentException if {@code $N} changes the key\n"
                    + "@throws $T if every attempt met a conflict\n",
                change,
                ClassName.get("org.jooq.exception", "NoDataFoundException"),
                change,
                STALE)
            .addJavadoc(keyNullDoc())
            .returns(record)
            .addParameters(keyParams())
            .addParameter(ParameterizedTypeName.get(UNARY_OPERATOR, record), change);
    requireKeyParams(m);
    m.addStatement("$T.requireNonNull($N, $S)", OBJECTS, change, change);
    String ctx = fresh("ctx", taken);
    String lockingRead = fresh("lockingRead", taken);
    m.addStatement(
        "return $T.run(this.retry, this.dsl, TABLE,$W$T.<Object>asList($L),$W($N, $N) -> modify($N,$W$L,$W$N,$W$N))",
        RETRY,
        ARRAYS,
        keyArgs(),
        ctx,
        lockingRead,
        ctx,
        keyArgs(),
        lockingRead,
        change);
    return m.build();
  }

  private MethodSpec modifyOnce() {
    Set<String> taken = keyNames();
    String change = fresh("change", taken);
    String current = fresh("current", taken);
    String changed = fresh("changed", taken);
    String ctx = fresh("ctx", taken);
    String lockingRead = fresh("lockingRead", taken);
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("modify")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, ctx)
            .addParameters(keyParams())
            .addParameter(boolean.class, lockingRead)
            .addParameter(ParameterizedTypeName.get(UNARY_OPERATOR, record), change);
    m.addStatement(
        "$T $N = ($N ? findForUpdate($N,$W$L) : find($N,$W$L))$Z.orElseThrow(() -> $T.notFound(TABLE,$W$L.KEY,$W$T.<Object>asList($L)))",
        record,
        current,
        lockingRead,
        ctx,
        keyArgs(),
        ctx,
        keyArgs(),
        ROWS,
        COLUMNS_CLASS,
        ARRAYS,
        keyArgs());
    m.addStatement("$T $N = $N.apply($N)", record, changed, change, current);
    m.beginControlFlow("if ($N == null)", changed)
        .addStatement(
            "throw new $T($S + keyValues($N))",
            NullPointerException.class,
            "the change passed to modify returned null for key ",
            current)
        .endControlFlow();
    m.beginControlFlow("if (!sameKey($N, $N))", current, changed)
        .addStatement(
            "throw new $T($S$W+ keyValues($N)$W+ $S$W+ keyValues($N))",
            IllegalArgumentException.class,
            "the change passed to modify must not change the key, but changed ",
            current,
            " to ",
            changed)
        .endControlFlow();
    m.addCode(touches.modifyAttempt(ctx, current, changed, taken)); // touch hook
    return m.build();
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
    // A batch the database refuses as a serialization failure is a StaleBatchException (SPEC §5).
    return CodeBlock.builder()
        .add(prologue)
        .add(reportingConflicts(b.build(), operation, CodeBlock.of("$T.of()", LIST),
            CodeBlock.of("$T.refused(e)", BATCHES)))
        .build();
  }

  /**
   * Runs a write, telling the configuration's {@code ConflictListener} of the conflict it throws,
   * if any: {@code try { body } catch (RuntimeException e) { throw Conflicts.seen(...); }}. Free on
   * the path that throws nothing.
   */
  private CodeBlock reportingConflicts(CodeBlock body, String operation, CodeBlock key) {
    return reportingConflicts(body, operation, key, CodeBlock.of("e"));
  }

  private CodeBlock reportingConflicts(
      CodeBlock body, String operation, CodeBlock key, CodeBlock failure) {
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(body)
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement("throw $T.seen(dsl,$WTABLE,$W$T.$L,$W$L,$W$L)", CONFLICTS,
            CONFLICT_OPERATION, operation, key, failure)
        .endControlFlow()
        .build();
  }

  // ---------------------------------------------------------------- delete

  private MethodSpec delete() {
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
    m.addCode(reportingConflicts(
        touches.any() ? touches.delete() : CodeBlock.of("delete(dsl, record);\n"), // touch hook
        "DELETE",
        CodeBlock.of("keyValues(record)")));
    return m.build();
  }

  private MethodSpec deleteWith() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("delete")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(DSL_CONTEXT, "ctx")
            .addParameter(record, "record");
    checkKeyCall(m, "record", "record");
    versionCheckedWrite(m, "deleteRow", "deleteQuery", "DELETE", false);
    return m.build();
  }

  private MethodSpec deleteQuery() {
    return MethodSpec.methodBuilder("deleteQuery")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(QUERY)
        .addParameter(DSL_CONTEXT, "ctx")
        .addParameter(record, "record")
        .addStatement(
            "return ctx.deleteFrom(TABLE).where(recordKey(record))"
                + ".and(versionCondition(record.$N()))",
            version.accessor())
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

  private MethodSpec deleteById() {
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
        "return $T.one(this.dsl.deleteFrom(TABLE)$Z.where(keyCondition($L))$Z.execute(),$WTABLE)",
        ROWS,
        keyArgs());
    return m.build();
  }

  // ---------------------------------------------------------------- touch

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
    versionCheckedWrite(m, "touchRow", "touchQuery", "UPDATE", timestamps != null);
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

  // ---------------------------------------------------------------- counters

  private MethodSpec increment(ComponentModel counter) {
    Set<String> taken = keyNames();
    String delta = fresh("delta", taken);
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
    CodeBlock bump =
        version.primitive()
            ? CodeBlock.of("$N.plus($T.inline(1))", version.constant(), DSL)
            : CodeBlock.of(
                "$T.coalesce($N, $T.inline($L, $N)).plus($T.inline(1))",
                DSL,
                version.constant(),
                DSL,
                literal(0),
                version.constant(),
                DSL);
    CodeBlock current =
        CodeBlock.of("$T.coalesce($N, $T.inline(0, $N))", DSL, counter.constant(), DSL,
            counter.constant());
    String rows = fresh("rows", taken);
    String ctx = touches.counterContext(taken); // touch hook: the transaction's context
    CodeBlock.Builder update =
        CodeBlock.builder()
            .add("$L.update(TABLE)\n.set($N, $L.plus($N))", ctx, counter.constant(), current, delta)
            .add("\n.set($N, $L)", version.constant(), bump)
            .add("\n.where(keyCondition($L))", keyArgs())
            .add("\n.and($L)", versionBelowMax());
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
                  fresh("configuration", taken),
                  fresh("tx", taken),
                  fresh("version", taken),
                  fresh("next", taken),
                  fresh("before", taken),
                  fresh("advanced", taken)))
          .build();
    }
    if (fits != null) {
      update.add("\n.and($L)", fits);
    }
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("int $N = $L\n.execute()", rows, update.build());
    body.beginControlFlow("if ($T.one($N, TABLE))", ROWS, rows)
        .add(touches.counterTouch(taken)) // touch hook
        .addStatement("return true")
        .endControlFlow();
    body.addStatement(
        "return $T.incrementRefused($L,$WTABLE,$WkeyCondition($L),$W$N,$W$L,$W$N,$W$N,$W$L.KEY,"
            + "$W$T.<Object>asList($L))",
        ROWS,
        ctx,
        keyArgs(),
        version.constant(),
        maxValue(),
        counter.constant(),
        delta,
        COLUMNS_CLASS,
        ARRAYS,
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
    String box;
    String cast;
    switch (deltaType.toString()) {
      case "short":
        box = "Short";
        cast = "(short) ";
        break;
      case "int":
        box = "Integer";
        cast = "";
        break;
      case "long":
        box = "Long";
        cast = "";
        break;
      default:
        return null;
    }
    return CodeBlock.of(
        "$N >= 0$>$>\n? $L.le($L($L.MAX_VALUE - $N))\n: $L.ge($L($L.MIN_VALUE - $N))$<$<",
        delta, current, cast, box, delta, current, cast, box, delta);
  }

  // ---------------------------------------------------------------- cached statements

  /**
   * The statements that run on every call, each rendered by jOOQ once per dialect and settings
   * (see {@code CachedStatement}). A nested class, so they are built after the column constants;
   * lower-camel names (they are not constants: each holds a cache), so they never hide a column
   * constant of the same name.
   */
  private TypeSpec sqlClass() {
    CodeBlock.Builder insert = CodeBlock.builder().add("ctx.insertInto(TABLE)");
    insert.add("\n.set($N, p.of($N))", version.constant(), version.constant());
    for (ComponentModel c : model.components()) {
      if (!c.version()) {
        insert.add("\n.set($N, p.of($N))", c.constant(), c.constant());
      }
    }
    CodeBlock.Builder update = CodeBlock.builder().add("ctx.update(TABLE)");
    for (ComponentModel c : model.values()) {
      update.add("\n.set($N, p.of($N))", c.constant(), c.constant());
    }
    update.add(
        "\n.set($N, $L)$L\n.and($L)",
        version.constant(),
        versionSet(),
        placeholderKey(),
        versionPlaceholderCondition());
    CodeBlock find =
        CodeBlock.of("ctx.select($L.ALL)\n.from(TABLE)$L", COLUMNS_CLASS, placeholderKey());
    CodeBlock delete =
        CodeBlock.of(
            "ctx.deleteFrom(TABLE)$L\n.and($L)",
            placeholderKey(),
            versionPlaceholderCondition());
    CodeBlock touch =
        CodeBlock.of(
            "ctx.update(TABLE)\n.set($N, $L)$L\n.and($L)",
            version.constant(),
            versionSet(),
            placeholderKey(),
            versionPlaceholderCondition());
    return TypeSpec.classBuilder(SQL_CLASS)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "The statements run on every call, rendered by jOOQ once per dialect and settings.\n")
        .addField(cachedStatement("insertRow", "Inserts every column.", insert.build()))
        .addField(cachedStatement("selectRow", "Reads the row with a key.", find))
        .addField(
            cachedStatement(
                "lockRow",
                "Reads the row with a key with a locking read.",
                CodeBlock.of("$T.forUpdate(ctx, $L)", LOCKING, find)))
        .addField(
            cachedStatement(
                "updateRow",
                version.primitive()
                    ? "Compare-and-increment of every column."
                    : "Compare-and-increment of every column, for a non-null version.",
                update.build()))
        .addField(
            cachedStatement(
                "deleteRow",
                version.primitive()
                    ? "Version-checked delete."
                    : "Version-checked delete, for a non-null version.",
                delete))
        .addField(
            cachedStatement(
                "touchRow",
                version.primitive()
                    ? "Version-checked increment of the version alone."
                    : "Version-checked increment of the version alone, for a non-null version.",
                touch))
        .addFields(cachesUpdateChanged() ? List.of(updateChangedStatements()) : List.of())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /**
   * The new version a cached statement sets: {@code v + 1}, or for a timestamp version a
   * placeholder for the value computed in Java.
   */
  private CodeBlock versionSet() {
    return timestamps == null
        ? CodeBlock.of("$N.plus($T.inline(1))", version.constant(), DSL)
        : CodeBlock.of("p.of($N)", version.constant());
  }

  /**
   * The version predicate of a cached statement: {@code v = ?}; for a timestamp version through
   * {@code TimestampVersions.matches}, which Derby can parse.
   */
  private CodeBlock versionPlaceholderCondition() {
    return timestamps == null
        ? CodeBlock.of("$N.eq(p.of($N))", version.constant(), version.constant())
        : CodeBlock.of("$T.matches($N, p.of($N))", TIMESTAMP_VERSIONS,
            version.constant(), version.constant());
  }

  /** Whether {@code updateChanged} runs cached statements: a primitive version, 1 to 63 values. */
  private boolean cachesUpdateChanged() {
    return version.primitive() && !model.values().isEmpty() && model.values().size() < 64;
  }

  private FieldSpec updateChangedStatements() {
    TypeName setType =
        ParameterizedTypeName.get(
            MAP,
            ParameterizedTypeName.get(FIELD, WildcardTypeName.subtypeOf(Object.class)),
            ClassName.get(Object.class));
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T set = new $T<>()", setType, LINKED_HASH_MAP);
    List<ComponentModel> values = model.values();
    for (int i = 0; i < values.size(); i++) {
      ComponentModel c = values.get(i);
      body.beginControlFlow("if ((columns & 1L << $L) != 0L)", i)
          .addStatement("set.put($N, p.of($N))", c.constant(), c.constant())
          .endControlFlow();
    }
    body.addStatement(
        "set.put($N, $N.plus($T.inline(1)))", version.constant(), version.constant(), DSL);
    body.addStatement(
        "return ctx.update(TABLE)\n.set(set)$L\n.and($N.eq(p.of($N)))",
        placeholderKey(),
        version.constant(),
        version.constant());
    return FieldSpec.builder(CACHED_FAMILY, "updateColumns", Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "Compare-and-increment of the changed columns, one statement per set of columns (bit"
                + " i: the i-th non-key column).\n")
        .initializer(
            "$T.of((ctx, p, columns) -> {\n$>$L$<})", CACHED_FAMILY, body.build())
        .build();
  }

  private static FieldSpec cachedStatement(String name, String doc, CodeBlock query) {
    return FieldSpec.builder(CACHED, name, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$T.of((ctx, p) -> $L)", CACHED, query)
        .build();
  }

  /** {@code .where(ID.eq(p.of(ID)))}, one {@code .and} per further key column. */
  private CodeBlock placeholderKey() {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < keys.size(); i++) {
      ComponentModel c = keys.get(i);
      b.add("\n.$L($N.eq(p.of($N)))", i == 0 ? "where" : "and", c.constant(), c.constant());
    }
    return b.build();
  }

  /** The key's bind calls, in key order. */
  private CodeBlock bindKeys(Function<ComponentModel, CodeBlock> value) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (ComponentModel c : keys) {
      b.add("$L", bind(c, value.apply(c)));
    }
    return b.build();
  }

  /**
   * The {@code Values} call that binds one component's value: a plain JDBC setter for the types
   * whose jOOQ binding is exactly that setter, the column's jOOQ binding for every other type.
   */
  private static CodeBlock bind(ComponentModel c, CodeBlock value) {
    return CodeBlock.of("\n$L", bindCall(c, value));
  }

  private static CodeBlock bindCall(ComponentModel c, CodeBlock value) {
    String jdbc = jdbcName(c);
    if (jdbc == null) {
      return CodeBlock.of(".set($N, $L)", c.constant(), value);
    }
    if (jdbc.equals("String") || !c.primitive()) {
      return CodeBlock.of(".set$L($N, $L)", jdbc, c.constant(), value);
    }
    return CodeBlock.of(".set$L($L)", jdbc, value);
  }

  /**
   * {@code Long}, {@code Int}, {@code Short} or {@code String} for the columns that jOOQ binds and
   * reads with exactly JDBC's {@code setX}/{@code getX} on every dialect; null for the others.
   */
  private static String jdbcName(ComponentModel c) {
    if (c.mapping().kind() != ColumnMapping.Kind.DIRECT) {
      return null;
    }
    switch (c.mapping().sqlDataType()) {
      case "BIGINT":
        return "Long";
      case "INTEGER":
        return "Int";
      case "SMALLINT":
        return "Short";
      case "VARCHAR":
        return "String";
      default:
        return null;
    }
  }

  /** Whether every column can be read with a plain JDBC getter (see {@link #jdbcName}). */
  private boolean readsDirectly() {
    return model.components().stream().allMatch(c -> jdbcName(c) != null);
  }

  private MethodSpec readRow() {
    List<CodeBlock> args = new ArrayList<>();
    int index = 1;
    for (ComponentModel c : model.components()) {
      String jdbc = jdbcName(c);
      if (jdbc.equals("String")) {
        args.add(CodeBlock.of("rs.getString($L)", index));
      } else if (c.primitive()) {
        args.add(CodeBlock.of("$T.get$L(rs, $L, TABLE, $N)", JDBC, jdbc, index, c.constant()));
      } else {
        args.add(CodeBlock.of("$T.get$LOrNull(rs, $L)", JDBC, jdbc, index));
      }
      index++;
    }
    return MethodSpec.methodBuilder("readRow")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "Reads a row of {@code $L.selectRow}: every column has a type that jOOQ reads with the plain"
                + " JDBC getter.\n",
            SQL_CLASS)
        .returns(record)
        .addParameter(RESULT_SET, "rs")
        .addException(SQL_EXCEPTION)
        .addStatement("return new $T(\n$L)", record, CodeBlock.join(args, ",\n"))
        .build();
  }

  // ---------------------------------------------------------------- mapping and helpers

  private MethodSpec fromRecord() {
    return MethodSpec.methodBuilder("fromRecord")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "Builds a {@link $T} from a jOOQ record that holds this table's columns, by calling"
                + " its\ncanonical constructor. The repository maps its own queries with it;"
                + " custom queries can\ntoo, for example {@code"
                + " dsl.select(...).from(TABLE).where(...).fetch($T::fromRecord)}.\n\n"
                + "@param record a record with every column constant of this class\n"
                + "@return the record\n"
                + "@throws NullPointerException if {@code record} is null\n"
                + "@throws $T if a column of a primitive component is NULL\n",
            record,
            self,
            DATA_ACCESS)
        .returns(record)
        .addParameter(RECORD, "record")
        .addStatement("$T.requireNonNull(record, $S)", OBJECTS, "record")
        .addStatement(
            "return new $T(\n$L)",
            record,
            CodeBlock.join(
                model.components().stream()
                    .map(
                        c ->
                            c.primitive()
                                ? CodeBlock.of(
                                    "$T.notNull(record.get($N), TABLE, $N)",
                                    ROWS,
                                    c.constant(),
                                    c.constant())
                                : CodeBlock.of("record.get($N)", c.constant()))
                    .collect(Collectors.toList()),
                ",\n"))
        .build();
  }

  private MethodSpec keyCondition() {
    CodeBlock condition =
        CodeBlock.join(
            keys.stream()
                .map(c -> CodeBlock.of("$N.eq($N)", c.constant(), c.name()))
                .collect(Collectors.toList()),
            "\n.and(");
    StringBuilder close = new StringBuilder();
    for (int i = 1; i < keys.size(); i++) {
      close.append(')');
    }
    return MethodSpec.methodBuilder("keyCondition")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CONDITION)
        .addParameters(keyParams())
        .addStatement("return $L$L", condition, close.toString())
        .build();
  }

  private MethodSpec recordKey() {
    return MethodSpec.methodBuilder("recordKey")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CONDITION)
        .addParameter(record, "record")
        .addStatement(
            "return keyCondition($L)", join(keys, c -> CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  private MethodSpec versionCondition() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("versionCondition")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(CONDITION)
            .addParameter(version.type(), "expected");
    if (timestamps != null) {
      // Timestamp versions: IS NULL, or = ? in a form Derby can parse.
      m.addStatement("return $T.matches($N, expected)", TIMESTAMP_VERSIONS,
          version.constant());
    } else if (version.primitive()) {
      m.addStatement("return $N.eq(expected)", version.constant());
    } else {
      m.addStatement(
          "return expected == null ? $N.isNull() : $N.eq(expected)",
          version.constant(),
          version.constant());
    }
    return m.build();
  }

  private MethodSpec nextVersionField() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("nextVersionField")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(FIELD, version.boxedType()))
            .addParameter(version.type(), "expected");
    if (version.primitive()) {
      m.addStatement("return $N.plus($T.inline(1))", version.constant(), DSL);
    } else {
      m.addStatement(
          "return expected == null ? $T.inline($L, $N) : $N.plus($T.inline(1))",
          DSL,
          literal(1),
          version.constant(),
          version.constant(),
          DSL);
    }
    return m.build();
  }

  private MethodSpec nextVersion() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("nextVersion")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(version.type())
            .addParameter(version.type(), "expected");
    String kind = versionKind();
    if (version.primitive()) {
      m.addStatement(kind.equals("short") ? "return (short) (expected + 1)" : "return expected + 1");
    } else if (kind.equals("short")) {
      m.addStatement("return (short) (expected == null ? 1 : expected + 1)");
    } else {
      m.addStatement("return expected == null ? $L : expected + 1", literal(1));
    }
    return m.build();
  }

  private MethodSpec withVersion() {
    return MethodSpec.methodBuilder("withVersion")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record)
        .addParameter(record, "record")
        .addParameter(version.type(), "version")
        .addStatement(
            "return new $T($L)",
            record,
            join(
                model.components(),
                c -> c.version() ? CodeBlock.of("version") : CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  private MethodSpec keyValues() {
    return MethodSpec.methodBuilder("keyValues")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(LIST, ClassName.get(Object.class)))
        .addParameter(record, "record")
        .addStatement(
            "return $T.<Object>asList($L)",
            ARRAYS,
            join(keys, c -> CodeBlock.of("record.$N()", c.accessor())))
        .build();
  }

  private MethodSpec sameKey() {
    return MethodSpec.methodBuilder("sameKey")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(record, "a")
        .addParameter(record, "b")
        .addStatement(
            "return $L",
            CodeBlock.join(
                keys.stream().map(c -> same(c, "a", "b")).collect(Collectors.toList()),
                "\n&& "))
        .build();
  }

  private MethodSpec checkKey() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("checkKey")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(record, "record")
            .addParameter(String.class, "parameter");
    for (ComponentModel c : keys) {
      if (!c.primitive()) {
        m.beginControlFlow("if (record.$N() == null)", c.accessor())
            .addStatement(
                "throw new $T(parameter + $S)",
                NullPointerException.class,
                ": key component " + c.name() + " is null")
            .endControlFlow();
      }
    }
    return m.build();
  }

  private MethodSpec checkOverflow() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("checkOverflow")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(record, "record");
    String condition =
        version.primitive() ? "record.$N() >= $L" : "record.$N() != null && record.$N() >= $L";
    CodeBlock test =
        version.primitive()
            ? CodeBlock.of(condition, version.accessor(), maxValue())
            : CodeBlock.of(condition, version.accessor(), version.accessor(), maxValue());
    m.beginControlFlow("if ($L)", test)
        .addStatement(
            "throw $T.overflow(TABLE, $N, record.$N(), keyValues(record))",
            ROWS,
            version.constant(),
            version.accessor())
        .endControlFlow();
    return m.build();
  }

  private MethodSpec stale() {
    return MethodSpec.methodBuilder("stale")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(STALE)
        .addParameter(DSL_CONTEXT, "ctx")
        .addParameter(record, "record")
        .addParameter(version.boxedType(), "expected")
        .addParameter(OPERATION, "operation")
        .addParameter(int.class, "batchIndex")
        .addStatement(
            "return $T.stale(ctx,$WTABLE,$WrecordKey(record),$W$N,$Wrecord,$W$L.KEY,$WkeyValues(record),"
               + " operation,$Wexpected,$WbatchIndex)",
            ROWS,
            version.constant(),
            COLUMNS_CLASS)
        .build();
  }

  private MethodSpec refused() {
    return MethodSpec.methodBuilder("refused")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RuntimeException.class)
        .addParameter(RuntimeException.class, "failure")
        .addParameter(record, "record")
        .addParameter(version.boxedType(), "expected")
        .addParameter(OPERATION, "operation")
        .addStatement(
            "return $T.refused(failure,$WTABLE,$W$N,$Wrecord,$W$L.KEY,$WkeyValues(record),"
                + "$Woperation,$Wexpected)",
            ROWS,
            version.constant(),
            COLUMNS_CLASS)
        .build();
  }

  // ---------------------------------------------------------------- small pieces

  private CodeBlock same(ComponentModel c, String a, String b) {
    if (c.isArray()) {
      return CodeBlock.of("$T.equals($N.$N(), $N.$N())", ARRAYS, a, c.accessor(), b, c.accessor());
    }
    if (c.primitive()) {
      return CodeBlock.of("$N.$N() == $N.$N()", a, c.accessor(), b, c.accessor());
    }
    return CodeBlock.of("$T.equals($N.$N(), $N.$N())", OBJECTS, a, c.accessor(), b, c.accessor());
  }

  private CodeBlock differs(ComponentModel c, String a, String b) {
    if (c.isArray()) {
      return CodeBlock.of("!$T.equals($N.$N(), $N.$N())", ARRAYS, a, c.accessor(), b, c.accessor());
    }
    if (c.primitive()) {
      String kind = c.type().toString();
      if (kind.equals("float")) {
        return CodeBlock.of(
            "$T.compare($N.$N(), $N.$N()) != 0", Float.class, a, c.accessor(), b, c.accessor());
      }
      if (kind.equals("double")) {
        return CodeBlock.of(
            "$T.compare($N.$N(), $N.$N()) != 0", Double.class, a, c.accessor(), b, c.accessor());
      }
      return CodeBlock.of("$N.$N() != $N.$N()", a, c.accessor(), b, c.accessor());
    }
    return CodeBlock.of("!$T.equals($N.$N(), $N.$N())", OBJECTS, a, c.accessor(), b, c.accessor());
  }

  private void checkKeyCall(MethodSpec.Builder m, String variable, String parameter) {
    if (hasBoxedKey()) {
      m.addStatement("checkKey($N, $S)", variable, parameter);
    }
  }

  /**
   * The key component the database generates, if any: the only boxed key component, when it is an
   * integer type mapped directly. It is declared as the table's identity.
   */
  private ComponentModel identityKey() {
    List<ComponentModel> boxed =
        keys.stream().filter(c -> !c.primitive()).collect(Collectors.toList());
    if (boxed.size() != 1) {
      return null;
    }
    ComponentModel key = boxed.get(0);
    if (key.mapping().kind() != ColumnMapping.Kind.DIRECT) {
      return null;
    }
    switch (key.type().toString()) {
      case "java.lang.Short":
      case "java.lang.Integer":
      case "java.lang.Long":
      case "java.math.BigInteger":
        return key;
      default:
        return null;
    }
  }

  private boolean hasBoxedKey() {
    return keys.stream().anyMatch(c -> !c.primitive());
  }

  private List<ParameterSpec> keyParams() {
    List<ParameterSpec> params = new ArrayList<>();
    for (ComponentModel c : keys) {
      params.add(ParameterSpec.builder(c.type(), c.name()).build());
    }
    return params;
  }

  private Set<String> keyNames() {
    Set<String> names = new HashSet<>();
    for (ComponentModel c : keys) {
      names.add(c.name());
    }
    return names;
  }

  private static String fresh(String base, Set<String> taken) {
    String name = base;
    while (!taken.add(name)) {
      name = name + "_";
    }
    return name;
  }

  private CodeBlock keyParamDocs() {
    CodeBlock.Builder b = CodeBlock.builder();
    for (ComponentModel c : keys) {
      b.add("@param $N the key component {@code $N}\n", c.name(), c.name());
    }
    return b.build();
  }

  private CodeBlock keyNullDoc() {
    return hasBoxedKey()
        ? CodeBlock.of("@throws NullPointerException if a key argument is null\n")
        : CodeBlock.of("");
  }

  private void requireKeyParams(MethodSpec.Builder m) {
    for (ComponentModel c : keys) {
      if (!c.primitive()) {
        m.addStatement("$T.requireNonNull($N, $S)", OBJECTS, c.name(), c.name());
      }
    }
  }

  private CodeBlock keyArgs() {
    return join(keys, c -> CodeBlock.of("$N", c.name()));
  }

  private static CodeBlock join(List<ComponentModel> list, Function<ComponentModel, CodeBlock> f) {
    return CodeBlock.join(list.stream().map(f).collect(Collectors.toList()), ",$W");
  }

  private String versionKind() {
    switch (version.type().toString()) {
      case "short":
      case "java.lang.Short":
        return "short";
      case "int":
      case "java.lang.Integer":
        return "int";
      default:
        return "long";
    }
  }

  private String maxValue() {
    switch (versionKind()) {
      case "short":
        return "Short.MAX_VALUE";
      case "int":
        return "Integer.MAX_VALUE";
      default:
        return "Long.MAX_VALUE";
    }
  }

  private String literal(int value) {
    switch (versionKind()) {
      case "short":
        return "(short) " + value;
      case "int":
        return Integer.toString(value);
      default:
        return value + "L";
    }
  }

  private static TypeName unboxedOrSelf(TypeName type) {
    try {
      return type.unbox();
    } catch (UnsupportedOperationException notABox) {
      return type;
    }
  }

  /**
   * The body of a write whose only bound values are the key and the expected version (delete,
   * touch): the cached statement, or for a null version box the query with {@code IS NULL}; a
   * refused write translated; zero rows a stale row.
   */
  private void versionCheckedWrite(
      MethodSpec.Builder m, String statement, String query, String operation, boolean bindsNext) {
    CodeBlock values =
        CodeBlock.builder()
            // Timestamp versions: the new version {@code next} is bound first (SET v = ?).
            .add("$L", bindsNext ? bind(version, CodeBlock.of("next")) : CodeBlock.of(""))
            .add("$L", bindKeys(c -> CodeBlock.of("record.$N()", c.accessor())))
            .add("$L", bind(version, CodeBlock.of("record.$N()", version.accessor())))
            .build();
    CodeBlock cached =
        CodeBlock.of("$L.$L.execute(ctx, values -> values$L)", SQL_CLASS, statement, values);
    CodeBlock write =
        version.primitive()
            ? cached
            : CodeBlock.of(
                "record.$N() == null\n? $L(ctx, record$L).execute()\n: $L",
                version.accessor(),
                query,
                bindsNext ? ", next" : "",
                cached);
    guardedWrite(m, CodeBlock.of("$[rows = $L;\n$]", write), "record", operation);
    m.beginControlFlow("if (!$T.one(rows, TABLE))", ROWS)
        .addStatement("throw stale(ctx, record, record.$N(), $T.$L, -1)", version.accessor(),
            OPERATION, operation)
        .endControlFlow();
  }

}
