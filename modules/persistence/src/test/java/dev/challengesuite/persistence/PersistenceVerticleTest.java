package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.goal;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.stats;
import static dev.challengesuite.persistence.Fixtures.write;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.config.EventsConfig;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.LoadPlayer;
import dev.challengesuite.common.store.PingDatabase;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PersistenceVerticleTest {

  /** Short, so that the purge timer (half the window, at least 1 s) runs during the test. */
  private static final long WINDOW_SECONDS = 2;
  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);
  private static TestPostgres postgres;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void deploy(Vertx vertx) {
    PersistenceVerticleTest.vertx = vertx;
    LocalCodec.register(vertx);
    postgres = TestPostgres.create();
    pool = PgPools.create(vertx, postgres.config(1));
    await(vertx.deployVerticle(new PersistenceVerticle(postgres.config(),
        new EventsConfig(WINDOW_SECONDS, 250, 10_000), ServiceClock.system(0))));
  }

  @AfterAll
  static void dropDatabase() {
    // vertx-junit5 closes Vert.x (and so the verticle's pool) after this class
    try {
      if (pool != null) {
        await(pool.close());
      }
    } finally {
      postgres.close();
    }
  }

  @Test
  @DisplayName("deployment applied the migrations")
  void migrationsApplied() {
    Long applied = await(pool.query("SELECT count(*) FROM schema_migrations").execute())
        .iterator().next().getLong(0);

    assertThat(applied).isEqualTo(MigrationFiles.load().size());
  }

  @Test
  @DisplayName("a load of an unknown player is answered with its empty progress")
  void loadUnknownPlayer() {
    String user = newUserId();

    StoredPlayer stored = request(Addresses.PERSISTENCE_LOAD_PLAYER, new LoadPlayer(user));

    assertThat(stored.progress()).isEqualTo(PlayerProgress.empty(user));
  }

  @Test
  @DisplayName("a write is committed before its reply: the next load sees it")
  void writeThenLoad() {
    String user = newUserId();
    Instant now = ServiceClock.system(0).now();
    PlayerStats stats = stats(1, 0, Map.of("kills", new StatValue(3, 1)));
    GoalState goal = goal("g", GoalStatus.COMPLETED, 3, now);
    PlayerWrite written = write(user, 1, stats, null, List.of(goal), List.of("event-1"), now);

    Object reply = request(Addresses.PERSISTENCE_WRITE, new PlayerWriteBatch(List.of(written)));
    StoredPlayer stored = request(Addresses.PERSISTENCE_LOAD_PLAYER, new LoadPlayer(user));

    assertThat(reply).isEqualTo(WriteResult.ALL_COMMITTED);
    assertThat(stored.progress())
        .isEqualTo(new PlayerProgress(user, 1, stats, null, Map.of("g", goal)));
    assertThat(stored.recentEventIds()).containsExactly("event-1");
  }

  @Test
  @DisplayName("ping is answered with null while the database answers")
  void ping() {
    Object reply = request(Addresses.PERSISTENCE_PING, new PingDatabase());

    assertThat(reply).isNull();
  }

  @Test
  @DisplayName("a failed write reaches the requester as INTERNAL, without SQL in the message")
  void failedWriteIsInternal() {
    Instant now = ServiceClock.system(0).now();
    GoalState claimedNeverCompleted = new GoalState("g", "c", true, GoalStatus.CLAIMED, 1, 1, 0,
        null, now, null, now, null, now);
    PlayerWriteBatch batch = new PlayerWriteBatch(List.of(write(newUserId(), 1,
        PlayerStats.EMPTY, null, List.of(claimedNeverCompleted), List.of(), now)));

    ChallengeException failure = BusFailures.toChallenge(failureOf(
        vertx.eventBus().request(Addresses.PERSISTENCE_WRITE, batch, TIMEOUT)));

    assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(failure.getMessage()).isEqualTo("Internal server error");
  }

  @Test
  @DisplayName("the purge timer deletes receipts that left the deduplication window")
  void purgesOldReceipts() throws InterruptedException {
    String user = newUserId();
    Instant old = ServiceClock.system(0).now().minusSeconds(3600);
    request(Addresses.PERSISTENCE_WRITE, new PlayerWriteBatch(List.of(
        write(user, 1, PlayerStats.EMPTY, null, List.of(), List.of("old-event"), old))));

    long remaining = 1;
    for (int attempt = 0; attempt < 40 && remaining > 0; attempt++) {
      Thread.sleep(100);
      remaining = await(pool.preparedQuery("SELECT count(*) FROM event_receipt WHERE user_id = $1")
          .execute(io.vertx.sqlclient.Tuple.of(user))).iterator().next().getLong(0);
    }

    assertThat(remaining).isZero();
  }

  @Test
  @DisplayName("claims are begun and failed over the bus: a failed claim is owned by the next begin")
  void claimsOverTheBus() {
    String user = newUserId();
    Instant now = ServiceClock.system(0).now();
    BeginClaim begin = new BeginClaim(user, "g", "", user + ":g:",
        new Reward(RewardType.WALLET, "GOLD", 5), now);

    ClaimStart first = request(Addresses.PERSISTENCE_BEGIN_CLAIM, begin);
    ClaimStart second = request(Addresses.PERSISTENCE_BEGIN_CLAIM, begin);
    Boolean failed = request(Addresses.PERSISTENCE_FAIL_CLAIM,
        new FailClaim(user, "g", "", first.record().claimId(), now));
    ClaimStart retried = request(Addresses.PERSISTENCE_BEGIN_CLAIM, begin);

    assertThat(first.owned()).isTrue();
    assertThat(second.owned()).isFalse();
    assertThat(failed).isTrue();
    assertThat(retried.owned()).isTrue();
    assertThat(retried.record().attempts()).isEqualTo(2);
  }

  @SuppressWarnings("unchecked")
  private static <T> T request(String address, Object body) {
    Future<T> reply = vertx.eventBus().<T>request(address, body, TIMEOUT)
        .map(message -> message.body());
    return await(reply);
  }
}
