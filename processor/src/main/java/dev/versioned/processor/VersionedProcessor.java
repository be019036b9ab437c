package dev.versioned.processor;

import com.google.auto.service.AutoService;
import dev.versioned.processor.options.ProcessorOptions;
import dev.versioned.processor.reader.Deferred;
import dev.versioned.processor.reader.RecordReader;
import dev.versioned.processor.schema.SchemaChecker;
import dev.versioned.processor.validator.RecordValidator;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.writer.RepositoryWriter;
import dev.versioned.processor.writer.SourceFileGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Writes a repository for each {@code @Versioned} record: read (Elements to model), validate
 * (diagnostics), write (JavaPoet). A mistake in one record stops that record only; a record that
 * uses a type not generated yet is read again in the next round. {@link #process} never throws.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes(RecordReader.VERSIONED)
public final class VersionedProcessor extends AbstractProcessor {
  /** Records deferred to the next round, by qualified name, with the type they wait for. */
  private final Map<String, String> deferred = new LinkedHashMap<>();

  private Reporter reporter;
  private RecordReader reader;
  private RecordValidator validator;
  private SourceFileGenerator generator;
  private ProcessorOptions options;
  /** Loaded with the first record that needs it; null without {@code -Aversioned.schema}. */
  private SchemaChecker schemaChecker;

  private boolean schemaLoaded;

  /** Creates the processor; javac calls {@link #init} next. */
  public VersionedProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    reader = new RecordReader(env.getTypeUtils());
    validator = new RecordValidator(reporter);
    generator = new SourceFileGenerator(env.getFiler());
    options = ProcessorOptions.read(env.getOptions(), reporter);
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
                  options.schema(), options.dialect(), processingEnv.getFiler(), reporter);
        } catch (Exception | Error e) {
          reporter.reportGlobal(Message.SCHEMA_READ, options.schema(), e);
        }
      }
    }
    return schemaChecker;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
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

  private void processRecord(TypeElement element) {
    int errorsBefore = reporter.errorCount();
    try {
      if (!validator.checkDeclaration(element)) {
        return;
      }
      RecordModel model;
      try {
        model = reader.read(element);
      } catch (Deferred missing) {
        deferred.put(element.getQualifiedName().toString(), missing.missingType());
        return;
      }
      validator.validate(model);
      if (reporter.errorCount() > errorsBefore) {
        return;
      }
      SchemaChecker schema = schemaChecker();
      if (schema != null) {
        schema.check(model);
        if (reporter.errorCount() > errorsBefore) {
          return;
        }
      }
      generator.write(
          model.repositoryName().packageName(),
          new RepositoryWriter(model, options.injection()).write(),
          element);
    } catch (Exception | Error e) {
      // No stack trace reaches the user: one error at the record, naming the failure.
      reporter.report(Message.INTERNAL_ERROR, element, element.getSimpleName(), e);
    }
  }
}
