package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.write;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.DefaultGoalSet;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The database here defaults to Asia/Tokyo; timestamps must not care. */
class TimeZoneTest {

  private static final Instant AT = Instant.parse("2025-12-31T23:59:59Z");
  private static MigratedDatabase db;
  private static Pool tokyoPool;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create();
    db.execute("ALTER DATABASE " + db.postgres.name() + " SET TimeZone = 'Asia/Tokyo'");
    // Production options except the session zone, which is left to the database default.
    PgConnectOptions options = PgPools.connectOptions(db.postgres.config());
    options.getProperties().remove("TimeZone");
    tokyoPool = PgBuilder.pool()
        .connectingTo(options)
        .using(db.vertx)
        .build();
  }

  @AfterAll
  static void dropDatabase() {
    try {
      if (tokyoPool != null) {
        await(tokyoPool.close());
      }
    } finally {
      db.close();
    }
  }

  @Test
  @DisplayName("production connections run in UTC whatever the database's default zone")
  void sessionsAreUtc() {
    Pool pool = PgPools.create(db.vertx, db.postgres.config(1));
    try {
      Row row = await(pool.query("SHOW TimeZone").execute()).iterator().next();
      assertThat(row.getString(0)).isEqualTo("UTC");
    } finally {
      await(pool.close());
    }
  }

  @Test
  @DisplayName("timestamps written from a Tokyo session are the same instants, to the second")
  void timestampsAreExactInstants() {
    Row zone = await(tokyoPool.query("SHOW TimeZone").execute()).iterator().next();
    assertThat(zone.getString(0)).isEqualTo("Asia/Tokyo");
    String user = newUserId();
    Initialization init = new Initialization(AT, 0, 0, new DefaultGoalSet("tz", Set.of("g")));
    GoalState goal = new GoalState("g", "c", true, GoalStatus.CLAIMED, 5, 1, 0, 0, AT,
        AT.plusSeconds(1), AT.plusSeconds(2), AT.plusSeconds(3), AT.plusSeconds(4));

    await(new PlayerRepository(tokyoPool).write(new PlayerWriteBatch(List.of(
        write(user, 1, PlayerStats.EMPTY, init, List.of(goal), List.of(), AT)))));
    PlayerProgress fromUtc = await(new PlayerRepository(db.pool)
        .load(user, Duration.ofMinutes(10), AT)).progress();
    PlayerProgress fromTokyo = await(new PlayerRepository(tokyoPool)
        .load(user, Duration.ofMinutes(10), AT)).progress();

    assertThat(fromUtc.initialization()).isEqualTo(init);
    assertThat(fromUtc.goals()).isEqualTo(Map.of("g", goal));
    assertThat(fromTokyo).isEqualTo(fromUtc);
    Row text = db.queryOne("""
        SELECT to_char(completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS completed
        FROM player_goal WHERE user_id = $1""", user);
    assertThat(text.getString("completed")).isEqualTo("2026-01-01T00:00:00Z");
  }
}
