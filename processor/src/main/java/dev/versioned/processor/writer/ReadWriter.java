package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.Binds.bindEach;
import static dev.versioned.processor.writer.TypeNames.CONDITION;
import static dev.versioned.processor.writer.TypeNames.DATA_ACCESS;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.JDBC;
import static dev.versioned.processor.writer.TypeNames.LIST;
import static dev.versioned.processor.writer.TypeNames.LOCKING;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.OPTIONAL;
import static dev.versioned.processor.writer.TypeNames.RECORD;
import static dev.versioned.processor.writer.TypeNames.RESULT_SET;
import static dev.versioned.processor.writer.TypeNames.RETRY_POLICY;
import static dev.versioned.processor.writer.TypeNames.SQL_EXCEPTION;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.versioned.processor.plan.Binding;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.vo.ComponentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the reads: {@code findById}, {@code findByIdForUpdate}, {@code findAll}, {@code count},
 * and the row mappers.
 */
final class ReadWriter extends RepositoryPart {

  ReadWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec findById() {
    return findByKey("findById", CodeBlock.of("Reads the row with the given key.\n\n"), "find");
  }

  MethodSpec find() {
    return find("find", RepositoryPlan.SELECT_ROW, null);
  }

  MethodSpec findForUpdate() {
    return find(
        "findForUpdate",
        RepositoryPlan.LOCK_ROW,
        CodeBlock.of(
            "Reads the row with the given key with a locking read ({@link $T#forUpdate}): on a"
                + " database\nwith row locks the row stays locked until the transaction of"
                + " {@code ctx} ends, and InnoDB\nreads it as now committed even at REPEATABLE"
                + " READ.\n",
            LOCKING));
  }

  MethodSpec find(String name, String statement, CodeBlock doc) {
    NameAllocator taken = keyNames();
    String ctx = taken.newName("ctx");
    String values = taken.newName("values");
    MethodSpec.Builder m = MethodSpec.methodBuilder(name);
    if (doc != null) {
      m.addJavadoc(doc);
    }
    return m.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(OPTIONAL, record))
        .addParameter(DSL_CONTEXT, ctx)
        .addParameters(keyParams())
        .addStatement(
            "return $L.$L.fetchOptional(\n$N,\n$N -> $N$>$>$L$<$<,\n$L,\n$T::fromRecord)",
            SQL_CLASS,
            statement,
            ctx,
            values,
            values,
            bindEach(plan.statement(statement), b -> CodeBlock.of("$N", b.column().name())),
            readsDirectly() ? CodeBlock.of("$T::readRow", self) : CodeBlock.of("null"),
            self)
        .build();
  }

  MethodSpec findByIdForUpdate() {
    return findByKey(
        "findByIdForUpdate",
        CodeBlock.of(
            "Reads the row with the given key and locks it ({@code SELECT ... FOR UPDATE}):"
                + " until the\ncaller's transaction ends, every other transaction that writes"
                + " the row, or reads it\nwith a lock, waits. Run it inside a transaction"
                + " ({@code dsl.transactionResult(...)}, or\nSpring's {@code"
                + " @Transactional}); outside one, the lock ends with the statement.\n\n"
                + "<p>The lock makes the write that follows unable to conflict, at the price"
                + " of making every\nother writer of the row wait: prefer {@code modify} with"
                + " {@link $T#lockAfter()}, which\nlocks only once a row has proved hot. A"
                + " database without row locks (SQLite) reads the\nrow without one.\n\n",
            RETRY_POLICY),
        "findForUpdate");
  }

  /** A public read by key, which runs the private read {@code inner} with the repository's dsl. */
  private MethodSpec findByKey(String name, CodeBlock doc, String inner) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(doc)
            .addJavadoc(keyParamDocs())
            .addJavadoc("@return the record, or empty when no row has that key\n")
            .addJavadoc(keyNullDoc())
            .returns(ParameterizedTypeName.get(OPTIONAL, record))
            .addParameters(keyParams());
    requireKeyParams(m);
    return m.addStatement("return $N($L, $L)", inner, field("dsl"), keyArgs()).build();
  }

  MethodSpec findAll() {
    return MethodSpec.methodBuilder("findAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Reads every row of the table.\n\n@return the records, in the database's order\n")
        .returns(ParameterizedTypeName.get(LIST, record))
        .addStatement(
            "return dsl.select($L.ALL).from(TABLE).fetch($T::fromRecord)", COLUMNS_CLASS, self)
        .build();
  }

  MethodSpec findAllWhere() {
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

  MethodSpec count() {
    return MethodSpec.methodBuilder("count")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Counts the rows of the table.\n\n@return the number of rows\n")
        .returns(long.class)
        .addStatement("return dsl.fetchCount(TABLE)")
        .build();
  }

  MethodSpec fromRecord() {
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
                                    "$L.notNull(record.get($N), $N)",
                                    DESCRIPTOR,
                                    c.constant(),
                                    c.constant())
                                : CodeBlock.of("record.get($N)", c.constant()))
                    .collect(Collectors.toList()),
                ",\n"))
        .build();
  }

  MethodSpec readRow() {
    List<CodeBlock> args = new ArrayList<>();
    int index = 1;
    for (ComponentModel c : model.components()) {
      String jdbc = Binding.of(c).jdbc();
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
            "Reads a row of {@code $L.selectRow}: every column has a type that jOOQ reads with the"
                + " plain JDBC getter.\n",
            SQL_CLASS)
        .returns(record)
        .addParameter(RESULT_SET, "rs")
        .addException(SQL_EXCEPTION)
        .addStatement("return new $T(\n$L)", record, CodeBlock.join(args, ",\n"))
        .build();
  }
}
