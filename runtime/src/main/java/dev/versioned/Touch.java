package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that holds the key of a parent {@code @Versioned} record: every write of this
 * record through its repository (inserts, updates, {@code modify}, {@code overwrite}, deletes,
 * counters, touches, batches) also increments the parent's version in the same transaction, with
 * {@code UPDATE parent SET v = v + 1 WHERE key = <component>}, so that every copy of the parent
 * read before it becomes stale. A batch touches each distinct parent once; an update that moves the
 * record to another parent touches both. A null component, or a key no parent row has, touches
 * nothing. A parent whose version is already the largest value of its type makes the write fail
 * with {@link VersionOverflowException}, and nothing is written. A parent with a timestamp version
 * is touched to the later of now and its stored version plus one unit of its precision, and never
 * overflows.
 *
 * <p>The parent must be a {@code @Versioned} record with a single-component key of the component's
 * type (boxed or not). The touch does not cascade: a parent's own {@code @Touch} components are not
 * followed, and a cycle of touches is a compile-time error.
 *
 * <pre>{@code
 * @Versioned
 * record OrderLine(long id, @Touch(PurchaseOrder.class) long orderId, int quantity,
 *     int lockVersion) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Touch {
  /**
   * The parent record whose key the component holds.
   *
   * @return the parent's record class
   */
  Class<? extends Record> value();
}
