package dev.versioned.processor.reader;

/** A record refers to a type that does not exist yet; read it again in the next round. */
public final class Deferred extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the signal.
   *
   * @param missingType the type that is not resolved yet
   */
  public Deferred(String missingType) {
    super(missingType, null, false, false);
  }

  /**
   * The type that is not resolved yet.
   *
   * @return its name as javac prints it
   */
  public String missingType() {
    return getMessage();
  }
}
