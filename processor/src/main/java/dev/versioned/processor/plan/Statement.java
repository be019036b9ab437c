package dev.versioned.processor.plan;

import dev.versioned.processor.vo.ComponentModel;
import java.util.List;

/**
 * One statement a repository runs on every call, as data: the writer of the statement's template
 * and the writers of its callers' binders read the same ordered binds, so the placeholders and the
 * values bound to them cannot drift apart.
 *
 * @param name the statement's field in the repository's {@code Sql} class
 * @param doc its Javadoc sentence
 * @param kind what it does
 * @param nullVersion for an {@code UPDATE} or {@code DELETE}: whether it matches a null version
 *     ({@code v IS NULL}, the new version the first) rather than the expected one
 * @param binds its placeholders, in the order the template renders and the binder binds them
 */
public record Statement(String name, String doc, Kind kind, boolean nullVersion, List<Bind> binds) {

  /** What a statement does. */
  public enum Kind {
    /** {@code INSERT INTO t (...) VALUES (...)}. */
    INSERT,
    /** {@code SELECT ... WHERE key}. */
    SELECT,
    /** {@code SELECT ... WHERE key FOR UPDATE}. */
    LOCK,
    /** {@code UPDATE t SET ..., v = next WHERE key AND v = ?}. */
    UPDATE,
    /** {@code DELETE FROM t WHERE key AND v = ?}. */
    DELETE
  }

  /** What a placeholder stands for. */
  public enum Role {
    /** A column's new value ({@code SET c = ?}, or an inserted value). */
    VALUE,
    /** The version's new value, computed in Java (a timestamp version: {@code SET v = ?}). */
    NEXT_VERSION,
    /** A key column's value ({@code WHERE k = ?}). */
    KEY,
    /** The version the caller read ({@code AND v = ?}). */
    EXPECTED_VERSION
  }

  /**
   * One placeholder.
   *
   * @param column the component whose column it binds
   * @param role what it stands for
   */
  public record Bind(ComponentModel column, Role role) {}

  /**
   * The statement with its binds copied.
   *
   * @param name the field's name
   * @param doc the Javadoc sentence
   * @param kind what it does
   * @param nullVersion whether it matches a null version
   * @param binds the placeholders, in order
   */
  public Statement {
    binds = List.copyOf(binds);
  }

  /**
   * The binds of one role, in order.
   *
   * @param role the role
   * @return those binds
   */
  public List<Bind> binds(Role role) {
    return binds.stream().filter(b -> b.role() == role).toList();
  }
}
