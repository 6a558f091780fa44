package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.bareGoal;
import static dev.challengesuite.persistence.Fixtures.goal;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.stats;
import static dev.challengesuite.persistence.Fixtures.statsOnly;
import static dev.challengesuite.persistence.Fixtures.write;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.progress.Crossing;
import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.DefaultGoalSet;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One database for the class; every test works on players of its own. */
class PlayerRepositoryTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create();
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  @DisplayName("a player never written loads as empty progress with no recent events")
  void unknownPlayerIsEmpty() {
    String user = newUserId();

    StoredPlayer stored = await(repository.load(user, WINDOW, T0));

    assertThat(stored.progress()).isEqualTo(PlayerProgress.empty(user));
    assertThat(stored.recentEventIds()).isEmpty();
  }

  @Test
  @DisplayName("every field written comes back identical, nullable goal fields null and set")
  void roundTripsEveryField() {
    String user = newUserId();
    Instant t1 = T0.plusSeconds(61);
    Instant t2 = T0.plus(Duration.ofDays(1));
    Instant t3 = T0.plus(Duration.ofDays(30));
    PlayerStats stats = stats(5_000_000_001L, 2, Map.of(
        "kills", new StatValue(42, 6), "wins \"ranked\"", new StatValue(0, 5_000_000_001L)));
    Initialization init = new Initialization(T0, 3, 1,
        new DefaultGoalSet("set-" + user, Set.of("g1", "g2", "g3")));
    GoalState bare = bareGoal("g-bare", t1);
    GoalState full = new GoalState("g-full", "challenge-b", true, GoalStatus.CLAIMED, 100,
        5_000_000_000L, 2, -5, T0, t1, t2, t3, t2);
    PlayerWrite written = write(user, 1, stats, init, List.of(bare, full), List.of("e1", "e2"),
        t2);

    await(repository.write(new PlayerWriteBatch(List.of(written))));
    StoredPlayer stored = await(repository.load(user, WINDOW, t2.plusSeconds(60)));

    assertThat(stored.progress()).isEqualTo(new PlayerProgress(user, 1, stats, init,
        Map.of("g-bare", bare, "g-full", full)));
    assertThat(stored.recentEventIds()).containsExactlyInAnyOrder("e1", "e2");
  }

  @Test
  @DisplayName("crossings come back identical: every counter, the login counter, oldest first")
  void roundTripsCrossings() {
    String user = newUserId();
    Crossings crossings = new Crossings(Map.of(
        "kills", List.of(new Crossing(12, 4, T0), new Crossing(980, 5_000_000_000L,
            T0.plusMillis(1_250))),
        "wins \"ranked\"", List.of(new Crossing(-3, 6, T0.plusSeconds(9))),
        Crossings.LOGINS, List.of(new Crossing(1, 2, T0), new Crossing(Integer.MAX_VALUE, 7,
            T0.plus(Duration.ofDays(400))))));
    PlayerStats stats = new PlayerStats(7, 3, Map.of("kills", new StatValue(980, 5)), crossings);

    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 1, stats, null, List.of(), List.of(), T0)))));

    assertThat(await(repository.load(user, WINDOW, T0)).progress().stats()).isEqualTo(stats);
  }

  @Test
  @DisplayName("a player row with the column's default crossings loads with none")
  void defaultCrossingsLoadAsNone() {
    String user = newUserId();
    await(db.pool.preparedQuery("""
        INSERT INTO player (user_id, version, seq, login_count, stats, updated_at)
        VALUES ($1, 1, 2, 0, '{"kills": [7, 2]}', now())""").execute(Tuple.of(user)));

    PlayerStats stats = await(repository.load(user, WINDOW, T0)).progress().stats();

    assertThat(stats).isEqualTo(stats(2, 0, Map.of("kills", new StatValue(7, 2))));
    assertThat(stats.crossings()).isEqualTo(Crossings.NONE);
  }

  @Test
  @DisplayName("players initialised with the same default set share one loaded instance")
  void defaultSetIsShared() {
    String first = newUserId();
    String second = newUserId();
    DefaultGoalSet set = new DefaultGoalSet("shared-" + first, Set.of("g1", "g2"));
    await(repository.write(new PlayerWriteBatch(List.of(
        write(first, 1, PlayerStats.EMPTY, new Initialization(T0, 0, 0, set), List.of(),
            List.of(), T0),
        write(second, 1, PlayerStats.EMPTY,
            new Initialization(T0, 0, 0, new DefaultGoalSet(set.id(), set.goalIds())), List.of(),
            List.of(), T0)))));

    PlayerRepository fresh = new PlayerRepository(db.pool);
    DefaultGoalSet loadedFirst = await(fresh.load(first, WINDOW, T0))
        .progress().initialization().defaults();
    DefaultGoalSet loadedSecond = await(fresh.load(second, WINDOW, T0))
        .progress().initialization().defaults();

    assertThat(loadedFirst).isEqualTo(set);
    assertThat(loadedSecond).isSameAs(loadedFirst);
  }

  @Test
  @DisplayName("one batch stores several players, each with its own rows")
  void batchOfSeveralPlayers() {
    List<String> users = List.of(newUserId(), newUserId(), newUserId());
    List<PlayerWrite> writes = users.stream().map(user -> write(user, 1,
        stats(1, 0, Map.of("score", new StatValue(user.length(), 1))), null,
        List.of(goal("goal-of-" + user, GoalStatus.IN_PROGRESS, 3, T0)), List.of("event-" + user),
        T0)).toList();

    await(repository.write(new PlayerWriteBatch(writes)));

    for (PlayerWrite written : writes) {
      StoredPlayer stored = await(repository.load(written.userId(), WINDOW, T0));
      assertThat(stored.progress().stats()).isEqualTo(written.stats());
      assertThat(stored.progress().goals()).containsOnlyKeys("goal-of-" + written.userId());
      assertThat(stored.recentEventIds()).containsExactly("event-" + written.userId());
    }
  }

  @Test
  @DisplayName("a second write replaces the player row and the goal rows it carries")
  void secondWriteReplacesRows() {
    String user = newUserId();
    await(repository.write(new PlayerWriteBatch(List.of(write(user, 1,
        stats(1, 1, Map.of("kills", new StatValue(1, 1), "deaths", new StatValue(4, 1))), null,
        List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0), goal("b", GoalStatus.IN_PROGRESS, 2, T0)),
        List.of(), T0)))));
    Instant later = T0.plusSeconds(30);
    PlayerStats newStats = stats(2, 1, Map.of("kills", new StatValue(10, 2)));
    GoalState completedA = goal("a", GoalStatus.COMPLETED, 10, later);

    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 2, newStats, null, List.of(completedA), List.of(), later)))));
    PlayerProgress progress = await(repository.load(user, WINDOW, later)).progress();

    assertThat(progress.version()).isEqualTo(2);
    assertThat(progress.stats()).isEqualTo(newStats);
    assertThat(progress.goals()).containsEntry("a", completedA)
        .containsEntry("b", goal("b", GoalStatus.IN_PROGRESS, 2, T0));
  }

  @Test
  @DisplayName("a later write without initialization keeps the stored one")
  void initializationSurvivesLaterWrites() {
    String user = newUserId();
    Initialization init = new Initialization(T0, 0, 0,
        new DefaultGoalSet("keep-" + user, Set.of("g1")));
    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 1, PlayerStats.EMPTY, init, List.of(), List.of(), T0)))));

    await(repository.write(new PlayerWriteBatch(List.of(statsOnly(user, 2, T0.plusSeconds(5))))));

    assertThat(await(repository.load(user, WINDOW, T0)).progress().initialization())
        .isEqualTo(init);
  }

  @Test
  @DisplayName("only events received within the window count as recent")
  void recentEventsFollowTheWindow() {
    String user = newUserId();
    await(repository.write(new PlayerWriteBatch(List.of(write(user, 1, PlayerStats.EMPTY, null,
        List.of(), List.of("old"), T0)))));
    await(repository.write(new PlayerWriteBatch(List.of(write(user, 2, PlayerStats.EMPTY, null,
        List.of(), List.of("new"), T0.plus(Duration.ofMinutes(5)))))));

    StoredPlayer stored = await(repository.load(user, WINDOW, T0.plus(Duration.ofMinutes(12))));

    assertThat(stored.recentEventIds()).containsExactly("new");
  }

  @Test
  @DisplayName("an event applied again after its window is recent again")
  void reappliedEventRefreshesItsReceipt() {
    String user = newUserId();
    await(repository.write(new PlayerWriteBatch(List.of(write(user, 1, PlayerStats.EMPTY, null,
        List.of(), List.of("e"), T0)))));
    Instant muchLater = T0.plus(Duration.ofHours(1));
    await(repository.write(new PlayerWriteBatch(List.of(write(user, 2, PlayerStats.EMPTY, null,
        List.of(), List.of("e"), muchLater)))));

    StoredPlayer stored = await(repository.load(user, WINDOW, muchLater.plusSeconds(60)));

    assertThat(stored.recentEventIds()).containsExactly("e");
  }

  @Test
  @DisplayName("a batch is all or nothing: one invalid row fails it with INTERNAL, no SQL shown")
  void batchIsAtomic() {
    String good = newUserId();
    String bad = newUserId();
    GoalState claimedNeverCompleted = new GoalState("g", "c", true, GoalStatus.CLAIMED, 1, 1, 0,
        null, T0, null, T0, null, T0);

    Throwable failure = failureOf(repository.write(new PlayerWriteBatch(List.of(
        statsOnly(good, 1, T0),
        write(bad, 1, PlayerStats.EMPTY, null, List.of(claimedNeverCompleted), List.of(), T0)))));

    assertThat(failure).isInstanceOf(ChallengeException.class)
        .hasMessage("Internal server error");
    assertThat(((ChallengeException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(await(repository.load(good, WINDOW, T0)).progress())
        .isEqualTo(PlayerProgress.empty(good));
  }

  @Test
  @DisplayName("a batch with two writes of one player is refused before reaching the database")
  void duplicatePlayerIsRefused() {
    String user = newUserId();

    Throwable failure = failureOf(repository.write(new PlayerWriteBatch(List.of(
        statsOnly(user, 1, T0), statsOnly(user, 2, T0)))));

    assertThat(failure).isInstanceOf(ChallengeException.class);
    assertThat(((ChallengeException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(await(repository.load(user, WINDOW, T0)).progress().version()).isZero();
  }

  @Test
  @DisplayName("a write listing an event id or a goal twice stores each once, last goal state winning")
  void repeatsWithinOneWriteCollapse() {
    String user = newUserId();
    GoalState started = goal("g", GoalStatus.IN_PROGRESS, 1, T0);
    GoalState completed = goal("g", GoalStatus.COMPLETED, 5, T0.plusSeconds(1));

    await(repository.write(new PlayerWriteBatch(List.of(write(user, 1, PlayerStats.EMPTY, null,
        List.of(started, completed), List.of("e", "e"), T0)))));
    StoredPlayer stored = await(repository.load(user, WINDOW, T0));

    assertThat(stored.progress().goals()).containsExactly(Map.entry("g", completed));
    assertThat(stored.recentEventIds()).containsExactly("e");
  }

  @Test
  @DisplayName("an empty batch succeeds")
  void emptyBatch() {
    assertThat(await(repository.write(new PlayerWriteBatch(List.of()))))
        .isEqualTo(WriteResult.ALL_COMMITTED);
  }

  @Test
  @DisplayName("ping succeeds while the database answers")
  void pingSucceeds() {
    assertThat(await(repository.ping())).isNull();
  }
}
