package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.InitializeChange;
import dev.challengesuite.common.progress.InitializeRules;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.ProgressRules;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Events applied by the rules and written through the repository, as a partition does: the
 * completions of implicit default goals cost no goal row and survive a reload.
 */
class DerivedCompletionStorageTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final int[] TARGETS = {1, 3, 5, 10, 25, 50, 100, 250, 500, 1000};
  private static final CatalogIndex CATALOG = catalog();
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
  @DisplayName("implicit absolute goals completed by events write no goal row")
  void noGoalRows() {
    Played implicit = play(newUserId(), false);

    assertThat(implicit.goalRowsWritten).isZero();
    assertThat(goalRows(implicit.player.userId())).isZero();
    assertThat(completedGoals(implicit.player)).isGreaterThan(5);
  }

  @Test
  @DisplayName("a reloaded player shows every goal as the same player with written completions")
  void reloadedSameAsWritten() {
    Played implicit = play(newUserId(), false);
    Played written = play(newUserId(), true);

    PlayerProgress loaded = load(implicit.player.userId());
    PlayerProgress loadedWritten = load(written.player.userId());

    assertThat(loaded).isEqualTo(implicit.player);
    assertThat(written.goalRowsWritten).isPositive();
    Instant now = T0.plus(Duration.ofHours(1));
    for (Challenge challenge : CATALOG.challenges()) {
      for (Goal goal : challenge.goals()) {
        assertThat(ProgressRules.view(goal, loaded, CATALOG, now)).as(goal.id())
            .isEqualTo(ProgressRules.view(goal, loadedWritten, CATALOG, now));
      }
    }
  }

  /** What a run of events left: the player and how many goal rows its writes carried. */
  private record Played(PlayerProgress player, int goalRowsWritten) {}

  /**
   * Initialises the player and applies 60 random events (same seed for every player), writing
   * each as its own version. With {@code storedDefaults}, every default goal is stored at
   * initialize, as goals were completed before crossings existed: each completion is a goal row.
   */
  private static Played play(String user, boolean storedDefaults) {
    InitializeChange init = InitializeRules.initialize(PlayerProgress.empty(user), CATALOG, T0);
    PlayerProgress player = init.player();
    List<GoalState> initialGoals = new ArrayList<>();
    if (storedDefaults) {
      Map<String, GoalState> goals = new HashMap<>();
      for (Goal goal : CATALOG.defaultGoals()) {
        goals.put(goal.id(), player.goal(goal));
      }
      initialGoals.addAll(goals.values());
      player = new PlayerProgress(user, 0, player.stats(), player.initialization(), goals);
    }
    player = write(player, init.initialization(), initialGoals, T0);
    Random random = new Random(42);
    int goalRows = 0;
    for (int i = 1; i <= 60; i++) {
      Instant now = T0.plusSeconds(i);
      PlayerEvent event = random.nextInt(5) == 0
          ? new PlayerEvent.Login("e" + i, user)
          : new PlayerEvent.Stat("e" + i, user, "kills", random.nextInt(1001), 1);
      EventOutcome outcome = EventRules.apply(player, event, CATALOG, now);
      goalRows += outcome.changedGoals().size();
      player = write(outcome.player(), null, outcome.changedGoals(), now);
    }
    return new Played(player, goalRows);
  }

  /** Writes the player as its next version; the player as stored. */
  private static PlayerProgress write(PlayerProgress player,
      Initialization init, List<GoalState> goals, Instant at) {
    long version = player.version() + 1;
    await(repository.write(new PlayerWriteBatch(List.of(new PlayerWrite(player.userId(),
        player.version(), version, player.stats(), init, goals, List.of(), at)))));
    return new PlayerProgress(player.userId(), version, player.stats(), player.initialization(),
        player.goals());
  }

  private static PlayerProgress load(String user) {
    return await(repository.load(user, WINDOW, T0)).progress();
  }

  private static long goalRows(String user) {
    return db.count("SELECT count(*) FROM player_goal WHERE user_id = $1", user);
  }

  private static long completedGoals(PlayerProgress player) {
    return CATALOG.defaultGoals().stream()
        .filter(goal -> player.goal(goal).status().isDone())
        .count();
  }

  /** Absolute default goals on kills at every target, and two login goals. */
  private static CatalogIndex catalog() {
    List<Goal> goals = new ArrayList<>();
    for (int target : TARGETS) {
      goals.add(goal("kills-" + target, EventSource.STATISTIC, target));
    }
    goals.add(goal("logins-3", EventSource.LOGIN, 3));
    goals.add(goal("logins-50", EventSource.LOGIN, 50));
    return new CatalogIndex(new Catalog(List.of(new Challenge("c", "C", "", goals))), "test");
  }

  private static Goal goal(String id, EventSource source, int target) {
    return new Goal(id, id, "", "c", source, true,
        new Requirement("kills", ">=", target, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "r", 1), List.of(), null);
  }
}
