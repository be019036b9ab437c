package dev.versioned.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.versioned.processor.TestCompiler.compile;
import static dev.versioned.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.JavaFileObject;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The public surface of a generated repository is exactly the members of
 * docs/generated-repository.md: every member with its exact signature, and nothing else public. The
 * generated class is inspected through javac's {@code Elements} by {@link MemberLister}, a
 * processor that runs in the round where the generated source is compiled.
 */
class PublicApiTest {
  static {
    // tableCarriesTheTypedFields runs jOOQ: keep its banner out of the build log.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  @Test
  void singleKeyRepository() {
    JavaFileObject post =
        source(
            "p.Post",
            "@Versioned",
            "public record Post(",
            "    long id,",
            "    String title,",
            "    @Counter int views,",
            "    int lockVersion) {}");
    MemberLister lister = new MemberLister("p.PostRepository");
    Compilation compilation = compile(List.of(), List.of(lister), post);
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(lister.typeSignature()).isEqualTo("public final class p.PostRepository");
    assertThat(lister.publicMembers())
        .containsExactly(
            "public static final org.jooq.Table<org.jooq.Record> TABLE",
            "public static final org.jooq.Field<java.lang.Long> ID",
            "public static final org.jooq.Field<java.lang.String> TITLE",
            "public static final org.jooq.Field<java.lang.Integer> VIEWS",
            "public static final org.jooq.Field<java.lang.Integer> LOCK_VERSION",
            "public PostRepository(org.jooq.DSLContext dsl)",
            "public PostRepository(org.jooq.DSLContext dsl, dev.versioned.RetryPolicy retry)",
            "public p.Post insert(p.Post record)",
            "public java.util.List<p.Post> insertAll(java.util.Collection<p.Post> records)",
            "public java.util.Optional<p.Post> findById(long id)",
            "public java.util.Optional<p.Post> findByIdForUpdate(long id)",
            "public java.util.List<p.Post> findAll()",
            "public java.util.List<p.Post> findAll(org.jooq.Condition where)",
            "public long count()",
            "public p.Post update(p.Post record)",
            "public p.Post updateChanged(p.Post original, p.Post changed)",
            "public p.Post overwrite(p.Post record)",
            "public p.Post modify(long id, java.util.function.UnaryOperator<p.Post> change)",
            "public java.util.List<p.Post> updateAll(java.util.List<p.Post> records)",
            "public void delete(p.Post record)",
            "public void deleteAll(java.util.List<p.Post> records)",
            "public boolean deleteById(long id)",
            "public boolean incrementViews(long id, int delta)",
            "public p.Post touch(p.Post record)",
            "public static p.Post fromRecord(org.jooq.Record record)");
  }

  @Test
  void compositeKeyRepository() {
    JavaFileObject line =
        source(
            "p.OrderLine",
            "@Versioned",
            "public record OrderLine(",
            "    @Id Long orderId,",
            "    @Id int lineNo,",
            "    @Counter Long quantity,",
            "    @Counter java.math.BigDecimal total,",
            "    @Counter Short returns,",
            "    byte[] receipt,",
            "    @Version Long revision) {}");
    MemberLister lister = new MemberLister("p.OrderLineRepository");
    Compilation compilation = compile(List.of(), List.of(lister), line);
    assertThat(compilation).succeededWithoutWarnings();

    String key = "java.lang.Long orderId, int lineNo";
    assertThat(lister.publicMembers())
        .containsExactly(
            "public static final org.jooq.Table<org.jooq.Record> TABLE",
            "public static final org.jooq.Field<java.lang.Long> ORDER_ID",
            "public static final org.jooq.Field<java.lang.Integer> LINE_NO",
            "public static final org.jooq.Field<java.lang.Long> QUANTITY",
            "public static final org.jooq.Field<java.math.BigDecimal> TOTAL",
            "public static final org.jooq.Field<java.lang.Short> RETURNS",
            "public static final org.jooq.Field<byte[]> RECEIPT",
            "public static final org.jooq.Field<java.lang.Long> REVISION",
            "public OrderLineRepository(org.jooq.DSLContext dsl)",
            "public OrderLineRepository(org.jooq.DSLContext dsl, dev.versioned.RetryPolicy retry)",
            "public p.OrderLine insert(p.OrderLine record)",
            "public java.util.List<p.OrderLine> insertAll("
                + "java.util.Collection<p.OrderLine> records)",
            "public java.util.Optional<p.OrderLine> findById(" + key + ")",
            "public java.util.Optional<p.OrderLine> findByIdForUpdate(" + key + ")",
            "public java.util.List<p.OrderLine> findAll()",
            "public java.util.List<p.OrderLine> findAll(org.jooq.Condition where)",
            "public long count()",
            "public p.OrderLine update(p.OrderLine record)",
            "public p.OrderLine updateChanged(p.OrderLine original, p.OrderLine changed)",
            "public p.OrderLine overwrite(p.OrderLine record)",
            "public p.OrderLine modify("
                + key
                + ", java.util.function.UnaryOperator<p.OrderLine> change)",
            "public java.util.List<p.OrderLine> updateAll(java.util.List<p.OrderLine> records)",
            "public void delete(p.OrderLine record)",
            "public void deleteAll(java.util.List<p.OrderLine> records)",
            "public boolean deleteById(" + key + ")",
            "public p.OrderLine touch(p.OrderLine record)",
            // delta has the component's primitive type (a BigDecimal has none)
            "public boolean incrementQuantity(" + key + ", long delta)",
            "public boolean incrementTotal(" + key + ", java.math.BigDecimal delta)",
            "public boolean incrementReturns(" + key + ", short delta)",
            "public static p.OrderLine fromRecord(org.jooq.Record record)");
  }

  @Test
  void nestedRecordRepositoryIsTopLevelInThePackage() {
    JavaFileObject outer =
        source(
            "p.Outer",
            "public class Outer {",
            "  @Versioned",
            "  public record Inner(",
            "      long id,",
            "      long lockVersion) {}",
            "}");
    MemberLister lister = new MemberLister("p.Outer_InnerRepository");
    Compilation compilation = compile(List.of(), List.of(lister), outer);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(lister.typeSignature()).isEqualTo("public final class p.Outer_InnerRepository");
    assertThat(lister.publicMembers()).contains("public p.Outer.Inner insert(p.Outer.Inner record)");
    assertThat(lister.publicMembers())
        .contains("public static p.Outer.Inner fromRecord(org.jooq.Record record)");
  }

  @Test
  void tableCarriesTheTypedFields() throws Exception {
    JavaFileObject line =
        source(
            "p.OrderLine",
            "@Versioned(table = \"order_line\", schema = \"shop\")",
            "public record OrderLine(",
            "    @Id long orderId,",
            "    @Id @Column(\"line\") Integer lineNo,",
            "    String product,",
            "    @Counter int quantity,",
            "    int lockVersion) {}");
    Compilation compilation = compile(line);
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> repository = new CompiledClassLoader(compilation).loadClass("p.OrderLineRepository");

    Table<?> table = (Table<?>) repository.getField("TABLE").get(null);
    assertThat(table.getName()).isEqualTo("order_line");
    assertThat(table.getSchema().getName()).isEqualTo("shop");
    assertThat(Stream.of(table.fields()).map(Field::getName))
        .containsExactly("order_id", "line", "product", "quantity", "lock_version")
        .inOrder();
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (String constant : List.of("ORDER_ID", "LINE_NO", "PRODUCT", "QUANTITY", "LOCK_VERSION")) {
      Field<?> field = (Field<?>) repository.getField(constant).get(null);
      // The constants are the table's own fields, not look-alikes.
      assertThat(table.field(field.getName())).isSameInstanceAs(field);
      types.put(constant, field.getType());
      // Primitive components are NOT NULL, reference components nullable (docs/annotations.md,
      // Mapped types).
      boolean primitive = !constant.equals("LINE_NO") && !constant.equals("PRODUCT");
      assertThat(field.getDataType().nullable()).isEqualTo(!primitive);
    }
    assertThat(types)
        .containsExactly(
            "ORDER_ID", Long.class,
            "LINE_NO", Integer.class,
            "PRODUCT", String.class,
            "QUANTITY", Integer.class,
            "LOCK_VERSION", Integer.class);

    // fromRecord builds the record through its canonical constructor, from any jOOQ record.
    org.jooq.Record row = DSL.using(SQLDialect.DEFAULT).newRecord(table.fields());
    row.set(table.field("order_id", Long.class), 7L);
    row.set(table.field("line", Integer.class), 2);
    row.set(table.field("product", String.class), "tea");
    row.set(table.field("quantity", Integer.class), 3);
    row.set(table.field("lock_version", Integer.class), 4);
    Object record = repository.getMethod("fromRecord", org.jooq.Record.class).invoke(null, row);
    assertThat(record.toString())
        .isEqualTo("OrderLine[orderId=7, lineNo=2, product=tea, quantity=3, lockVersion=4]");
  }

  @Test
  void generatedSourceOriginatesFromItsRecordOnly() {
    JavaFileObject records =
        source(
            "p.Records",
            "final class Records {",
            "  @Versioned",
            "  record First(",
            "      long id,",
            "      long lockVersion) {}",
            "",
            "  @Versioned",
            "  record Second(",
            "      long id,",
            "      long lockVersion) {}",
            "}");
    ForwardingEnvironment processor = new ForwardingEnvironment();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(records);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.Records_FirstRepository");
    assertThat(compilation).generatedSourceFile("p.Records_SecondRepository");

    Map<String, List<String>> origins = new LinkedHashMap<>();
    for (ForwardingEnvironment.Created file : processor.created) {
      origins.put(
          file.name(),
          file.originatingElements().stream()
              .map(e -> ((TypeElement) e).getQualifiedName().toString())
              .collect(Collectors.toList()));
    }
    // One originating element each, the record itself (Gradle's isolating mode relies on it).
    assertThat(origins)
        .containsExactly(
            "p.Records_FirstRepository", List.of("p.Records.First"),
            "p.Records_SecondRepository", List.of("p.Records.Second"));
  }

  @Test
  void wrappedEnvironmentStillReportsDiagnostics() {
    // Without javac's tree API (as under Gradle) the processor still validates and reports.
    JavaFileObject file =
        source("p.Doc", "@Versioned", "public record Doc(", "    long id,", "    String text) {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new ForwardingEnvironment()).compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NO_VERSION.format("Doc"))
        .inFile(file)
        .onLineContaining("public record Doc(");
  }

  /**
   * Lists the public members of one generated type, by their signatures as javac sees them: the
   * modifiers, the type, the name and the parameters (with their names: key parameters are named
   * after the components), in declaration order.
   */
  static final class MemberLister extends AbstractProcessor {
    private final String typeName;
    private String typeSignature;
    private final List<String> members = new ArrayList<>();

    MemberLister(String typeName) {
      this.typeName = typeName;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (Element root : round.getRootElements()) {
        if (root instanceof TypeElement
            && ((TypeElement) root).getQualifiedName().contentEquals(typeName)) {
          read((TypeElement) root);
        }
      }
      return false;
    }

    private void read(TypeElement type) {
      assertThat(type.getNestingKind()).isEqualTo(NestingKind.TOP_LEVEL);
      typeSignature =
          modifiers(type.getModifiers())
              + " "
              + type.getKind().name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + type.getQualifiedName();
      for (Element member : type.getEnclosedElements()) {
        if (!member.getModifiers().contains(Modifier.PUBLIC)) {
          continue;
        }
        if (member.getKind() == ElementKind.FIELD) {
          VariableElement field = (VariableElement) member;
          members.add(
              modifiers(field.getModifiers())
                  + " "
                  + field.asType()
                  + " "
                  + field.getSimpleName());
        } else if (member.getKind() == ElementKind.CONSTRUCTOR) {
          ExecutableElement constructor = (ExecutableElement) member;
          members.add(
              modifiers(constructor.getModifiers())
                  + " "
                  + type.getSimpleName()
                  + parameters(constructor));
        } else if (member.getKind() == ElementKind.METHOD) {
          ExecutableElement method = (ExecutableElement) member;
          assertThat(method.getThrownTypes()).isEmpty();
          assertThat(method.getTypeParameters()).isEmpty();
          members.add(
              modifiers(method.getModifiers())
                  + " "
                  + method.getReturnType()
                  + " "
                  + method.getSimpleName()
                  + parameters(method));
        } else {
          members.add(member.getKind() + " " + member.getSimpleName());
        }
      }
    }

    private static String modifiers(Set<Modifier> modifiers) {
      // Modifier's declaration order is the order the JLS recommends.
      return modifiers.stream().sorted().map(Modifier::toString).collect(Collectors.joining(" "));
    }

    private static String parameters(ExecutableElement executable) {
      return executable.getParameters().stream()
          .map(p -> p.asType() + " " + p.getSimpleName())
          .collect(Collectors.joining(", ", "(", ")"));
    }

    String typeSignature() {
      assertThat(typeSignature).isNotNull();
      return typeSignature;
    }

    List<String> publicMembers() {
      assertThat(typeSignature).isNotNull();
      return members;
    }
  }
}
