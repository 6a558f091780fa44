package dev.challengesuite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.config.DatabaseConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("create() gives an empty database named cs_test_* that its config connects to")
  void createsAnEmptyDatabase() throws Exception {
    try (TestPostgres db = TestPostgres.create()) {
      Row row = query(db.config(),
          "SELECT current_database() AS name,"
              + " (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS tables");

      assertThat(row.getString("name")).isEqualTo(db.name()).startsWith("cs_test_");
      assertThat(row.getLong("tables")).isZero();
    }
  }

  @Test
  @DisplayName("two databases created one after the other have different names")
  void namesAreUnique() {
    try (TestPostgres first = TestPostgres.create(); TestPostgres second = TestPostgres.create()) {
      assertThat(first.name()).isNotEqualTo(second.name());
    }
  }

  @Test
  @DisplayName("close() drops the database")
  void closeDropsTheDatabase() throws Exception {
    TestPostgres db = TestPostgres.create();
    DatabaseConfig config = db.config();
    db.close();

    Row row = query(new DatabaseConfig(config.host(), config.port(), "postgres", config.user(),
            config.password(), 1, null, 0),
        "SELECT count(*) AS found FROM pg_database WHERE datname = '" + db.name() + "'");

    assertThat(row.getLong("found")).isZero();
  }

  @Test
  @DisplayName("TestRedis finds a Redis that answers PING")
  void redisEndpointAnswers() {
    TestRedis.Endpoint endpoint = TestRedis.endpoint();

    assertThat(endpoint.port()).isPositive();
    assertThat(endpoint.uri()).startsWith("redis://");
  }

  private static Row query(DatabaseConfig config, String sql) throws Exception {
    SqlClient client = PgBuilder.client()
        .connectingTo(new PgConnectOptions().setHost(config.host()).setPort(config.port())
            .setDatabase(config.name()).setUser(config.user()).setPassword(config.password()))
        .using(vertx)
        .build();
    try {
      return client.query(sql).execute().await(10, TimeUnit.SECONDS).iterator().next();
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }
}
