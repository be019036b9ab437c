package dev.versioned.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs {@link VersionedProcessor} in a wrapped {@link ProcessingEnvironment}, as Gradle's
 * incremental processing does, and records the originating elements of every source file it
 * creates. In a wrapped environment javac's tree API is not available, so this also checks that
 * the processor does without it.
 */
final class ForwardingEnvironment implements Processor {
  /** A created source file: its name and originating elements. */
  record Created(String name, List<Element> originatingElements) {}

  private final VersionedProcessor delegate = new VersionedProcessor();
  final List<Created> created = new ArrayList<>();

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    Filer filer = env.getFiler();
    Filer recording =
        new Filer() {
          @Override
          public JavaFileObject createSourceFile(CharSequence name, Element... originating)
              throws IOException {
            created.add(new Created(name.toString(), List.of(originating)));
            return filer.createSourceFile(name, originating);
          }

          @Override
          public JavaFileObject createClassFile(CharSequence name, Element... originating)
              throws IOException {
            return filer.createClassFile(name, originating);
          }

          @Override
          public FileObject createResource(
              JavaFileManager.Location location,
              CharSequence moduleAndPkg,
              CharSequence relativeName,
              Element... originating)
              throws IOException {
            return filer.createResource(location, moduleAndPkg, relativeName, originating);
          }

          @Override
          public FileObject getResource(
              JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence name)
              throws IOException {
            return filer.getResource(location, moduleAndPkg, name);
          }
        };
    delegate.init(
        new ProcessingEnvironment() {
          @Override
          public Map<String, String> getOptions() {
            return env.getOptions();
          }

          @Override
          public Messager getMessager() {
            return env.getMessager();
          }

          @Override
          public Filer getFiler() {
            return recording;
          }

          @Override
          public Elements getElementUtils() {
            return env.getElementUtils();
          }

          @Override
          public Types getTypeUtils() {
            return env.getTypeUtils();
          }

          @Override
          public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
          }

          @Override
          public Locale getLocale() {
            return env.getLocale();
          }
        });
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
