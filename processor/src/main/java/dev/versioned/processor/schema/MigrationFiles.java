package dev.versioned.processor.schema;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code .sql} files of {@code -Aversioned.schema}, in the order they are applied.
 *
 * <p>A file is applied as it is. In a folder (searched recursively, like Flyway's locations),
 * first the versioned migrations {@code V<version>__<name>.sql} in version order (the version's
 * parts, separated by {@code .} or {@code _}, compare as numbers, so {@code V1_10} comes after
 * {@code V1_9} and {@code V2} after {@code V1_10}; {@code V1} equals {@code V1.0}), then the
 * repeatable migrations {@code R__<name>.sql} in name order, then every other {@code .sql} file in
 * name order (a folder of plain scripts, or Flyway callbacks such as {@code afterMigrate.sql}). Undo
 * migrations {@code U<version>__<name>.sql} are skipped: they revert a versioned one.
 *
 * <p>A baseline migration {@code B<version>__<name>.sql} holds the whole schema as of its version:
 * as Flyway does on an empty database, the latest baseline is applied first, and the versioned
 * migrations at or below its version are not (nor are older baselines). Several locations (a
 * comma-separated {@code -Aversioned.schema}) are merged into one order, as Flyway merges its
 * locations.
 */
final class MigrationFiles {
  private static final Pattern VERSIONED = Pattern.compile("[VB](\\d+(?:[._]\\d+)*)__.*\\.sql");
  private static final Pattern BASELINE = Pattern.compile("B\\d+(?:[._]\\d+)*__.*\\.sql");
  private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

  private MigrationFiles() {}

  /**
   * One file to apply.
   *
   * @param path the file
   * @param display its name in messages: relative to the schema folder, or the file's own name
   */
  record Migration(Path path, String display) {}

  /**
   * Lists the migrations of a file or folder.
   *
   * @param root the resolved {@code -Aversioned.schema}
   * @return the files in the order they are applied
   * @throws IOException when the folder cannot be read
   */
  static List<Migration> list(Path root) throws IOException {
    return list(List.of(root));
  }

  /**
   * Lists the migrations of several locations, merged into one order.
   *
   * @param roots the resolved locations of {@code -Aversioned.schema}
   * @return the files in the order they are applied
   * @throws IOException when a folder cannot be read
   */
  static List<Migration> list(List<Path> roots) throws IOException {
    List<Migration> all = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        all.add(new Migration(root, root.getFileName().toString()));
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
            .filter(p -> !UNDO.matcher(p.getFileName().toString()).matches())
            .forEach(p -> all.add(new Migration(p, root.relativize(p).toString().replace('\\', '/'))));
      }
    }
    all.sort(Comparator.comparing(Migration::path, ORDER));
    List<BigInteger> baseline = null;
    for (Migration m : all) {
      if (BASELINE.matcher(m.path().getFileName().toString()).matches()) {
        List<BigInteger> v = version(m.path());
        if (baseline == null || compareVersions(v, baseline) > 0) {
          baseline = v;
        }
      }
    }
    if (baseline == null) {
      return all;
    }
    List<Migration> applied = new ArrayList<>();
    for (Migration m : all) {
      String name = m.path().getFileName().toString();
      boolean versioned = VERSIONED.matcher(name).matches();
      int c = versioned ? compareVersions(version(m.path()), baseline) : 1;
      boolean isBaseline = BASELINE.matcher(name).matches();
      if (!versioned || c > 0 || (isBaseline && c == 0)) {
        applied.add(m);
      }
    }
    return applied;
  }

  private static final Comparator<Path> ORDER =
      Comparator.<Path>comparingInt(MigrationFiles::group)
          .thenComparing(MigrationFiles::version, MigrationFiles::compareVersions)
          .thenComparing(p -> p.getFileName().toString().startsWith("B") ? 0 : 1)
          .thenComparing(p -> p.getFileName().toString())
          .thenComparing(Path::toString);

  private static int group(Path p) {
    String name = p.getFileName().toString();
    if (VERSIONED.matcher(name).matches()) {
      return 0;
    }
    return REPEATABLE.matcher(name).matches() ? 1 : 2;
  }

  private static List<BigInteger> version(Path p) {
    Matcher m = VERSIONED.matcher(p.getFileName().toString());
    List<BigInteger> parts = new ArrayList<>();
    if (m.matches()) {
      for (String part : m.group(1).split("[._]")) {
        parts.add(new BigInteger(part));
      }
    }
    return parts;
  }

  /** Compares versions part by part as numbers; missing trailing parts count as 0. */
  static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
