package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.CHRONO_UNIT;
import static dev.versioned.processor.writer.TypeNames.CONDITION;
import static dev.versioned.processor.writer.TypeNames.DSL;
import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.TIMESTAMP_VERSIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import javax.lang.model.element.Modifier;

/**
 * The parts of a repository that differ for a timestamp version ({@code Instant}, {@code
 * LocalDateTime}, {@code OffsetDateTime}): the new version is computed in Java by {@code
 * TimestampVersions} and bound as a value ({@code SET v = ?}) instead of {@code SET v = v + 1}, no
 * write checks for overflow, and the writes that have no expected version ({@code overwrite},
 * counters) run a locking read and a compare-and-set in one transaction ({@code
 * TimestampVersions.advance}). Every other part of the repository is the one {@link
 * RepositoryWriter} writes for any version.
 */
final class TimestampVersionWriter {

  private final RecordModel model;
  private final ComponentModel version;
  private final ClassName record;
  private final ClassName self;
  private final String precision;

  /**
   * Prepares the parts of one repository.
   *
   * @param model a record whose version is a timestamp version
   */
  TimestampVersionWriter(RecordModel model) {
    this.model = model;
    this.version = model.version();
    this.record = model.recordName();
    this.self = model.repositoryName();
    this.precision = TimestampVersion.precision(version);
  }

  /**
   * The writer for a record, or null when its version is an integer.
   *
   * @param model a validated record
   * @return the writer, or null
   */
  static TimestampVersionWriter of(RecordModel model) {
    return TimestampVersion.is(model.version()) ? new TimestampVersionWriter(model) : null;
  }

  /** {@code ChronoUnit.MICROS}: the version's precision, as the generated code names it. */
  CodeBlock precision() {
    return CodeBlock.of("$T.$L", CHRONO_UNIT, precision);
  }

  /** The statement that sets {@code version}, the version an insert stores. */
  CodeBlock insertedVersion() {
    return CodeBlock.builder()
        .addStatement(
            "$T version = $T.inserted(record.$N(), $L)",
            version.type(),
            TIMESTAMP_VERSIONS,
            version.accessor(),
            precision())
        .build();
  }

  /** The Javadoc sentence of {@code insert} about the version. */
  String insertDoc() {
    return "Inserts the record as given, its version truncated to "
        + precision
        + "; a null version is\nstored as the current time.\n";
  }

  /**
   * {@code nextVersion(expected)}: the version a write stores after {@code expected}, computed once
   * per write, bound, and returned.
   */
  MethodSpec nextVersion() {
    return MethodSpec.methodBuilder("nextVersion")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "The version a write stores after {@code expected}: the current time truncated to"
                + " {@code $L},\nor {@code expected} plus one unit when that is not later, so the"
                + " versions of a row strictly\nincrease.\n",
            precision)
        .returns(version.type())
        .addParameter(version.type(), "expected")
        .addStatement("return $T.next(expected, $L)", TIMESTAMP_VERSIONS, precision())
        .build();
  }

  /**
   * The body of {@code overwrite}: in one transaction, the locking read of the stored version and
   * the compare-and-set of every column and the later of now and the stored version plus one unit.
   *
   * @param before the statement that reads the parents the row names now ({@code @Touch}), in
   *     {@code tx}; empty without touches
   * @param touch the statement that touches the old and the new parents once the row is written;
   *     empty without touches
   */
  CodeBlock overwriteBody(CodeBlock before, CodeBlock touch) {
    CodeBlock.Builder set = CodeBlock.builder().add("tx.update(TABLE)");
    for (ComponentModel c : model.values()) {
      set.add("\n.set($N, record.$N())", c.constant(), c.accessor());
    }
    set.add("\n.set($N, next)", version.constant());
    return CodeBlock.builder()
        .add("return dsl.transactionResult(configuration -> {\n$>")
        .addStatement("$T tx = $T.using(configuration)", DSL_CONTEXT, DSL)
        .add(before)
        .addStatement(
            "$T version = $T.advance(tx,$WTABLE,$WrecordKey(record),$W$N,$W$T.noCondition(),"
                + "$W$T::nextVersion,$Wnext -> $>$>$L$<$<)",
            version.type(),
            TIMESTAMP_VERSIONS,
            version.constant(),
            DSL,
            self,
            set.build())
        .beginControlFlow("if (version == null)")
        .addStatement("throw $L.notFound(keyValues(record))", RepositoryPart.DESCRIPTOR)
        .endControlFlow()
        .add(touch)
        .addStatement("return withVersion(record, version)")
        .add("$<});\n")
        .build();
  }

  /**
   * The body of a counter's {@code increment} method: in one transaction, the locking read of the
   * stored version and the compare-and-set of the counter and the new version.
   *
   * @param counter the counter
   * @param delta the name of the delta parameter
   * @param add the counter's new value, {@code COALESCE(x, 0) + delta}
   * @param fits the condition that the counter stays within its type, or null
   * @param keyArgs the key parameters, as arguments
   * @param touches the parents the record touches ({@code @Touch}): read with a lock first, and
   *     touched in the same transaction once the counter is written
   * @param dsl the repository's context, as the method names it
   * @param taken the names the method has taken, from which its locals' names are allocated
   */
  CodeBlock incrementBody(
      ComponentModel counter,
      String delta,
      CodeBlock add,
      CodeBlock fits,
      CodeBlock keyArgs,
      ParentTouchBodies touches,
      String dsl,
      NameAllocator taken) {
    String configuration = taken.newName("configuration");
    String tx = taken.newName("tx");
    String stored = taken.newName("version");
    String next = taken.newName("next");
    String before = taken.newName("before");
    String advanced = taken.newName("advanced");
    String fitsName = taken.newName("fits");
    // The counter's range guard, declared first so that the call below reads as one line each.
    CodeBlock guard =
        fits == null ? CodeBlock.of("") : CodeBlock.of("$T $N = $L;\n", CONDITION, fitsName, fits);
    return CodeBlock.builder()
        .add("$T $N = $L.transactionResult($N -> {\n$>", version.type(), stored, dsl, configuration)
        .addStatement("$T $N = $T.using($N)", DSL_CONTEXT, tx, DSL, configuration)
        .add(touches.counterBefore(tx, before, keyArgs))
        .add(guard)
        .addStatement(
            "$L$T.advance($N,$WTABLE,$WkeyCondition($L),$W$N,$W$L,$W$T::nextVersion,"
                + "$W$N -> $N.update(TABLE)$>$>\n.set($N, $L)\n.set($N, $N)$<$<)",
            touches.any()
                ? CodeBlock.of("$T $N = ", version.type(), advanced)
                : CodeBlock.of("return "),
            TIMESTAMP_VERSIONS,
            tx,
            keyArgs,
            version.constant(),
            fits == null ? CodeBlock.of("$T.noCondition()", DSL) : CodeBlock.of("$N", fitsName),
            self,
            next,
            tx,
            counter.constant(),
            add,
            version.constant(),
            next)
        .add(touches.counterTouchIf(tx, advanced, before))
        .add(touches.any() ? CodeBlock.of("return $N;\n", advanced) : CodeBlock.of(""))
        .add("$<});\n")
        .beginControlFlow("if ($N != null)", stored)
        .addStatement("return true")
        .endControlFlow()
        .addStatement(
            "return $L.incrementRefused($L,$W$N,$W$N,$WkeyValues($L))",
            RepositoryPart.DESCRIPTOR,
            dsl,
            counter.constant(),
            delta,
            keyArgs)
        .build();
  }
}
