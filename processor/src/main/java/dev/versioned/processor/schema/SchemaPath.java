package dev.versioned.processor.schema;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Resolves {@code -Aversioned.schema}. An absolute path is taken as it is. A relative path is
 * resolved against, in order, until one exists:
 *
 * <ol>
 *   <li>the project directory: the nearest folder above javac's class output (then above its
 *       generated-source output) that holds a {@code pom.xml}, {@code build.gradle}, {@code
 *       build.gradle.kts}, {@code settings.gradle} or {@code settings.gradle.kts}. Under Maven
 *       that is the module's {@code ${project.basedir}} ({@code target/classes} is below it),
 *       under Gradle the subproject's folder ({@code build/classes/java/main} is below it), wherever
 *       the build was started from;
 *   <li>the working directory of javac's JVM ({@code user.dir}).
 * </ol>
 */
final class SchemaPath {
  private static final String[] BUILD_FILES = {
    "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"
  };

  private SchemaPath() {}

  /**
   * The folders a relative path is tried against, in order.
   *
   * @param filer javac's filer, to find the output folders
   * @return the candidate base folders, without duplicates
   */
  static List<Path> bases(Filer filer) {
    Set<Path> bases = new LinkedHashSet<>();
    for (JavaFileManager.Location location :
        List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_OUTPUT)) {
      Path project = projectDirectory(filer, location);
      if (project != null) {
        bases.add(project);
      }
    }
    bases.add(Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath().normalize());
    return new ArrayList<>(bases);
  }

  /**
   * The paths tried for an option value, in order.
   *
   * @param value the option's value
   * @param bases the folders to resolve a relative value against
   * @return the absolute candidates
   */
  static List<Path> candidates(String value, List<Path> bases) {
    Path path = Paths.get(value);
    if (path.isAbsolute()) {
      return List.of(path.normalize());
    }
    List<Path> candidates = new ArrayList<>();
    for (Path base : bases) {
      candidates.add(base.resolve(path).normalize());
    }
    return candidates;
  }

  /**
   * The first candidate that exists.
   *
   * @param candidates the candidates, in order
   * @return the path, or null when none exists
   */
  static Path firstExisting(List<Path> candidates) {
    for (Path candidate : candidates) {
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path projectDirectory(Filer filer, JavaFileManager.Location location) {
    try {
      FileObject probe = filer.getResource(location, "", "versioned-schema.probe");
      URI uri = probe.toUri();
      if (!"file".equals(uri.getScheme())) {
        return null;
      }
      for (Path dir = Paths.get(uri).getParent(); dir != null; dir = dir.getParent()) {
        for (String buildFile : BUILD_FILES) {
          if (Files.isRegularFile(dir.resolve(buildFile))) {
            return dir.toAbsolutePath().normalize();
          }
        }
      }
    } catch (Exception | LinkageError e) {
      // No output folder on disk (an in-memory compilation): fall back to the working directory.
    }
    return null;
  }
}
