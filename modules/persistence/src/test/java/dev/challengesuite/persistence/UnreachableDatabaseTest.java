package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A pool aimed at a port where nothing listens (no reconnect attempts, so the test is quick). */
class UnreachableDatabaseTest {

  private static Vertx vertx;
  private static Pool pool;
  private static PlayerRepository repository;

  @BeforeAll
  static void createPool() throws IOException {
    vertx = Vertx.vertx();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DatabaseConfig config =
        new DatabaseConfig("127.0.0.1", closedPort, "none", "none", "", 1, null, 0);
    pool = PgBuilder.pool()
        .connectingTo(PgPools.connectOptions(config).setReconnectAttempts(0))
        .using(vertx)
        .build();
    repository = new PlayerRepository(pool);
  }

  @AfterAll
  static void close() {
    await(pool.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("ping fails with UNAVAILABLE when the database cannot be reached")
  void pingIsUnavailable() {
    Throwable failure = failureOf(repository.ping());

    assertThat(failure).isInstanceOf(ChallengeException.class)
        .hasMessage("database unavailable");
    assertThat(((ChallengeException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
  }

  @Test
  @DisplayName("a load fails with UNAVAILABLE when the database cannot be reached")
  void loadIsUnavailable() {
    Throwable failure = failureOf(repository.load("someone", Duration.ofMinutes(10), T0));

    assertThat(((ChallengeException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
  }
}
