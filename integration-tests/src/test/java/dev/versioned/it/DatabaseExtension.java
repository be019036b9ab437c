package dev.versioned.it;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The runner behind {@link DatabaseTest}. */
final class DatabaseExtension implements TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DatabaseExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(DatabaseTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    DatabaseTest annotation = method.getAnnotation(DatabaseTest.class);
    List<String> only = Arrays.asList(annotation.only());
    List<TestTemplateInvocationContext> runs = new ArrayList<>();
    for (TestDatabase database : TestDatabase.selected()) {
      if (!only.isEmpty() && !only.contains(database.label)) {
        continue;
      }
      runs.add(new Run(method.getName(), database, false));
      if (annotation.alsoHidingRowCounts()) {
        runs.add(new Run(method.getName(), database, true));
      }
    }
    return runs.stream();
  }

  /** One run of a test method on one database. */
  private static final class Run implements TestTemplateInvocationContext {
    private final String name;
    private final TestDatabase database;
    private final boolean hideRowCounts;

    Run(String name, TestDatabase database, boolean hideRowCounts) {
      this.name = name;
      this.database = database;
      this.hideRowCounts = hideRowCounts;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + database.label + (hideRowCounts ? ", SUCCESS_NO_INFO" : "") + "] " + name;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      BeforeEachCallback available = context -> database.assumeAvailable();
      ParameterResolver resolver =
          new ParameterResolver() {
            @Override
            public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
              Class<?> type = p.getParameter().getType();
              return type == Db.class || type == TestDatabase.class;
            }

            @Override
            public Object resolveParameter(ParameterContext p, ExtensionContext e) {
              if (p.getParameter().getType() == TestDatabase.class) {
                return database;
              }
              return e.getStore(NAMESPACE)
                  .getOrComputeIfAbsent(
                      "db",
                      key -> new Db(database, database.cleanLocation(), hideRowCounts),
                      Db.class);
            }
          };
      return List.of(available, resolver);
    }
  }
}
