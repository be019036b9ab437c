package dev.versioned.processor.validator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

/**
 * The search that decides whether a compilation unit is walked for local classes. The diagnostics
 * for local classes themselves are tested at their lines in {@code RecordShapeDiagnosticsTest}.
 */
class LocalTypeScannerTest {

  @Test
  void findsAWordAnywhereInTheText() {
    assertTrue(LocalTypeScanner.contains("Versioned", "Versioned"));
    assertTrue(LocalTypeScanner.contains("@Versioned record R", "Versioned"));
    assertTrue(LocalTypeScanner.contains("import dev.versioned.Versioned;", "Versioned"));
    assertTrue(LocalTypeScanner.contains("VVersioned", "Versioned"));
    assertTrue(LocalTypeScanner.contains(CharBuffer.wrap("x = \"\\u0041\";"), "\\u"));
  }

  @Test
  void anAbsentOrCutWordIsNotFound() {
    assertFalse(LocalTypeScanner.contains("", "Versioned"));
    assertFalse(LocalTypeScanner.contains("Versione", "Versioned"));
    assertFalse(LocalTypeScanner.contains("import dev.versioned.*;", "Versioned"));
    assertFalse(LocalTypeScanner.contains(CharBuffer.wrap("class Plain {}"), "Versioned"));
  }
}
