package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.goal;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.stats;
import static dev.challengesuite.persistence.Fixtures.write;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.Crossing;
import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Loads against a copy held in memory: only what was written after the copy's version is read. */
class IncrementalLoadTest {

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
  @DisplayName("the copy brought up to date equals a full load after goal rows changed elsewhere")
  void changedGoalRowsAreMerged() {
    String user = newUserId();
    GoalState a = goal("a", GoalStatus.IN_PROGRESS, 1, T0);
    GoalState b = goal("b", GoalStatus.IN_PROGRESS, 2, T0);
    writeVersion(user, 1, List.of(a, b));
    PlayerProgress copy = full(user);
    GoalState bCompleted = goal("b", GoalStatus.COMPLETED, 9, T0.plusSeconds(5));
    GoalState c = goal("c", GoalStatus.NOT_STARTED, 0, T0.plusSeconds(5));
    writeVersion(user, 2, List.of(bCompleted, c));
    writeVersion(user, 3, List.of());

    PlayerProgress refreshed = changesSince(copy);

    assertThat(refreshed).isEqualTo(full(user));
    assertThat(refreshed.goals()).containsEntry("b", bCompleted).containsEntry("c", c)
        .containsEntry("a", a);
  }

  @Test
  @DisplayName("when no goal row changed since the copy, its goal map is kept as it is")
  void unchangedGoalsKeepTheCopysMap() {
    String user = newUserId();
    writeVersion(user, 1, List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0)));
    PlayerProgress copy = full(user);
    writeVersion(user, 2, List.of());

    PlayerProgress refreshed = changesSince(copy);

    assertThat(refreshed.version()).isEqualTo(2);
    assertThat(refreshed.stats()).isEqualTo(statsAt(2));
    assertThat(refreshed.goals()).isSameAs(copy.goals());
  }

  @Test
  @DisplayName("crossings written since the copy come with the player row, without goal rows")
  void crossingsWithoutGoalRows() {
    String user = newUserId();
    writeVersion(user, 1, List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0)));
    PlayerProgress copy = full(user);
    PlayerStats crossed = new PlayerStats(2, 0, Map.of("kills", new StatValue(20, 2)),
        new Crossings(Map.of("kills", List.of(new Crossing(20, 2, T0.plusSeconds(5))))));
    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 2, crossed, null, List.of(), List.of(), T0.plusSeconds(5))))));

    PlayerProgress refreshed = changesSince(copy);

    assertThat(refreshed.stats()).isEqualTo(crossed);
    assertThat(refreshed.goals()).isSameAs(copy.goals());
  }

  @Test
  @DisplayName("goal rows written before the copy are not read again")
  void olderGoalRowsAreNotRead() {
    String user = newUserId();
    writeVersion(user, 1, List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0)));
    writeVersion(user, 2, List.of(goal("b", GoalStatus.IN_PROGRESS, 1, T0)));
    PlayerProgress copy = full(user);
    writeVersion(user, 3, List.of(goal("c", GoalStatus.IN_PROGRESS, 1, T0)));
    // a copy that never saw "a" shows that the load did not send it again
    PlayerProgress withoutA = new PlayerProgress(user, copy.version(), copy.stats(),
        copy.initialization(), Map.of("b", copy.goals().get("b")));

    assertThat(changesSince(withoutA).goals()).containsOnlyKeys("b", "c");
  }

  @Test
  @DisplayName("a copy newer than the stored player (database restored) gets a full load")
  void copyNewerThanDatabaseLoadsInFull() {
    String user = newUserId();
    writeVersion(user, 1, List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0)));
    PlayerProgress fromTheFuture = new PlayerProgress(user, 7, statsAt(7), null,
        Map.of("z", goal("z", GoalStatus.COMPLETED, 5, T0)));

    assertThat(changesSince(fromTheFuture)).isEqualTo(full(user));
  }

  @Test
  @DisplayName("a copy of a player with no row yet picks up everything written since")
  void copyOfANewPlayer() {
    String user = newUserId();
    PlayerProgress copy = full(user);
    writeVersion(user, 1, List.of(goal("a", GoalStatus.IN_PROGRESS, 1, T0)));

    assertThat(changesSince(copy)).isEqualTo(full(user));
  }

  private static void writeVersion(String user, long version, List<GoalState> goals) {
    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, version, statsAt(version), null, goals, List.of(), T0)))));
  }

  private static PlayerStats statsAt(long version) {
    return stats(version, 0, Map.of("kills", new StatValue((int) version * 10, version)));
  }

  private static PlayerProgress full(String user) {
    return await(repository.load(user, WINDOW, T0)).progress();
  }

  private static PlayerProgress changesSince(PlayerProgress copy) {
    StoredPlayer stored = await(repository.load(copy.userId(), copy, WINDOW, T0));
    return stored.progress();
  }
}
