package dev.versioned.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;

/**
 * docs/generated-repository.md, Semantics 4.9: batches are all or nothing and never trust
 * SUCCESS_NO_INFO, on every database.
 */
class BatchTest {
  private Db db;
  private PostRepository posts;

  @BeforeEach
  void setUp(Db db) {
    this.db = db;
    posts = new PostRepository(db.dsl);
    List<Post> seed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      seed.add(new Post(i, "post " + i, 0, 0));
    }
    posts.insertAll(seed);
  }

  private List<Post> all() {
    return posts.findAll().stream()
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .collect(Collectors.toList());
  }

  private static List<Post> retitled(List<Post> rows, String title) {
    return rows.stream()
        .map(p -> new Post(p.id(), title + " " + p.id(), p.views(), p.lockVersion()))
        .collect(Collectors.toList());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void updateAllWritesEveryRowAndReturnsNewVersions() {
    List<Post> written = posts.updateAll(retitled(all(), "new"));
    assertEquals(5, written.size());
    assertTrue(written.stream().allMatch(p -> p.lockVersion() == 1));
    assertEquals(written, all());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void aStaleThirdRowWritesNothingAndIsListed() {
    List<Post> before = all();
    posts.update(before.get(2));
    posts.deleteById(5);
    List<Post> afterConflicts = all();
    StaleBatchException e =
        assertThrows(StaleBatchException.class, () -> posts.updateAll(retitled(before, "batch")));
    assertEquals(List.of(2, 4), e.conflicts().stream().map(StaleRecordException::batchIndex)
        .collect(Collectors.toList()));
    StaleRecordException third = e.conflicts().get(0);
    assertEquals(List.of(3L), third.key());
    assertEquals(1L, third.actualVersion().getAsLong());
    assertTrue(e.conflicts().get(1).rowDeleted());
    assertEquals(afterConflicts, all());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void deleteAllIsAllOrNothing() {
    List<Post> before = all();
    posts.update(before.get(2));
    List<Post> current = all();
    StaleBatchException e = assertThrows(StaleBatchException.class, () -> posts.deleteAll(before));
    assertEquals(1, e.conflicts().size());
    assertEquals(2, e.conflicts().get(0).batchIndex());
    assertEquals(StaleRecordException.Operation.DELETE, e.conflicts().get(0).operation());
    assertEquals(current, all());
    posts.deleteAll(current);
    assertEquals(0, posts.count());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void insertAllIsAllOrNothing() {
    List<Post> batch = List.of(new Post(10, "ten", 0, 0), new Post(3, "duplicate key", 0, 0));
    assertThrows(DataAccessException.class, () -> posts.insertAll(batch));
    assertEquals(5, posts.count());
    assertTrue(posts.findById(10).isEmpty());
  }

  @DatabaseTest(alsoHidingRowCounts = true)
  void valuesAreBoundInBatches() {
    db.takeStatements();
    posts.updateAll(retitled(all(), "it's \"quoted\""));
    List<String> sql = db.takeStatements();
    assertTrue(sql.stream().noneMatch(s -> s.contains("quoted")), sql.toString());
    assertEquals(all().get(0).title(), "it's \"quoted\" 1");
  }

  @DatabaseTest
  void emptyBatchesSendNothing() {
    db.takeStatements();
    assertEquals(List.of(), posts.updateAll(List.of()));
    posts.deleteAll(List.of());
    assertEquals(List.of(), posts.insertAll(List.of()));
    assertEquals(List.of(), db.takeStatements());
  }
}
