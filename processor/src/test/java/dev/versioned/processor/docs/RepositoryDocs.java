package dev.versioned.processor.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository's Markdown files, found from the processor module's directory. */
final class RepositoryDocs {
  private RepositoryDocs() {}

  /**
   * The root of the repository: the parent of the processor module ({@code basedir}, which
   * surefire sets; the working directory otherwise).
   *
   * @return the root folder
   */
  static Path root() {
    Path module =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize();
    return module.getParent();
  }

  /**
   * Every Markdown file of the repository outside build output and version control.
   *
   * @return the files, sorted
   * @throws IOException when the tree cannot be read
   */
  static List<Path> markdownFiles() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".md"))
          .filter(file -> !ignored(root.relativize(file)))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean ignored(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
