package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.Binds.bit;
import static dev.versioned.processor.writer.TypeNames.CACHED;
import static dev.versioned.processor.writer.TypeNames.CACHED_FAMILY;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.FIELD;
import static dev.versioned.processor.writer.TypeNames.LINKED_HASH_MAP;
import static dev.versioned.processor.writer.TypeNames.LOCKING;
import static dev.versioned.processor.writer.TypeNames.MAP;
import static dev.versioned.processor.writer.TypeNames.TIMESTAMP_VERSIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.versioned.processor.plan.Statement;
import dev.versioned.processor.plan.Statement.Bind;
import dev.versioned.processor.plan.Statement.Role;
import dev.versioned.processor.vo.ComponentModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code Sql} class: the statements run on every call, each rendered once per dialect
 * and settings.
 */
final class StatementWriter extends RepositoryPart {

  StatementWriter(RepositoryPart parts) {
    super(parts);
  }

  /**
   * The statements that run on every call, each rendered by jOOQ once per dialect and settings (see
   * {@code CachedStatement}). A nested class, so they are built after the column constants;
   * lower-camel names (they are not constants: each holds a cache), so they never hide a column
   * constant of the same name.
   */
  TypeSpec sqlClass() {
    TypeSpec.Builder sql =
        TypeSpec.classBuilder(SQL_CLASS)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The statements run on every call, rendered by jOOQ once per dialect and"
                    + " settings.\n");
    for (Statement s : plan.statements()) {
      sql.addField(cachedStatement(s.name(), s.doc(), template(s)));
    }
    return sql.addFields(cachesUpdateChanged() ? List.of(updateChangedStatements()) : List.of())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /**
   * The jOOQ query of a statement, one placeholder ({@code p.of(column)}) per bind, in the binds'
   * order: the order in which its callers bind their values.
   */
  private CodeBlock template(Statement s) {
    CodeBlock.Builder b = CodeBlock.builder();
    switch (s.kind()) {
      case INSERT:
        b.add("ctx.insertInto(TABLE)");
        for (Bind bind : s.binds()) {
          b.add("\n.set($N, p.of($N))", bind.column().constant(), bind.column().constant());
        }
        return b.build();
      case SELECT:
        return select();
      case LOCK:
        return CodeBlock.of("$T.forUpdate(ctx, $L)", LOCKING, select());
      case UPDATE:
        b.add("ctx.update(TABLE)");
        for (Bind bind : s.binds(Role.VALUE)) {
          b.add("\n.set($N, p.of($N))", bind.column().constant(), bind.column().constant());
        }
        b.add("\n.set($N, $L)", version.constant(), versionSet(s));
        break;
      case DELETE:
        b.add("ctx.deleteFrom(TABLE)");
        break;
      default:
        throw new AssertionError(s.kind());
    }
    CodeBlock matches =
        s.nullVersion()
            ? CodeBlock.of("$N.isNull()", version.constant())
            : versionPlaceholderCondition();
    return b.add("$L\n.and($L)", placeholderKey(), matches).build();
  }

  private CodeBlock select() {
    return CodeBlock.of("ctx.select($L.ALL)\n.from(TABLE)$L", COLUMNS_CLASS, placeholderKey());
  }

  /**
   * The new version a cached statement sets: {@code v + 1} (the first version after a null one), or
   * for a timestamp version a placeholder for the value computed in Java.
   */
  private CodeBlock versionSet(Statement s) {
    if (timestamps != null) {
      return CodeBlock.of("p.of($N)", version.constant());
    }
    return s.nullVersion()
        ? CodeBlock.of("$T.inline($L, $N)", DSL, literal(1), version.constant())
        : CodeBlock.of("$N.plus($T.inline(1))", version.constant(), DSL);
  }

  /**
   * The version predicate of a cached statement: {@code v = ?}; for a timestamp version through
   * {@code TimestampVersions.matches}, which Derby can parse.
   */
  private CodeBlock versionPlaceholderCondition() {
    return timestamps == null
        ? CodeBlock.of("$N.eq(p.of($N))", version.constant(), version.constant())
        : CodeBlock.of(
            "$T.matches($N, p.of($N))", TIMESTAMP_VERSIONS, version.constant(), version.constant());
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
      body.beginControlFlow("if ((columns & $L) != 0L)", bit(i))
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
        .initializer("$T.of((ctx, p, columns) -> {\n$>$L$<})", CACHED_FAMILY, body.build())
        .build();
  }

  private static FieldSpec cachedStatement(String name, String doc, CodeBlock query) {
    return FieldSpec.builder(CACHED, name, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$T.of(\n$>$>(ctx, p) -> $>$>$L$<$<$<$<)", CACHED, query)
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
}
