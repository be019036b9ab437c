package dev.versioned.it;

/** An enum, stored by name. */
public enum Color {
  /** Red. */
  RED,
  /** Green. */
  GREEN,
  /** Blue. */
  BLUE
}
