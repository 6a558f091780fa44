package dev.challengesuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.config.DatabaseConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir Path workDir;

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  @DisplayName("starts PostgreSQL on loopback and the configured port, with the configured database created")
  void startsAndAnswers() throws IOException {
    DatabaseConfig config = embeddedConfig(workDir.resolve("pg"), freePort());

    try (EmbeddedDatabase database = EmbeddedDatabase.start(config)) {
      DatabaseConfig connection = database.connection();
      assertThat(connection.host()).isEqualTo("127.0.0.1");
      assertThat(connection.port()).isEqualTo(config.embeddedPort());
      assertThat(connection.user()).isEqualTo("postgres");

      List<String> current = query(connection, "SELECT current_database() AS db, 1 AS one",
          row -> row.getString("db") + ":" + row.getInteger("one"));
      assertThat(current).containsExactly("challenge_test:1");
    }
  }

  @Test
  @DisplayName("keeps data across a restart on the same data directory")
  void keepsDataAcrossRestarts() throws IOException {
    DatabaseConfig config = embeddedConfig(workDir.resolve("pg"), freePort());
    try (EmbeddedDatabase first = EmbeddedDatabase.start(config)) {
      query(first.connection(), "CREATE TABLE survivor (name text)", row -> "");
      query(first.connection(), "INSERT INTO survivor VALUES ('still here')", row -> "");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(config)) {
      assertThat(query(second.connection(), "SELECT name FROM survivor", row -> row.getString("name")))
          .containsExactly("still here");
    }
  }

  private List<String> query(DatabaseConfig connection, String sql, Function<Row, String> mapper) {
    Pool pool = PgBuilder.pool()
        .connectingTo(new PgConnectOptions()
            .setHost(connection.host())
            .setPort(connection.port())
            .setDatabase(connection.name())
            .setUser(connection.user())
            .setPassword(connection.password()))
        .using(vertx)
        .build();
    try {
      return StreamSupport.stream(pool.query(sql).execute().await().spliterator(), false).map(mapper).toList();
    } finally {
      pool.close().await();
    }
  }

  private static DatabaseConfig embeddedConfig(Path dataDir, int port) {
    return new DatabaseConfig("", 5432, "challenge_test", "postgres", "", 2, dataDir.toString(), port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
