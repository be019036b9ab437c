package dev.versioned.processor.validator;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.RecordReader;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Finds {@code @Versioned} on local classes (declared in a method, initializer or lambda body, or
 * nested in such a class, or in an anonymous class). Annotation processing never offers them as
 * elements, so without this scan such a record would silently get no repository. Works on javac's
 * source trees; the annotation is matched by name, since method bodies are not attributed yet.
 *
 * <p>Only a compilation unit whose text could spell the annotation is walked: one that contains
 * {@code Versioned}, or a Unicode escape (with which any name can be written). The other files of
 * a project, usually nearly all of them, cost one search of a text javac has already read.
 */
public final class LocalTypeScanner {
  private static final String PACKAGE = "dev.versioned";
  private static final String SIMPLE_NAME = "Versioned";

  private final Trees trees;
  private final Reporter reporter;

  /**
   * Creates a scanner.
   *
   * @param trees javac's tree utilities
   * @param reporter where diagnostics go
   */
  public LocalTypeScanner(Trees trees, Reporter reporter) {
    this.trees = trees;
    this.reporter = reporter;
  }

  /**
   * The source path of a root element.
   *
   * @param root a root element of a round
   * @return its path, or null when it has no source
   */
  public TreePath pathOf(Element root) {
    return trees.getPath(root);
  }

  /**
   * Reports every {@code @Versioned} local class of a compilation unit.
   *
   * @param unit the compilation unit
   */
  public void scan(CompilationUnitTree unit) {
    if (!mayName(unit)) {
      return;
    }
    boolean simpleName = PACKAGE.equals(String.valueOf(unit.getPackageName()));
    for (ImportTree i : unit.getImports()) {
      String imported = i.getQualifiedIdentifier().toString();
      if (!i.isStatic()
          && (imported.equals(RecordReader.VERSIONED) || imported.equals(PACKAGE + ".*"))) {
        simpleName = true;
      }
    }
    new Scanner(unit, simpleName).scan(unit, null);
  }

  /**
   * Whether the unit's source text could name {@code @Versioned}: it contains the simple name or a
   * Unicode escape. True when the text cannot be read, so that nothing is skipped unseen.
   */
  private static boolean mayName(CompilationUnitTree unit) {
    CharSequence text;
    try {
      text = unit.getSourceFile().getCharContent(true);
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
    return contains(text, SIMPLE_NAME) || contains(text, "\\u");
  }

  /**
   * Whether {@code text} contains {@code word}, without copying the text.
   *
   * @param text where to look
   * @param word what to look for, not empty
   * @return true when found
   */
  static boolean contains(CharSequence text, String word) {
    char first = word.charAt(0);
    int last = text.length() - word.length();
    for (int i = 0; i <= last; i++) {
      if (text.charAt(i) == first && matchesAt(text, i, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(CharSequence text, int start, String word) {
    for (int j = 1; j < word.length(); j++) {
      if (text.charAt(start + j) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final boolean simpleName;

    /** How many local scopes (blocks, anonymous class bodies) enclose the current tree. */
    private int local;

    Scanner(CompilationUnitTree unit, boolean simpleName) {
      this.unit = unit;
      this.simpleName = simpleName;
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
      return inLocalScope(() -> super.visitBlock(node, unused));
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      return inLocalScope(() -> super.visitNewClass(node, unused));
    }

    /** Scans a tree that opens a local scope, one scope deeper. */
    private Void inLocalScope(Supplier<Void> scan) {
      local++;
      try {
        return scan.get();
      } finally {
        local--;
      }
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      if (local > 0 && isVersioned(node)) {
        report(node);
      }
      return super.visitClass(node, unused);
    }

    private boolean isVersioned(ClassTree node) {
      for (AnnotationTree annotation : node.getModifiers().getAnnotations()) {
        String name = annotation.getAnnotationType().toString();
        if (name.equals(RecordReader.VERSIONED) || (simpleName && name.equals(SIMPLE_NAME))) {
          return true;
        }
      }
      return false;
    }

    private void report(ClassTree node) {
      String name = node.getSimpleName().toString();
      ElementKind kind = kindOf(node.getKind());
      if (kind != ElementKind.RECORD) {
        reporter.report(
            Message.NOT_A_RECORD, trees, node, unit, name, RecordValidator.describe(kind), name);
        return;
      }
      if (!node.getTypeParameters().isEmpty()) {
        reporter.report(
            Message.GENERIC_RECORD,
            trees,
            node,
            unit,
            name,
            node.getTypeParameters().stream()
                .map(TypeParameterTree::getName)
                .map(Object::toString)
                .collect(Collectors.joining(", ", "<", ">")));
      }
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      reporter.report(
          Message.NOT_ACCESSIBLE,
          trees,
          node,
          unit,
          name,
          parent instanceof ClassTree ? "nested in a local class" : "local to a method");
    }
  }

  private static ElementKind kindOf(Tree.Kind kind) {
    switch (kind) {
      case RECORD:
        return ElementKind.RECORD;
      case INTERFACE:
        return ElementKind.INTERFACE;
      case ENUM:
        return ElementKind.ENUM;
      case ANNOTATION_TYPE:
        return ElementKind.ANNOTATION_TYPE;
      default:
        return ElementKind.CLASS;
    }
  }
}
