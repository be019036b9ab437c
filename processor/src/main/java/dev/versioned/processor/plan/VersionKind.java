package dev.versioned.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;

/**
 * How a repository's version column advances: an integer that each write increments, or a timestamp
 * that each write sets to the later of now and the stored version plus one unit.
 */
public sealed interface VersionKind permits VersionKind.Counting, VersionKind.Timestamp {

  /**
   * The kind of a version component.
   *
   * @param version the record's version component
   * @return its kind
   */
  static VersionKind of(ComponentModel version) {
    if (TimestampVersion.is(version)) {
      return new Timestamp(TimestampVersion.precision(version));
    }
    return new Counting(Width.of(version), version.primitive());
  }

  /**
   * Whether the version is a timestamp.
   *
   * @return true for {@link Timestamp}
   */
  default boolean timestamp() {
    return this instanceof Timestamp;
  }

  /** The Java integer types a counting version may have. */
  enum Width {
    /** {@code short} or {@code Short}. */
    SHORT("Short", "(short) ", ""),
    /** {@code int} or {@code Integer}. */
    INT("Integer", "", ""),
    /** {@code long} or {@code Long}. */
    LONG("Long", "", "L");

    private final String box;
    private final String prefix;
    private final String suffix;

    Width(String box, String prefix, String suffix) {
      this.box = box;
      this.prefix = prefix;
      this.suffix = suffix;
    }

    static Width of(ComponentModel version) {
      TypeName type = version.boxedType();
      if (type.equals(TypeName.SHORT.box())) {
        return SHORT;
      }
      return type.equals(TypeName.INT.box()) ? INT : LONG;
    }

    /**
     * The name of the box class, whose {@code MAX_VALUE} bounds the version.
     *
     * @return for example {@code Integer}
     */
    public String box() {
      return box;
    }
  }

  /**
   * An integer version: {@code SET v = v + 1}, bounded by the largest value of its Java type.
   *
   * @param width its Java type
   * @param primitive whether the component is primitive (so never null)
   */
  record Counting(Width width, boolean primitive) implements VersionKind {
    /**
     * The largest value of the version's type, as Java source.
     *
     * @return for example {@code Integer.MAX_VALUE}
     */
    public String max() {
      return width.box() + ".MAX_VALUE";
    }

    /**
     * A constant of the version's type, as Java source.
     *
     * @param value the value
     * @return for example {@code 1L} or {@code (short) 1}
     */
    public String literal(int value) {
      return width.prefix + value + width.suffix;
    }

    /**
     * Whether arithmetic on the version needs a cast back to its type.
     *
     * @return true for {@code short}
     */
    public boolean narrow() {
      return width == Width.SHORT;
    }
  }

  /**
   * A timestamp version, computed in Java and bound ({@code SET v = ?}).
   *
   * @param precision the {@code ChronoUnit} constant it is truncated to, for example {@code MICROS}
   */
  record Timestamp(String precision) implements VersionKind {}
}
