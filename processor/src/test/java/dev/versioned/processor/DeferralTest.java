package dev.versioned.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A record may use a type that another processor generates in a later round: the record is read
 * again in the next round, and gets its repository as if the type had been written by hand.
 */
class DeferralTest {
  private static final String STATUS =
      String.join("\n", "package p.gen;", "", "public enum Status { OPEN, DONE }", "");

  private static final String MONEY_CONVERTER =
      String.join(
          "\n",
          "package p.gen;",
          "",
          "public final class MoneyConverter",
          "    extends org.jooq.impl.AbstractConverter<String, p.Money> {",
          "  public MoneyConverter() {",
          "    super(String.class, p.Money.class);",
          "  }",
          "",
          "  @Override",
          "  public p.Money from(String text) {",
          "    return text == null ? null : new p.Money(text);",
          "  }",
          "",
          "  @Override",
          "  public String to(p.Money money) {",
          "    return money == null ? null : money.text();",
          "  }",
          "}",
          "");

  @Test
  void componentOfAnEnumGeneratedInALaterRound() {
    JavaFileObject task =
        source(
            "p.Task",
            "import p.gen.Status;",
            "@Versioned",
            "public record Task(",
            "    long id,",
            "    Status status,",
            "    long lockVersion) {}");
    Compilation compilation =
        compile(List.of(), List.of(new GeneratingProcessor("p.gen.Status", STATUS)), task);
    assertThat(compilation).succeededWithoutWarnings();
    // Mapped as an enum (stored by name), which the reader could only see once Status existed.
    assertThat(compilation)
        .generatedSourceFile("p.TaskRepository")
        .contentsAsUtf8String()
        .contains("Status::valueOf");
  }

  @Test
  void converterGeneratedInALaterRound() {
    JavaFileObject money = source("p.Money", "public record Money(String text) {}");
    JavaFileObject invoice =
        source(
            "p.Invoice",
            "@Versioned",
            "public record Invoice(",
            "    long id,",
            "    @Convert(p.gen.MoneyConverter.class) Money total,",
            "    long lockVersion) {}");
    Compilation compilation =
        compile(
            List.of(),
            List.of(new GeneratingProcessor("p.gen.MoneyConverter", MONEY_CONVERTER)),
            money,
            invoice);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.InvoiceRepository")
        .contentsAsUtf8String()
        .contains("new MoneyConverter()");
  }

  @Test
  void recordGeneratedByAnotherProcessor() {
    String record =
        String.join(
            "\n",
            "package p.gen;",
            "",
            "@dev.versioned.Versioned",
            "public record Generated(long id, String name, long lockVersion) {}",
            "");
    JavaFileObject trigger = source("p.Trigger", "final class Trigger {}");
    Compilation compilation =
        compile(List.of(), List.of(new GeneratingProcessor("p.gen.Generated", record)), trigger);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.gen.GeneratedRepository");
  }

  @Test
  void recordWaitingForATypeDoesNotHoldBackTheOthers() {
    JavaFileObject task =
        source(
            "p.Task",
            "@Versioned",
            "public record Task(",
            "    long id,",
            "    p.gen.Status status,",
            "    long lockVersion) {}");
    JavaFileObject note =
        source(
            "p.Note", "@Versioned", "public record Note(", "    long id,", "    long lockVersion) {}");
    Compilation compilation =
        compile(List.of(), List.of(new GeneratingProcessor("p.gen.Status", STATUS)), task, note);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.TaskRepository");
    assertThat(compilation).generatedSourceFile("p.NoteRepository");
  }
}
