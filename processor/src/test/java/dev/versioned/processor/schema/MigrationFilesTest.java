package dev.versioned.processor.schema;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order migrations are applied in, and the names suggested for missing ones. */
class MigrationFilesTest {
  @Test
  void versionsCompareAsNumbersThenRepeatablesThenOtherFiles(@TempDir Path dir)
      throws IOException {
    for (String name :
        List.of(
            "V10__ten.sql", "V2__two.sql", "V1_10__one_ten.sql", "V1_9__one_nine.sql",
            "V1__one.sql", "V1.1__one_one.sql", "R__b.sql", "R__a.sql", "afterMigrate.sql",
            "U2__undo_two.sql", "notes.txt")) {
      Files.writeString(dir.resolve(name), "");
    }
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/V3__three.sql"), "");
    List<String> order =
        MigrationFiles.list(dir).stream()
            .map(MigrationFiles.Migration::display)
            .collect(Collectors.toList());
    assertThat(order)
        .containsExactly(
            "V1__one.sql", "V1.1__one_one.sql", "V1_9__one_nine.sql", "V1_10__one_ten.sql",
            "V2__two.sql", "sub/V3__three.sql", "V10__ten.sql", "R__a.sql", "R__b.sql",
            "afterMigrate.sql")
        .inOrder();
  }

  @Test
  void aFileIsItsOwnList(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("schema.sql"), "");
    assertThat(MigrationFiles.list(file)).containsExactly(
        new MigrationFiles.Migration(file, "schema.sql"));
  }

  @Test
  void suggestionsCatchTyposTranspositionsAndRenames() {
    assertThat(NearestName.nearest("titel", List.of("body", "title"))).isEqualTo("title");
    assertThat(NearestName.nearest("lock_version", List.of("id", "version")))
        .isEqualTo("version");
    assertThat(NearestName.nearest("posts", List.of("post", "comment"))).isEqualTo("post");
    assertThat(NearestName.nearest("gone", List.of("nine", "post"))).isNull();
  }
}
