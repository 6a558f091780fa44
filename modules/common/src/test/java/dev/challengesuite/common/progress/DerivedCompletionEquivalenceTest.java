package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.EARLIER_TODAY;
import static dev.challengesuite.common.progress.Fixtures.NOW;
import static dev.challengesuite.common.progress.Fixtures.catalog;
import static dev.challengesuite.common.progress.Fixtures.login;
import static dev.challengesuite.common.progress.Fixtures.loginGoal;
import static dev.challengesuite.common.progress.Fixtures.player;
import static dev.challengesuite.common.progress.Fixtures.stat;
import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.player.PlayerEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Derived completions against written ones: two players go through the same random events,
 * claims and (de)activations; one has its default goals implicit (completions derived from
 * crossings), the other has a stored state for each (completions written, as before crossings).
 * Every goal must show the same and materialise the same ({@code rebase}, what every write starts
 * from) after every step.
 */
class DerivedCompletionEquivalenceTest {

  private static final String C = "challenge-1";

  private final List<Goal> goals =
      List.of(
          statisticGoal("k10", "kills").target(10).defaultAssigned().build(),
          statisticGoal("k40", "kills").target(40).defaultAssigned().build(),
          statisticGoal("k40-twin", "kills").target(40).defaultAssigned().build(),
          statisticGoal("k90", "kills").target(90).defaultAssigned().prerequisites("k40").build(),
          statisticGoal("w25", "wins").target(25).defaultAssigned().build(),
          statisticGoal("w60-optional", "wins").target(60).build(),
          loginGoal("l2").target(2).defaultAssigned().build(),
          loginGoal("l5").target(5).defaultAssigned().build(),
          statisticGoal("rel", "kills").target(30).relative().defaultAssigned().build());
  private final CatalogIndex catalog = catalog(goals.toArray(Goal[]::new));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @DisplayName("derived completions show and materialise exactly what written ones do")
  void sameAsWritten(long seed) {
    PlayerProgress derived = player().seq(3).logins(1).initialized(EARLIER_TODAY, 3, 1, catalog)
        .build();
    PlayerProgress written = withStoredDefaults(derived);
    Random random = new Random(seed);

    for (int step = 0; step < 60; step++) {
      Instant now = NOW.plusSeconds(step);
      int kind = random.nextInt(10);
      if (kind < 7) {
        PlayerEvent event =
            random.nextInt(4) == 0
                ? login()
                : stat(random.nextBoolean() ? "kills" : "wins", random.nextInt(101), 1);
        derived = EventRules.apply(derived, event, catalog, now).player();
        written = EventRules.apply(written, event, catalog, now).player();
      } else {
        Goal goal = goals.get(random.nextInt(goals.size()));
        if (kind < 9) {
          boolean active = random.nextBoolean();
          derived = SelectionRules.setActive(derived, catalog, C, goal.id(), active, now).player();
          written = SelectionRules.setActive(written, catalog, C, goal.id(), active, now).player();
        } else {
          derived = claimed(derived, goal, now);
          written = claimed(written, goal, now);
        }
      }
      assertSame(derived, written, now);
    }
  }

  /** The same player with every implicit default goal stored as its implicit state. */
  private PlayerProgress withStoredDefaults(PlayerProgress player) {
    Map<String, GoalState> stored = new HashMap<>();
    for (Goal goal : goals) {
      GoalState state = player.goal(goal);
      if (state != null) {
        stored.put(goal.id(), state);
      }
    }
    return new PlayerProgress(
        player.userId(), player.version(), player.stats(), player.initialization(), stored);
  }

  /** The player after a claim of the goal, or the same player when the claim is refused. */
  private PlayerProgress claimed(PlayerProgress player, Goal goal, Instant now) {
    Claimable claimable;
    try {
      claimable = ClaimRules.check(player, catalog, C, goal.id(), now);
    } catch (ChallengeException refused) {
      return player;
    }
    GoalState claimed = ClaimRules.claimed(claimable, player.goal(goal), player.stats(), now, now);
    Map<String, GoalState> stored = new HashMap<>(player.goals());
    stored.put(goal.id(), claimed);
    return new PlayerProgress(
        player.userId(), player.version(), player.stats(), player.initialization(), stored);
  }

  private void assertSame(PlayerProgress derived, PlayerProgress written, Instant now) {
    for (Goal goal : goals) {
      assertThat(ProgressRules.view(goal, derived, catalog, now))
          .as("view of %s at %s", goal.id(), now)
          .isEqualTo(ProgressRules.view(goal, written, catalog, now));
      GoalState derivedState = derived.goal(goal);
      GoalState writtenState = written.goal(goal);
      if (derivedState == null || writtenState == null) {
        assertThat(derivedState).isEqualTo(writtenState);
      } else {
        assertThat(ProgressRules.rebase(goal, derivedState, derived.stats()))
            .as("rebased %s at %s", goal.id(), now)
            .isEqualTo(ProgressRules.rebase(goal, writtenState, written.stats()));
      }
    }
  }
}
