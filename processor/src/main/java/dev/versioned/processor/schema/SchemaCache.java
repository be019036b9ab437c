package dev.versioned.processor.schema;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.jooq.SQLDialect;

/**
 * Keeps the interpreted schema between builds, so that a build whose migrations have not changed
 * does not parse and interpret them again. The entry is keyed by a SHA-256 hash of everything the
 * result depends on: the format of the entry, jOOQ's version, the dialect, the placeholders, and
 * each migration's name and content, in order. A changed, added, removed or renamed migration
 * misses the cache and the schema is read again; an unreadable or foreign entry is ignored.
 *
 * <p>The entry lives in the folder {@code versioned-schema-cache} beside javac's class output
 * ({@code target/versioned-schema-cache} under Maven, {@code build/classes/java/versioned-schema-cache}
 * under Gradle), so that {@code clean} removes it and it never lands in a jar; {@code
 * -Aversioned.schemaCache} names another folder, or {@code none} to keep nothing.
 */
public final class SchemaCache {
  /** The value of {@code -Aversioned.schemaCache} that turns the cache off. */
  public static final String NONE = "none";

  // 3: the entry holds foreign keys (Schema.Data) and fractional digits of timestamps
  // (ColumnType); a format-2 entry has at most one of the two, so it is never reused.
  private static final String FORMAT = "versioned-schema-cache 3";
  private static final String FOLDER = "versioned-schema-cache";

  private final Path file;

  private SchemaCache(Path file) {
    this.file = file;
  }

  /**
   * The cache of a build.
   *
   * @param option the value of {@code -Aversioned.schemaCache}, or null for the default folder
   * @param schemaOption the value of {@code -Aversioned.schema}: each value has its own entry
   * @param filer javac's filer, to find the class output
   * @return the cache, or null when there is none (turned off, or no class output on disk)
   */
  static SchemaCache of(String option, String schemaOption, Filer filer) {
    Path folder;
    if (option != null && !option.isBlank()) {
      if (option.trim().equalsIgnoreCase(NONE)) {
        return null;
      }
      // Relative to the project directory, like -Aversioned.schema: the first base folder.
      folder = SchemaPath.candidates(option.trim(), SchemaPath.bases(filer)).get(0);
    } else {
      Path classes = classOutput(filer);
      if (classes == null || classes.getParent() == null) {
        return null;
      }
      folder = classes.getParent().resolve(FOLDER);
    }
    String name = hex(sha256(schemaOption.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    return new SchemaCache(folder.resolve("schema-" + name + ".bin"));
  }

  private static Path classOutput(Filer filer) {
    try {
      FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "versioned.probe");
      URI uri = probe.toUri();
      return "file".equals(uri.getScheme()) ? Paths.get(uri).getParent() : null;
    } catch (Exception | LinkageError e) {
      return null; // an in-memory compilation: nothing to keep between builds
    }
  }

  /**
   * The key of a build's migrations.
   *
   * @param dialect the dialect
   * @param placeholders the placeholder values
   * @param migrations the migrations, in order
   * @param contents their bytes, in the same order
   * @return the key, as hexadecimal text
   */
  static String key(
      SQLDialect dialect,
      Map<String, String> placeholders,
      List<MigrationFiles.Migration> migrations,
      List<byte[]> contents) {
    MessageDigest digest = digest();
    update(digest, FORMAT);
    update(digest, org.jooq.Constants.FULL_VERSION);
    update(digest, dialect.name());
    update(digest, new TreeMap<>(placeholders).toString());
    for (int i = 0; i < migrations.size(); i++) {
      update(digest, migrations.get(i).display());
      update(digest, Integer.toString(contents.get(i).length));
      digest.update(contents.get(i));
    }
    return hex(digest.digest());
  }

  /**
   * The entry of a key, if the cache holds it.
   *
   * @param key the key
   * @return the schema, or null
   */
  Schema.Data read(String key) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
        in.setObjectInputFilter(SchemaCache::allowed);
        if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
          return null;
        }
        return (Schema.Data) in.readObject();
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null; // a damaged or foreign entry: read the migrations again
    }
  }

  /**
   * Stores the entry of a key, replacing the previous one. A failure to write only costs the next
   * build the time to read the migrations again.
   *
   * @param key the key
   * @param data the schema
   */
  void write(String key, Schema.Data data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        out.writeObject(data);
      }
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "schema-", ".tmp");
      Files.write(temp, bytes.toByteArray());
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // Not writable (a read-only output, a full disk): the build goes on without a cache.
    }
  }

  /** Only the schema's own classes, Java's collections, strings and numbers are read back. */
  private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
    Class<?> type = info.serialClass();
    if (type == null) {
      return info.depth() > 20 || info.references() > 1_000_000
          ? ObjectInputFilter.Status.REJECTED
          : ObjectInputFilter.Status.UNDECIDED;
    }
    while (type.isArray()) {
      type = type.getComponentType();
    }
    String name = type.getName();
    boolean ok =
        type.isPrimitive()
            || name.startsWith("dev.versioned.processor.schema.")
            || name.startsWith("java.util.")
            || name.equals("java.lang.String")
            || name.equals("java.lang.Integer")
            || name.equals("java.lang.Number")
            || name.equals("java.lang.Enum")
            || name.equals("java.lang.Boolean")
            || name.equals("java.lang.Object");
    return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    return digest().digest(bytes);
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
