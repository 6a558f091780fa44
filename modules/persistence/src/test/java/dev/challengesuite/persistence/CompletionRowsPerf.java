package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.MigratedDatabase.await;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.EventOutcome;
import dev.challengesuite.common.progress.EventRules;
import dev.challengesuite.common.progress.InitializeChange;
import dev.challengesuite.common.progress.InitializeRules;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (excluded from the build): the benchmark's catalog shape (10
 * challenges x 50 absolute default goals, one in ten a login goal, targets 1..1000 over five stat
 * codes), players initialised then sent random events (values 0..1000, one in ten a login), each
 * round of events written as one batch through {@link PlayerRepository#write}. Prints the goal
 * rows the events wrote and the size of the player rows.
 *
 * <pre>
 * ./mvnw -q -B -pl modules/persistence -am test -Dtest=CompletionRowsPerf \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups= -Dgroups=perf
 * </pre>
 * Optional: -Dperf.players=500 -Dperf.events=100 (events per player).
 */
@Tag("perf")
class CompletionRowsPerf {

  private static final int PLAYERS = Integer.getInteger("perf.players", 500);
  private static final int EVENTS = Integer.getInteger("perf.events", 100);
  private static final List<String> STAT_CODES =
      List.of("enemy_kills", "login_count", "games_played", "headshots", "wins");
  private static final int[] TARGETS = {1, 3, 5, 10, 25, 50, 100, 250, 500, 1000};
  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create(2);
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  @DisplayName("goal rows written by random events on the benchmark catalog")
  void measure() {
    CatalogIndex catalog = benchCatalog();
    List<PlayerProgress> players = new ArrayList<>();
    List<PlayerWrite> inits = new ArrayList<>();
    for (int p = 0; p < PLAYERS; p++) {
      String user = "perf-player-" + p;
      InitializeChange init =
          InitializeRules.initialize(PlayerProgress.empty(user), catalog, T0);
      inits.add(new PlayerWrite(user, 0, 1, init.player().stats(), init.initialization(),
          init.changedGoals(), List.of(), T0));
      players.add(next(init.player()));
    }
    await(repository.write(new PlayerWriteBatch(inits)));

    Random random = new Random(1);
    long goalRows = 0;
    long writeNanos = 0;
    for (int round = 1; round <= EVENTS; round++) {
      Instant now = T0.plusSeconds(round);
      List<PlayerWrite> writes = new ArrayList<>(PLAYERS);
      for (int p = 0; p < PLAYERS; p++) {
        PlayerProgress player = players.get(p);
        PlayerEvent event = random.nextInt(10) == 0
            ? new PlayerEvent.Login("", player.userId())
            : new PlayerEvent.Stat("", player.userId(),
                STAT_CODES.get(random.nextInt(STAT_CODES.size())), random.nextInt(1001), 1);
        EventOutcome outcome = EventRules.apply(player, event, catalog, now);
        goalRows += outcome.changedGoals().size();
        PlayerProgress after = outcome.player();
        writes.add(new PlayerWrite(after.userId(), after.version(), after.version() + 1,
            after.stats(), null, outcome.changedGoals(), List.of(), now));
        players.set(p, next(after));
      }
      long start = System.nanoTime();
      await(repository.write(new PlayerWriteBatch(writes)));
      writeNanos += System.nanoTime() - start;
    }

    Row sizes = db.queryOne("""
        SELECT avg(pg_column_size(p.*))::int AS player_bytes,
               (SELECT count(*) FROM player_goal) AS goal_rows
        FROM player AS p""");
    long crossings = players.stream().mapToLong(player -> player.stats().crossings().byCounter()
        .values().stream().mapToLong(List::size).sum()).sum();
    System.out.printf(
        "%d players x %d events: goal rows written by events %d (%.1f per player), player_goal"
            + " rows %d, crossings %.1f per player, player row %d bytes, writes %.2f s%n",
        PLAYERS, EVENTS, goalRows, goalRows / (double) PLAYERS, sizes.getLong("goal_rows"),
        crossings / (double) PLAYERS, sizes.getInteger("player_bytes"), writeNanos / 1e9);
  }

  private static PlayerProgress next(PlayerProgress player) {
    return new PlayerProgress(player.userId(), player.version() + 1, player.stats(),
        player.initialization(), player.goals());
  }

  /** The shape of the bench module's BenchCatalog.standard(). */
  private static CatalogIndex benchCatalog() {
    List<Challenge> challenges = new ArrayList<>();
    for (int c = 1; c <= 10; c++) {
      String challengeId = "bench-challenge-%02d".formatted(c);
      List<Goal> goals = new ArrayList<>();
      int statisticIndex = 0;
      for (int g = 1; g <= 50; g++) {
        boolean login = g % 10 == 0;
        String statCode =
            login ? "login_count" : STAT_CODES.get(statisticIndex++ % STAT_CODES.size());
        goals.add(new Goal("bench-c%02d-g%02d".formatted(c, g), "g", "", challengeId,
            login ? EventSource.LOGIN : EventSource.STATISTIC, true,
            new Requirement(statCode, ">=", TARGETS[(g - 1) % TARGETS.length],
                ProgressMode.ABSOLUTE),
            new Reward(RewardType.ITEM, "bench-item", 1), List.of(), null));
      }
      challenges.add(new Challenge(challengeId, challengeId, "", goals));
    }
    return new CatalogIndex(new Catalog(challenges), "perf");
  }
}
