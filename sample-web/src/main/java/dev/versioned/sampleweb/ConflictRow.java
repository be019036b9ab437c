package dev.versioned.sampleweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the conflict view's table: a field with the person's value and the current value.
 *
 * @param label the field's label
 * @param property the field's name, for element ids
 * @param yours the person's value
 * @param current the value as stored now
 * @param changedByYou whether the person changed this field (reapplying takes their value)
 * @param changedByOthers whether someone else changed it since the person opened the product
 * @param differs whether the person's value differs from the current one
 */
public record ConflictRow(
    String label,
    String property,
    String yours,
    String current,
    boolean changedByYou,
    boolean changedByOthers,
    boolean differs) {

  /**
   * What reapplying does with this field, in plain words.
   *
   * @return the sentence shown in the conflict view
   */
  public String outcome() {
    if (changedByYou && changedByOthers && differs) {
      return "You both changed this: your value replaces theirs";
    }
    return changedByYou
        ? "You changed this: your value is saved"
        : "You did not change this: the current value stays";
  }

  /**
   * The rows of every field.
   *
   * @param opened the values the person opened
   * @param mine the values the person saved
   * @param current the product as stored now
   * @return one row per field, in the form's order
   */
  public static List<ConflictRow> rows(ProductValues opened, ProductValues mine, Product current) {
    Set<ProductField> changed = mine.differencesFrom(opened);
    ProductValues now = current.values();
    List<ConflictRow> rows = new ArrayList<>();
    for (ProductField field : ProductField.values()) {
      rows.add(
          new ConflictRow(
              field.label(),
              field.property(),
              field.text(mine),
              field.text(now),
              changed.contains(field),
              !field.get(opened).equals(field.get(now)),
              !field.get(mine).equals(field.get(now))));
    }
    return rows;
  }

  /**
   * The labels of some fields, in plain words: "price", "price and stock", "name, price and
   * stock".
   *
   * @param fields the fields
   * @return the labels, lower case, joined
   */
  public static String labels(Set<ProductField> fields) {
    List<String> names =
        fields.stream()
            .map(f -> f.label().toLowerCase(Locale.ROOT))
            .collect(Collectors.toList());
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
