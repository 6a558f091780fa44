package dev.challengesuite.testing;

import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.testing.TestServices.Resolution;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.SqlClient;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fresh, uniquely named PostgreSQL database for one test class ({@code cs_test_<random>}),
 * dropped on {@link #close()}. The server comes from {@link TestServices}' policy: TEST_PG_HOST,
 * TEST_PG_PORT, TEST_PG_USER, TEST_PG_PASSWORD (default 127.0.0.1:5432, user postgres, no
 * password), else Testcontainers, else skip (fail under CI=true).
 *
 * <pre>{@code
 * static TestPostgres db;
 * @BeforeAll static void createDatabase() { db = TestPostgres.create(); }
 * @AfterAll static void dropDatabase() { db.close(); }
 * ... PgPools.create(vertx, db.config()) ...
 * }</pre>
 */
public final class TestPostgres implements AutoCloseable {

  /** A reachable server and a login that may create databases. */
  record Server(String host, int port, String user, String password, String origin) {}

  private static final TestServices.Once<Server> SERVER =
      new TestServices.Once<>(TestPostgres::resolve);
  private static final int DEFAULT_POOL_SIZE = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Server server;
  private final String name;

  private TestPostgres(Server server, String name) {
    this.server = server;
    this.name = name;
  }

  /** Creates a new empty database (skips or fails the test when there is no server). */
  public static TestPostgres create() {
    Server server = TestServices.require(SERVER.get());
    String name = "cs_test_" + HexFormat.of().formatHex(randomBytes(8));
    // Another session briefly connected to template1 makes CREATE DATABASE fail (55006): retry.
    for (int attempt = 1; ; attempt++) {
      try {
        execute(server, "CREATE DATABASE " + name);
        return new TestPostgres(server, name);
      } catch (DatabaseException e) {
        if (!"55006".equals(e.getSqlState()) || attempt == 5) {
          throw e;
        }
        sleep(100L * attempt);
      }
    }
  }

  /** Settings for this database, as production code takes them (pool of 4). */
  public DatabaseConfig config() {
    return config(DEFAULT_POOL_SIZE);
  }

  public DatabaseConfig config(int poolSize) {
    return new DatabaseConfig(server.host(), server.port(), name, server.user(),
        server.password(), poolSize, null, 0);
  }

  public String name() {
    return name;
  }

  /** Drops the database, closing any connection still open to it. */
  @Override
  public void close() {
    execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static Resolution<Server> resolve() {
    Server candidate = new Server(
        TestServices.env("TEST_PG_HOST", "127.0.0.1"),
        Integer.parseInt(TestServices.env("TEST_PG_PORT", "5432")),
        TestServices.env("TEST_PG_USER", "postgres"),
        TestServices.env("TEST_PG_PASSWORD", ""),
        "environment");
    String where = candidate.host() + ":" + candidate.port();
    try {
      execute(candidate, "SELECT 1");
      return new Resolution.Found<>(candidate);
    } catch (DatabaseException e) {
      return new Resolution.Broken<>("PostgreSQL at " + where + " refused the test login (user "
          + candidate.user() + "): " + e.getMessage()
          + ". Set TEST_PG_USER and TEST_PG_PASSWORD to a role that may create databases.");
    } catch (Exception unreachable) {
      if (TestServices.explicitlyConfigured("TEST_PG_HOST")
          || TestServices.explicitlyConfigured("TEST_PG_PORT")) {
        return new Resolution.Broken<>("TEST_PG_HOST/TEST_PG_PORT point at " + where
            + " but no PostgreSQL answers there: " + unreachable.getMessage());
      }
      if (TestServices.dockerAvailable()) {
        return new Resolution.Found<>(Containers.postgres());
      }
      return new Resolution.Missing<>("no PostgreSQL for tests: nothing answers at " + where
          + " (set TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER, TEST_PG_PASSWORD) and"
          + " Testcontainers finds no Docker engine");
    }
  }

  /** Runs one statement on the server's maintenance database {@code postgres}. */
  private static void execute(Server server, String sql) {
    SqlClient client = PgBuilder.client()
        .with(new NetClientOptions().setConnectTimeout(3_000))
        .connectingTo(new PgConnectOptions()
            .setHost(server.host())
            .setPort(server.port())
            .setUser(server.user())
            .setPassword(server.password())
            .setDatabase("postgres"))
        .using(Admin.VERTX)
        .build();
    try {
      await(client.query(sql).execute());
    } finally {
      client.close();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("PostgreSQL did not answer within 30 s", e);
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One small Vert.x instance for the helper's own statements, created on first use. */
  private static final class Admin {
    static final Vertx VERTX = Vertx.vertx();
  }
}
