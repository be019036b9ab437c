package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.DSL_CONTEXT;
import static dev.versioned.processor.writer.TypeNames.OBJECTS;
import static dev.versioned.processor.writer.TypeNames.RETRY_POLICY;
import static dev.versioned.processor.writer.TypeNames.STALE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.versioned.processor.plan.RepositoryPlan;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.List;
import javax.lang.model.element.Modifier;

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
    // The member order, declared here alone: the public methods in the order of the member table
    // of docs/generated-repository.md, each with its private part; Members puts every public one
    // first.
    Members members = new Members();
    members.add(inserts.insert(), inserts.insertWith(), inserts.insertAll());
    members.add(reads.findById(), reads.find());
    members.add(reads.findAll(), reads.findAllWhere(), reads.count());
    members.add(updates.update(), updates.updateWith());
    members.add(updates.updateChanged(), updates.updateChangedWith());
    if (plan.cachesUpdateChanged()) {
      members.add(updates.changedColumns());
    }
    members.add(unchecked.overwrite());
    members.add(modify.modify(), modify.modifyOnce());
    members.add(batches.updateAll());
    members.add(deletes.delete(), deletes.deleteWith());
    members.add(batches.deleteAll());
    members.add(unchecked.deleteById());
    for (ComponentModel c : plan.components()) {
      if (c.counter() != null) {
        members.add(unchecked.increment(c));
      }
    }
    members.add(touch.touch(), touch.touchWith());
    members.add(reads.findByIdForUpdate(), reads.findForUpdate());
    members.add(reads.fromRecord());
    if (plan.readsDirectly()) {
      members.add(reads.readRow());
    }
    // The helpers that several writes share.
    members.add(helpers.keyCondition(), helpers.recordKey());
    if (!plan.cachesUpdateChanged()) {
      // Only the uncached updateChanged builds its version predicate with jOOQ.
      members.add(helpers.versionCondition());
    }
    if (plan.kind().timestamp()) {
      // The new version is computed in Java, bound, and returned.
      members.add(new TimestampVersionWriter(plan.model()).nextVersion());
    } else {
      if (!version.primitive()) {
        members.add(helpers.nextVersionField());
      }
      members.add(helpers.nextVersion());
    }
    members.add(helpers.withVersion(), helpers.keyValues(), helpers.recordKeyValues());
    members.add(helpers.sameKey());
    if (plan.hasBoxedKey()) {
      members.add(helpers.checkKey());
    }
    if (!plan.kind().timestamp()) {
      // A timestamp version never overflows.
      members.add(helpers.checkOverflow());
    }
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
