package dev.versioned.processor.writer;


import com.palantir.javapoet.CodeBlock;
import dev.versioned.processor.plan.Binding;
import dev.versioned.processor.plan.Statement;
import dev.versioned.processor.plan.Statement.Bind;
import dev.versioned.processor.vo.ComponentModel;
import java.util.function.Function;

/**
 * The bind calls of generated code: how one component's value is given to a cached statement's
 * {@code Values} (a plain JDBC setter where jOOQ's binding is exactly that call, the column's jOOQ
 * binding otherwise), and a statement's binds in their order.
 */
final class Binds {
  private Binds() {}

  /** The bind calls of a cached statement, in the order of its binds, each value as given. */
  static CodeBlock bindEach(Statement statement, Function<Bind, CodeBlock> value) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Bind bind : statement.binds()) {
      b.add("$L", bind(bind.column(), value.apply(bind)));
    }
    return b.build();
  }

  /**
   * The {@code Values} call that binds one component's value: a plain JDBC setter for the types
   * whose jOOQ binding is exactly that setter, the column's jOOQ binding for every other type.
   */
  static CodeBlock bind(ComponentModel c, CodeBlock value) {
    return CodeBlock.of("\n$L", bindCall(c, value));
  }

  static CodeBlock bindCall(ComponentModel c, CodeBlock value) {
    String jdbc = Binding.of(c).jdbc();
    if (jdbc == null) {
      return CodeBlock.of(".set($N, $L)", c.constant(), value);
    }
    // setInt(COLUMN, int) for a primitive, setInt(COLUMN, Integer) where the value may be null.
    return CodeBlock.of(".set$L($N, $L)", jdbc, c.constant(), value);
  }

  /**
   * The bit of the i-th non-key column in a set of changed columns: {@code 1L}, {@code 1L << i}.
   */
  static CodeBlock bit(int i) {
    return i == 0 ? CodeBlock.of("1L") : CodeBlock.of("1L << $L", i);
  }
}
