package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * The processor's registrations, as packaged from the module's classes: javac finds it through
 * {@code META-INF/services} (written by AutoService) and Gradle treats it as isolating
 * ({@code META-INF/gradle/incremental.annotation.processors}, README.md, Setup).
 */
class RegistrationTest {
  private static final String PROCESSOR = "dev.versioned.processor.VersionedProcessor";

  @Test
  void javacFindsTheProcessorThroughServiceLoader() {
    List<String> found = new ArrayList<>();
    for (Processor processor : ServiceLoader.load(Processor.class)) {
      found.add(processor.getClass().getName());
    }
    assertThat(found).contains(PROCESSOR);
  }

  @Test
  void serviceFileIsInTheModulesClasses() throws IOException {
    assertThat(linesOfOurResource("META-INF/services/javax.annotation.processing.Processor"))
        .containsExactly(PROCESSOR);
  }

  @Test
  void gradleIncrementalRegistrationDeclaresAnIsolatingProcessor() throws IOException {
    assertThat(linesOfOurResource("META-INF/gradle/incremental.annotation.processors"))
        .containsExactly(PROCESSOR + ",isolating");
  }

  @Test
  void registeredProcessorIsAPublicClassWithAPublicNoArgumentConstructor() throws Exception {
    Class<?> type = Class.forName(PROCESSOR);
    assertThat(java.lang.reflect.Modifier.isPublic(type.getModifiers())).isTrue();
    assertThat(type.getConstructor().newInstance()).isInstanceOf(Processor.class);
  }

  /**
   * The non-blank, non-comment lines of the copy of a resource that sits in this module's classes
   * (not one from another jar on the class path).
   */
  private static List<String> linesOfOurResource(String name) throws IOException {
    URL classes =
        VersionedProcessor.class.getProtectionDomain().getCodeSource().getLocation();
    List<URL> ours = new ArrayList<>();
    for (URL url : Collections.list(RegistrationTest.class.getClassLoader().getResources(name))) {
      if (url.toString().startsWith(classes.toString())
          || url.toString().startsWith("jar:" + classes)) {
        ours.add(url);
      }
    }
    assertThat(ours).hasSize(1);
    List<String> lines = new ArrayList<>();
    try (InputStream in = ours.get(0).openStream()) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.trim();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
    }
    return lines;
  }
}
