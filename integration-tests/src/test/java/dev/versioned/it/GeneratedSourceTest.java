package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/generated-repository.md, Semantics 4.13: the generated repositories use no reflection; and
 * they carry @Generated.
 */
class GeneratedSourceTest {
  private static final Path GENERATED =
      Path.of("target", "generated-sources", "annotations", "dev", "versioned", "it");
  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("java\\.lang\\.reflect"),
          Pattern.compile("Class\\.forName"),
          Pattern.compile("\\.into\\(\\s*[A-Za-z_.]+\\.class\\s*\\)"),
          Pattern.compile("fetchInto\\("),
          Pattern.compile("DefaultRecordMapper"),
          Pattern.compile("getDeclared(Field|Method|Constructor)"),
          Pattern.compile("\\.newInstance\\("));

  private static List<Path> repositories() throws IOException {
    try (Stream<Path> files = Files.list(GENERATED)) {
      return files.filter(p -> p.toString().endsWith("Repository.java")).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void everyRecordHasARepository() throws IOException {
    assertEquals(
        List.of("AccountRepository.java", "EverythingRepository.java", "LocalStampRepository.java",
            "MembershipRepository.java", "OffsetStampRepository.java", "OrderRepository.java",
            "ParcelRepository.java", "PostRepository.java", "PurchaseLineRepository.java",
            "PurchaseRepository.java", "ShipmentRepository.java", "StampRepository.java",
            "StampedLineRepository.java"),
        repositories().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
  }

  @Test
  void noReflectionInGeneratedCode() throws IOException {
    for (Path file : repositories()) {
      String source = Files.readString(file);
      for (Pattern forbidden : FORBIDDEN) {
        assertFalse(forbidden.matcher(source).find(), file + " contains " + forbidden);
      }
      assertTrue(source.contains("@Generated(\"dev.versioned.processor.VersionedProcessor\")"), file.toString());
      assertFalse(source.matches("(?s).*date\\s*=.*"), file + " has a date in @Generated");
    }
  }
}
