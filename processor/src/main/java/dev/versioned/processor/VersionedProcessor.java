package dev.versioned.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.versioned.processor.options.ProcessorOptions;
import dev.versioned.processor.reader.Deferred;
import dev.versioned.processor.reader.RecordReader;
import dev.versioned.processor.reader.TouchReader;
import dev.versioned.processor.schema.SchemaChecker;
import dev.versioned.processor.validator.LocalTypeScanner;
import dev.versioned.processor.validator.RecordValidator;
import dev.versioned.processor.validator.TouchValidator;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import dev.versioned.processor.writer.RepositoryWriter;
import dev.versioned.processor.writer.SourceFileGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Writes a repository for each {@code @Versioned} record: read (Elements to model), validate
 * (diagnostics), write (JavaPoet). A mistake in one record stops that record only; a record that
 * uses a type not generated yet is read again in the next round. {@link #process} never throws.
 */
@AutoService(Processor.class)
public final class VersionedProcessor extends AbstractProcessor {
  /** Records deferred to the next round, by qualified name, with the type they wait for. */
  private final Map<String, String> deferred = new LinkedHashMap<>();

  private Reporter reporter;
  private RecordReader reader;
  private RecordValidator validator;
  private TouchReader touchReader;
  private TouchValidator touchValidator;
  private SourceFileGenerator generator;
  private ProcessorOptions options;
  /** Loaded with the first record that needs it; null without {@code -Aversioned.schema}. */
  private SchemaChecker schemaChecker;

  private boolean schemaLoaded;
  /** Finds local {@code @Versioned} classes; null without javac's tree API. */
  private LocalTypeScanner localTypes;

  /** Creates the processor; javac calls {@link #init} next. */
  public VersionedProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    Trees trees = treesOf(env);
    reader = new RecordReader(env.getTypeUtils(), trees);
    validator = new RecordValidator(reporter);
    touchReader = new TouchReader(reader);
    touchValidator = new TouchValidator(reporter);
    generator = new SourceFileGenerator(env.getFiler());
    options = ProcessorOptions.read(env.getOptions(), reporter);
    localTypes = trees == null ? null : new LocalTypeScanner(trees, reporter);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.NAMES;
  }

  /** The schema checker, loaded once per compilation; null when there is no schema to check. */
  private SchemaChecker schemaChecker() {
    if (!schemaLoaded) {
      schemaLoaded = true;
      if (options.schema() != null) {
        try {
          schemaChecker =
              SchemaChecker.load(
                  options.schema(),
                  options.dialect(),
                  options.placeholders(),
                  options.schemaCache(),
                  processingEnv.getFiler(),
                  reporter);
        } catch (Exception | Error e) {
          reporter.reportGlobal(Message.SCHEMA_READ, options.schema(), e);
        }
      }
    }
    return schemaChecker;
  }

  /**
   * javac's tree API, or null when it is not available: another compiler, or an environment wrapped
   * by a build tool (Gradle's incremental processing). Without it local records go unreported and
   * an unresolved {@code @Convert} class is described rather than named.
   */
  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /**
   * {@code dev.versioned.Versioned}, or {@code "*"} when local classes can be scanned: a local
   * class is never an element of a round, so for a file whose only {@code @Versioned} sits on a
   * local record javac would not call {@link #process} at all. The processor claims nothing either
   * way ({@link #process} returns false).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return localTypes == null ? Set.of(RecordReader.VERSIONED) : Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    scanForLocalTypes(round);
    List<TypeElement> todo = new ArrayList<>();
    for (String name : deferred.keySet()) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        todo.add(element);
      }
    }
    deferred.clear();
    TypeElement versioned = processingEnv.getElementUtils().getTypeElement(RecordReader.VERSIONED);
    if (versioned != null) {
      for (Element element : round.getElementsAnnotatedWith(versioned)) {
        if (element instanceof TypeElement && !todo.contains(element)) {
          todo.add((TypeElement) element);
        }
      }
    }
    if (!todo.isEmpty()) {
      schemaChecker(); // before any record, so a schema error is no record's error
    }
    for (TypeElement element : todo) {
      processRecord(element);
    }
    if (round.processingOver()) {
      for (Map.Entry<String, String> entry : deferred.entrySet()) {
        TypeElement element = processingEnv.getElementUtils().getTypeElement(entry.getKey());
        reporter.report(
            Message.UNRESOLVED_TYPE,
            element,
            element == null ? entry.getKey() : element.getSimpleName(),
            entry.getValue());
      }
      deferred.clear();
    }
    return false;
  }

  /** Reports {@code @Versioned} local classes, which no round offers as elements. */
  private void scanForLocalTypes(RoundEnvironment round) {
    if (localTypes == null) {
      return;
    }
    Set<CompilationUnitTree> scanned = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element root : round.getRootElements()) {
      try {
        TreePath path = localTypes.pathOf(root);
        if (path != null && scanned.add(path.getCompilationUnit())) {
          localTypes.scan(path.getCompilationUnit());
        }
      } catch (RuntimeException e) {
        reporter.report(Message.INTERNAL_ERROR, root, root.getSimpleName(), e);
      }
    }
  }

  private void processRecord(TypeElement element) {
    int errorsBefore = reporter.errorCount();
    try {
      if (!validator.checkDeclaration(element)) {
        return;
      }
      RecordModel model;
      List<TouchTarget> touches;
      try {
        model = reader.read(element);
        touches = touchReader.read(model);
      } catch (Deferred missing) {
        deferred.put(element.getQualifiedName().toString(), missing.missingType());
        return;
      }
      validator.validate(model);
      if (reporter.errorCount() == errorsBefore) {
        touchValidator.validate(model, touches);
      }
      if (reporter.errorCount() > errorsBefore) {
        return;
      }
      SchemaChecker schema = schemaChecker();
      if (schema != null) {
        schema.check(model);
        schema.checkTouches(model, touches);
        if (reporter.errorCount() > errorsBefore) {
          return;
        }
      }
      generator.write(
          model.repositoryName().packageName(),
          new RepositoryWriter(model, options.injection(), touches).write(),
          element);
    } catch (Exception | Error e) {
      // No stack trace reaches the user: one error at the record, naming the failure.
      reporter.report(Message.INTERNAL_ERROR, element, element.getSimpleName(), e);
    }
  }
}
