package dev.versioned.processor;

import javax.tools.JavaFileObject;

/** The line helpers of {@link TestCompiler}, for the tests of other packages. */
public final class TestCompilerAccess {
  private TestCompilerAccess() {}

  /**
   * The 1-based number of the one line of a file that contains a fragment.
   *
   * @param file the file
   * @param fragment the fragment
   * @return the line
   */
  public static long lineOf(JavaFileObject file, String fragment) {
    return TestCompiler.lineOf(file, fragment);
  }
}
