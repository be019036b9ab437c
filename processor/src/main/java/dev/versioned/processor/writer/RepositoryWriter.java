package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.RETRY_POLICY;
import static dev.versioned.processor.writer.TypeNames.STALE;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.List;
import javax.lang.model.element.Modifier;
import dev.versioned.processor.plan.RepositoryPlan;

/**
 * Writes the repository class of one validated record. It declares the class, its fields and
 * constructors, and the order of its members; each concern's members come from that concern's
 * writer, all reading one {@link RepositoryPlan}.
 */
public final class RepositoryWriter {
  private final RepositoryPlan plan;
  private final Injection injection;

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
    this.plan = RepositoryPlan.of(model, touches);
    this.injection = injection;
  }

  /**
   * Builds the repository type.
   *
   * @return the repository's type declaration
   */
  public TypeSpec write() {
    RepositoryPart parts = new RepositoryPart(plan);
    ConstantsWriter constants = new ConstantsWriter(parts);
    InsertWriter inserts = new InsertWriter(parts);
    ReadWriter reads = new ReadWriter(parts);
    UpdateWriter updates = new UpdateWriter(parts);
    UncheckedWriter unchecked = new UncheckedWriter(parts);
    ModifyWriter modify = new ModifyWriter(parts);
    BatchWriter batches = new BatchWriter(parts);
    DeleteWriter deletes = new DeleteWriter(parts);
    TouchWriter touch = new TouchWriter(parts);
    HelperWriter helpers = new HelperWriter(parts);
    ComponentModel version = plan.version();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(plan.self())
            .addModifiers(
                injection.finalClass()
                    ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
                    : new Modifier[] {Modifier.PUBLIC})
            .addJavadoc(
                "Optimistic-locking repository of {@link $T}, on table {@code $L}.\n\n"
                    + "<p>Writes compare and increment the version column {@code $L}: a write"
                    + " based on a stale copy\nthrows {@link $T} and changes nothing. Instances"
                    + " are immutable and thread-safe; share one\nper {@link $T}.\n",
                plan.record(),
                plan.model().qualifiedTable(),
                version.column(),
                STALE,
                DSL_CONTEXT);
    injection.annotateType(type);
    if (plan.model().usesDeprecated()) {
      // The record or a type it uses is deprecated; the user chose that, the generated code
      // cannot avoid naming it.
      type.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "deprecation", "removal")
              .build());
    }
    constants.addConstants(type);
    type.addField(DSL_CONTEXT, "dsl", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(RETRY_POLICY, "retry", Modifier.PRIVATE, Modifier.FINAL);
    addConstructors(type);
    // Public methods in the order of docs/generated-repository.md's member table; each concern's
    // private methods follow, in the same order.
    Members members = new Members();
    inserts.addMembers(members);
    reads.addFinds(members);
    updates.addMembers(members);
    unchecked.addOverwrite(members);
    modify.addMembers(members);
    batches.addUpdateAll(members);
    deletes.addMembers(members);
    batches.addDeleteAll(members);
    unchecked.addDeleteById(members);
    unchecked.addCounters(members);
    touch.addMembers(members);
    reads.addFindForUpdate(members);
    reads.addMappers(members);
    helpers.addMembers(members);
    members.addTo(type);
    constants.addTypes(type);
    type.addType(new StatementWriter(parts).sqlClass());
    new ParentTouchWriter(plan.model(), plan.touches()).addMembers(type);
    return type.build();
  }

  private void addConstructors(TypeSpec.Builder type) {
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
  }
}
