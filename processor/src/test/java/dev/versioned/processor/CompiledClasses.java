package dev.versioned.processor;

import com.google.testing.compile.Compilation;

/** The classes of a successful compilation, for the tests of other packages. */
public final class CompiledClasses {
  private CompiledClasses() {}

  /**
   * A class loader for the records and generated repositories of a compilation.
   *
   * @param compilation a successful compilation
   * @return the loader
   */
  public static ClassLoader loader(Compilation compilation) {
    return new CompiledClassLoader(compilation);
  }
}
