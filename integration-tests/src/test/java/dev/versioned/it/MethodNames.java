package dev.versioned.it;

import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a test by its method name alone, without the parameter types that {@link Db}-taking
 * methods would show; a {@link DatabaseTest} run is then {@code [postgres] methodName}. Set as the
 * default in {@code junit-platform.properties}.
 */
public final class MethodNames extends DisplayNameGenerator.Standard {
  @Override
  public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
    return testMethod.getName();
  }
}
