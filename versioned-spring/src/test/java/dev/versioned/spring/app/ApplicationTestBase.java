package dev.versioned.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.versioned.RetryPolicy;
import dev.versioned.StaleRecordException;
import dev.versioned.spring.SpringStatementExceptionTranslator;
import dev.versioned.support.StatementExceptionTranslator;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.util.AopTestUtils;

/**
 * The test application on a real database, on Boot's defaults with {@code
 * -Aversioned.inject=spring}: repositories start, are proxied, translate, keep their fast path,
 * retry as configured, and answer HTTP conditional requests.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApplicationTestBase {
  @Autowired AccountRepository accounts;
  @Autowired AccountService service;
  @Autowired RepositoryCallCounter counter;
  @Autowired RetryPolicy retryPolicy;
  @Autowired DSLContext dsl;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void emptyTable() {
    dsl.deleteFrom(AccountRepository.TABLE).execute();
    accounts.insert(new Account(1, "ann", 100, 0));
    accounts.insert(new Account(2, "bob", 200, 0));
  }

  @Test
  void repositoriesAreProxiedAndAspectsSeeTheirCalls() {
    assertTrue(AopUtils.isCglibProxy(accounts), accounts.getClass().getName());
    int before = counter.calls();
    assertEquals("ann", accounts.findById(1).orElseThrow().owner());
    assertEquals(before + 1, counter.calls());
  }

  @Test
  void retryPropertiesReachTheScannedRepository() throws ReflectiveOperationException {
    assertEquals(new RetryPolicy(200, Duration.ofMillis(1), Duration.ofMillis(20)), retryPolicy);
    Object target = AopTestUtils.getTargetObject(accounts);
    Field retry = target.getClass().getDeclaredField("retry");
    retry.setAccessible(true);
    assertSame(retryPolicy, retry.get(target));
  }

  @Test
  void bootsTranslatingListenerKeepsTheCachedPath() {
    ExecuteListenerProvider[] providers = dsl.configuration().executeListenerProviders();
    assertEquals(1, providers.length);
    assertInstanceOf(SpringStatementExceptionTranslator.class, providers[0].provide());
    assertInstanceOf(StatementExceptionTranslator.class, providers[0].provide());
    // A failure of the cached path is translated as Boot translates jOOQ's own statements.
    DuplicateKeyException cached =
        assertThrows(DuplicateKeyException.class, () -> accounts.insert(new Account(1, "x", 0, 0)));
    DuplicateKeyException jooq =
        assertThrows(
            DuplicateKeyException.class,
            () ->
                dsl.insertInto(AccountRepository.TABLE)
                    .set(AccountRepository.ID, 1L)
                    .set(AccountRepository.OWNER, "x")
                    .set(AccountRepository.BALANCE, 0L)
                    .set(AccountRepository.LOCK_VERSION, 0L)
                    .execute());
    assertEquals(jooq.getClass(), cached.getClass());
    assertEquals(
        ((java.sql.SQLException) jooq.getCause()).getSQLState(),
        ((java.sql.SQLException) cached.getCause()).getSQLState());
  }

  @Test
  void staleUpdateInATransactionIsSpringsExceptionAndRollsBack() {
    Account stale = accounts.findById(2).orElseThrow();
    accounts.update(stale.withOwner("first"));
    OptimisticLockingFailureException e =
        assertThrows(
            OptimisticLockingFailureException.class,
            () -> service.depositThenWriteStale(1, stale.withOwner("second")));
    StaleRecordException cause = assertInstanceOf(StaleRecordException.class, e.getCause());
    assertEquals(List.of(2L), cause.key());
    assertEquals(e.getMessage(), cause.getMessage());
    // The deposit into account 1, in the same transaction, is rolled back.
    assertEquals(new Account(1, "ann", 100, 0), accounts.findById(1).orElseThrow());
    assertEquals("first", accounts.findById(2).orElseThrow().owner());
  }

  @Test
  void retryableRetriesTheTransactionalMethod() {
    int before = service.interestAttempts();
    Account after = service.addInterest(1);
    assertEquals(before + 2, service.interestAttempts());
    assertEquals(new Account(1, "concurrent", 110, 2), after);
    assertEquals(after, accounts.findById(1).orElseThrow());
  }

  @Test
  void nestedModifiesUseSavepointsAndTheOuterRollbackUndoesThem() {
    AtomicInteger attempts = new AtomicInteger();
    service.twoModifies(1, 2, false, attempts);
    assertEquals(2, attempts.get());
    assertEquals(new Account(1, "ann", 101, 1), accounts.findById(1).orElseThrow());
    assertEquals(new Account(2, "bob!", 300, 2), accounts.findById(2).orElseThrow());

    AtomicInteger failing = new AtomicInteger();
    assertThrows(IllegalStateException.class, () -> service.twoModifies(1, 2, true, failing));
    assertEquals(2, failing.get());
    // Both modifies are undone; only the concurrent write, committed on its own, stays.
    assertEquals(new Account(1, "ann", 101, 1), accounts.findById(1).orElseThrow());
    assertEquals(new Account(2, "bob!!", 300, 3), accounts.findById(2).orElseThrow());
  }

  @Test
  void hotRowsLoseNoUpdate() throws Exception {
    int threads = 8;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long id = 1 + t % 2;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    accounts.modify(id, a -> a.plus(1));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(); // a modify that gave up fails the test here
      }
    } finally {
      pool.shutdown();
    }
    Account one = accounts.findById(1).orElseThrow();
    Account two = accounts.findById(2).orElseThrow();
    assertEquals(100 + threads / 2 * each, one.balance());
    assertEquals(200 + threads / 2 * each, two.balance());
    assertEquals(threads / 2 * each, one.lockVersion());
    assertEquals(threads / 2 * each, two.lockVersion());
  }

  // HTTP

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElse(null);
  }

  @Test
  void twoClientsWithTheSameEtagTheSecondGets412() throws Exception {
    HttpResponse<String> read = send("GET", "/accounts/1", null);
    assertEquals(200, read.statusCode());
    assertEquals("\"0\"", etag(read));
    HttpResponse<String> first =
        send("PUT", "/accounts/1", "{\"owner\":\"first\",\"balance\":1}", "If-Match", etag(read));
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("\"1\"", etag(first));
    HttpResponse<String> second =
        send("PUT", "/accounts/1", "{\"owner\":\"second\",\"balance\":2}", "If-Match", etag(read));
    assertEquals(412, second.statusCode(), second.body());
    assertEquals("\"1\"", etag(second));
    assertTrue(
        second.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    assertTrue(second.body().contains("\"status\":412"), second.body());
    assertEquals(new Account(1, "first", 1, 1), accounts.findById(1).orElseThrow());
  }

  @Test
  void anUnchangedBodyWithAStaleEtagIs412() throws Exception {
    accounts.update(accounts.findById(1).orElseThrow()); // version 1, same values
    HttpResponse<String> same =
        send("PUT", "/accounts/1", "{\"owner\":\"ann\",\"balance\":100}", "If-Match", "\"0\"");
    assertEquals(412, same.statusCode(), same.body());
    HttpResponse<String> patch = send("PATCH", "/accounts/1", "{}", "If-Match", "\"0\"");
    assertEquals(412, patch.statusCode(), patch.body());
    HttpResponse<String> blind =
        send("PUT", "/accounts/1/blind", "{\"owner\":\"ann\",\"balance\":100}", "If-Match", "\"0\"");
    assertEquals(412, blind.statusCode(), blind.body());
    assertEquals("\"1\"", etag(blind));
    assertEquals(1, accounts.findById(1).orElseThrow().lockVersion());
  }

  @Test
  void missingMalformedAndAbsent() throws Exception {
    HttpResponse<String> required = send("PUT", "/accounts/1", "{\"owner\":\"x\",\"balance\":1}");
    assertEquals(428, required.statusCode(), required.body());
    assertTrue(required.body().contains("If-Match"), required.body());
    HttpResponse<String> malformed =
        send("PUT", "/accounts/1", "{\"owner\":\"x\",\"balance\":1}", "If-Match", "0");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(404, send("GET", "/accounts/9", null).statusCode());
    assertEquals(
        404,
        send("PUT", "/accounts/9", "{\"owner\":\"x\",\"balance\":1}", "If-Match", "\"0\"")
            .statusCode());
    assertEquals(
        404,
        send("PUT", "/accounts/9/blind", "{\"owner\":\"x\",\"balance\":1}", "If-Match", "\"0\"")
            .statusCode());
    assertEquals(428, send("DELETE", "/accounts/1", null).statusCode());
    assertEquals(new Account(1, "ann", 100, 0), accounts.findById(1).orElseThrow());
  }

  @Test
  void patchAndDeleteWithTheCurrentEtag() throws Exception {
    HttpResponse<String> patched =
        send("PATCH", "/accounts/2", "{\"owner\":\"bea\"}", "If-Match", "\"0\"");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals("\"1\"", etag(patched));
    assertEquals(412, send("DELETE", "/accounts/2", null, "If-Match", "\"0\"").statusCode());
    assertEquals(204, send("DELETE", "/accounts/2", null, "If-Match", "\"1\"").statusCode());
    assertTrue(accounts.findById(2).isEmpty());
  }

  @Test
  void createWithIfNoneMatchStar() throws Exception {
    HttpResponse<String> created =
        send("POST", "/accounts/3", "{\"owner\":\"cy\",\"balance\":3}", "If-None-Match", "*");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("\"0\"", etag(created));
    HttpResponse<String> again =
        send("POST", "/accounts/3", "{\"owner\":\"di\",\"balance\":4}", "If-None-Match", "*");
    assertEquals(412, again.statusCode(), again.body());
    assertEquals("\"0\"", etag(again));
    assertEquals("cy", accounts.findById(3).orElseThrow().owner());
  }

  @Test
  void aControllersExceptionHandlerCatchesTheStaleWrite() throws Exception {
    HttpResponse<String> response = send("POST", "/stale-write/2", null);
    assertEquals(409, response.statusCode(), response.body());
    assertTrue(response.body().startsWith("conflict: stale spring_account id=2"), response.body());
    assertNotNull(accounts.findById(2).orElseThrow());
    assertEquals("first", accounts.findById(2).orElseThrow().owner());
  }
}
