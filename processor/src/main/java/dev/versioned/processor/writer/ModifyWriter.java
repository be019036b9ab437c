package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.RETRY;
import static dev.versioned.processor.writer.TypeNames.RETRY_POLICY;
import static dev.versioned.processor.writer.TypeNames.STALE;
import static dev.versioned.processor.writer.TypeNames.UNARY_OPERATOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import javax.lang.model.element.Modifier;

/** Writes {@code modify}: read, change, version-checked write, retried on conflict. */
final class ModifyWriter extends RepositoryPart {

  ModifyWriter(RepositoryPart parts) {
    super(parts);
  }

  MethodSpec modify() {
    NameAllocator taken = keyNames();
    String change = taken.newName("change");
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
    String ctx = taken.newName("ctx");
    String lockingRead = taken.newName("lockingRead");
    m.addStatement(
        "return $T.run($L, $L, TABLE,$WkeyValues($L),$W($N, $N) -> modify($N, $L, $N, $N))",
        RETRY,
        field("retry"),
        field("dsl"),
        keyArgs(),
        ctx,
        lockingRead,
        ctx,
        keyArgs(),
        lockingRead,
        change);
    return m.build();
  }

  MethodSpec modifyOnce() {
    NameAllocator taken = keyNames();
    String change = taken.newName("change");
    String current = taken.newName("current");
    String changed = taken.newName("changed");
    String ctx = taken.newName("ctx");
    String lockingRead = taken.newName("lockingRead");
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("modify")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record)
            .addParameter(DSL_CONTEXT, ctx)
            .addParameters(keyParams())
            .addParameter(boolean.class, lockingRead)
            .addParameter(ParameterizedTypeName.get(UNARY_OPERATOR, record), change);
    m.addStatement(
        "$T $N = ($N ? findForUpdate($N,$W$L) : find($N,$W$L))$Z.orElseThrow(() ->"
            + " $L.notFound(keyValues($L)))",
        record,
        current,
        lockingRead,
        ctx,
        keyArgs(),
        ctx,
        keyArgs(),
        DESCRIPTOR,
        keyArgs());
    m.addStatement("$T $N = $N.apply($N)", record, changed, change, current);
    m.beginControlFlow("if ($N == null)", changed)
        .addStatement(
            "throw new $T($S$W+ keyValues($N))",
            NullPointerException.class,
            "the change passed to modify returned null for key ",
            current)
        .endControlFlow();
    m.beginControlFlow("if (!sameKey($N, $N))", current, changed)
        .addStatement(
            "throw new $T(\n$S$W+ keyValues($N)$W+ $S$W+ keyValues($N))",
            IllegalArgumentException.class,
            "the change passed to modify must not change the key, but changed ",
            current,
            " to ",
            changed)
        .endControlFlow();
    m.addCode(touches.modifyAttempt(ctx, current, changed, taken)); // touch hook
    return m.build();
  }
}
