package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Liquibase changelogs that the schema check does not read: XML, YAML and JSON ones.
 * Their changes are Liquibase's own change types, not SQL, and the order of their files is the
 * changelog's, not the folder's: checking records against only the SQL files beside them would
 * report tables as missing that the changelog creates. So such a changelog is one clear error, and
 * the records are generated unchecked. Formatted-SQL changelogs ({@code --liquibase formatted
 * sql}) are read ({@link SqlScript}).
 */
final class Changelogs {
  private static final List<String> EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json");

  private Changelogs() {}

  /**
   * Fails when a location is, or a folder holds, a changelog that is not formatted SQL.
   *
   * @param roots the resolved locations
   * @throws SchemaException naming the first such changelog
   * @throws IOException when a folder cannot be read
   */
  static void rejectUnsupported(List<Path> roots) throws SchemaException, IOException {
    for (Path root : roots) {
      Optional<Path> found;
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          found = walk.filter(Files::isRegularFile).filter(Changelogs::isChangelog).findFirst();
        }
      } else {
        found = isChangelog(root) ? Optional.of(root) : Optional.empty();
      }
      if (found.isPresent()) {
        Path file = found.get();
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        throw new SchemaException(
            Message.SCHEMA_CHANGELOG, file, format.equals("YML") ? "YAML" : format);
      }
    }
  }

  private static boolean isChangelog(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
      return false;
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
      return head.contains("databaseChangeLog");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
