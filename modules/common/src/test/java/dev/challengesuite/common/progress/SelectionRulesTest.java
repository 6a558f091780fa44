package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.EARLIER_TODAY;
import static dev.challengesuite.common.progress.Fixtures.NOW;
import static dev.challengesuite.common.progress.Fixtures.TOMORROW_MIDNIGHT;
import static dev.challengesuite.common.progress.Fixtures.YESTERDAY;
import static dev.challengesuite.common.progress.Fixtures.catalog;
import static dev.challengesuite.common.progress.Fixtures.login;
import static dev.challengesuite.common.progress.Fixtures.loginGoal;
import static dev.challengesuite.common.progress.Fixtures.player;
import static dev.challengesuite.common.progress.Fixtures.stat;
import static dev.challengesuite.common.progress.Fixtures.state;
import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SelectionRulesTest {

  private static final String C = "challenge-1";

  private final Goal kills = statisticGoal("kills", "kills").target(10).build();
  private final Goal logins = loginGoal("logins").target(5).defaultAssigned().build();
  private final Goal daily = statisticGoal("daily", "wins").target(3).daily(true, true).build();
  private final Goal dailyOnce = statisticGoal("daily-once", "wins").daily(true, false).build();
  private final Goal locked = statisticGoal("locked", "kills").prerequisites("kills").build();
  private final Goal other = statisticGoal("other", "kills").inChallenge("challenge-2").build();
  private final Goal gated =
      statisticGoal("gated", "kills").inChallenge("challenge-2").prerequisites("kills").build();
  private final CatalogIndex catalog =
      catalog(kills, logins, daily, dailyOnce, locked, other, gated);

  private static void assertFails(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ChallengeException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }

  private GoalView view(Goal goal, PlayerProgress player) {
    return ProgressRules.view(goal, player, catalog, NOW);
  }

  private ActivationChange setActive(PlayerProgress player, String goalId, boolean active) {
    return SelectionRules.setActive(player, catalog, C, goalId, active, NOW);
  }

  private SelectionChange batch(PlayerProgress player, boolean replace, String... goalIds) {
    return SelectionRules.batchSelect(player, catalog, C, List.of(goalIds), replace, NOW);
  }

  private SelectionChange random(
      PlayerProgress player, int count, boolean replace, boolean excludeActive) {
    return SelectionRules.randomSelect(
        player, catalog, C, count, replace, excludeActive, NOW, new Random(7));
  }

  /** Always picks the last goal not drawn yet: makes the draw order predictable. */
  private static final RandomGenerator LAST =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          throw new UnsupportedOperationException();
        }

        @Override
        public int nextInt(int bound) {
          return bound - 1;
        }
      };

  @Nested
  @DisplayName("set-active")
  class SetActive {

    @Test
    @DisplayName("activating a goal the player never had writes it active, not_started, at 0, now")
    void activatesNewGoal() {
      ActivationChange change = setActive(player().seq(4).logins(2).build(), "daily", true);

      GoalState expected =
          new GoalState(
              "daily",
              C,
              true,
              GoalStatus.NOT_STARTED,
              0,
              4,
              2,
              null,
              NOW,
              null,
              null,
              TOMORROW_MIDNIGHT,
              NOW);
      assertThat(change.written()).isTrue();
      assertThat(change.goal()).isEqualTo(expected);
      assertThat(change.player().goals()).containsEntry("daily", expected);
    }

    @Test
    @DisplayName("deactivation keeps assignedAt and freezes the progress the goal showed")
    void deactivationFreezes() {
      GoalState active = state(kills).seq(1).build();
      PlayerProgress player = player().seq(3).stat("kills", 6, 3).goal(active).build();

      PlayerProgress after = setActive(player, "kills", false).player();
      PlayerProgress later = EventRules.apply(after, stat("kills", 9, 3), catalog, NOW).player();

      GoalState stored = after.goals().get("kills");
      assertThat(stored.active()).isFalse();
      assertThat(stored.assignedAt()).isEqualTo(EARLIER_TODAY);
      assertThat(stored.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(stored.progress()).isEqualTo(6);
      assertThat(view(kills, later).progress()).isEqualTo(6);
      assertThat(view(kills, later).status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("reactivation sets assignedAt to now")
    void reactivationAssignsNow() {
      PlayerProgress player = player().goal(state(kills).inactive().inProgress(4).build()).build();

      GoalState goal = setActive(player, "kills", true).goal();

      assertThat(goal.active()).isTrue();
      assertThat(goal.assignedAt()).isEqualTo(NOW);
      assertThat(goal.progress()).isEqualTo(4);
      assertThat(goal.status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("a reactivated login goal does not count the logins made while it was inactive")
    void reactivatedLoginGoal() {
      PlayerProgress player = player().goal(state(logins).build()).build();
      player = EventRules.apply(player, login(), catalog, NOW).player();
      player = setActive(player, "logins", false).player();
      player = EventRules.apply(player, login(), catalog, NOW).player();
      player = EventRules.apply(player, login(), catalog, NOW).player();
      player = setActive(player, "logins", true).player();
      player = EventRules.apply(player, login(), catalog, NOW).player();

      assertThat(view(logins, player).progress()).isEqualTo(2);
    }

    @Test
    @DisplayName("activating an active goal refreshes assignedAt, as the reference does")
    void activeAgain() {
      PlayerProgress player = player().goal(state(kills).inProgress(2).build()).build();

      ActivationChange change = setActive(player, "kills", true);

      assertThat(change.written()).isTrue();
      assertThat(change.goal().assignedAt()).isEqualTo(NOW);
      assertThat(change.goal().progress()).isEqualTo(2);
    }

    @Test
    @DisplayName("deactivating an inactive goal writes nothing")
    void inactiveAgain() {
      PlayerProgress player = player().goal(state(kills).inactive().build()).build();

      ActivationChange change = setActive(player, "kills", false);

      assertThat(change.written()).isFalse();
      assertThat(change.player()).isSameAs(player);
    }

    @Test
    @DisplayName(
        "deactivating a default goal never assigned writes it inactive, so initialize skips it")
    void deactivateNeverAssignedDefault() {
      ActivationChange change = setActive(player().build(), "logins", false);
      InitializeChange init = InitializeRules.initialize(change.player(), catalog, NOW);

      assertThat(change.written()).isTrue();
      assertThat(change.goal().active()).isFalse();
      assertThat(change.goal().assignedAt()).isNull();
      assertThat(init.newlyAssigned()).doesNotContain("logins");
      assertThat(view(logins, init.player()).active()).isFalse();
    }

    @Test
    @DisplayName("deactivating an implicit default goal stores it inactive, keeping its assignedAt")
    void deactivateImplicitDefault() {
      PlayerProgress player = player().initialized(EARLIER_TODAY, 0, 0, catalog).build();

      ActivationChange change = setActive(player, "logins", false);

      assertThat(change.player().goals()).containsKey("logins");
      assertThat(change.goal().active()).isFalse();
      assertThat(change.goal().assignedAt()).isEqualTo(EARLIER_TODAY);
    }

    @Test
    @DisplayName("deactivating a derived completion stores it inactive and completed")
    void deactivateDerivedCompletion() {
      PlayerProgress player =
          player().seq(6).logins(5).initialized(EARLIER_TODAY, 0, 0, catalog)
              .crossing(Crossings.LOGINS, 5, 5, EARLIER_TODAY).build();

      ActivationChange change = setActive(player, "logins", false);

      assertThat(change.goal()).isEqualTo(new GoalState("logins", C, false, GoalStatus.COMPLETED,
          5, 6, 5, null, EARLIER_TODAY, EARLIER_TODAY, null, null, NOW));
    }

    @Test
    @DisplayName("a derived completion deactivated and reactivated stays completed")
    void reactivateDerivedCompletion() {
      PlayerProgress player =
          player().seq(6).logins(5).initialized(EARLIER_TODAY, 0, 0, catalog)
              .crossing(Crossings.LOGINS, 5, 5, EARLIER_TODAY).build();

      PlayerProgress reactivated =
          setActive(setActive(player, "logins", false).player(), "logins", true).player();

      GoalView view = view(logins, reactivated);
      assertThat(view.active()).isTrue();
      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.completedAt()).isEqualTo(EARLIER_TODAY);
    }

    @Test
    @DisplayName("completed and claimed goals can be (de)activated and keep their status")
    void doneGoalsToggle() {
      PlayerProgress player =
          player()
              .goal(state(kills).completed(10).build())
              .goal(state(locked).inactive().claimed(10).build())
              .build();

      assertThat(setActive(player, "kills", false).goal().status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(setActive(player, "locked", true).goal().status()).isEqualTo(GoalStatus.CLAIMED);
    }

    @Test
    @DisplayName("prerequisites are not checked: a locked goal can be activated")
    void lockedActivates() {
      ActivationChange change = setActive(player().build(), "locked", true);

      assertThat(change.goal().active()).isTrue();
      assertThat(view(locked, change.player()).locked()).isTrue();
    }

    @Test
    @DisplayName("a state change of a goal in its period sets updatedAt to now")
    void freshGoalUpdated() {
      PlayerProgress player = player().goal(state(daily).inactive().build()).build();

      assertThat(setActive(player, "daily", true).goal().updatedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName(
        "toggling a stale completed daily goal keeps it in its old period: not claimable again"
            + " (fix of reference §12.2 item 7)")
    void staleGoalStaysStale() {
      GoalState stale = state(daily).writtenAt(YESTERDAY).completed(3).build();
      PlayerProgress player = player().goal(stale).build();

      PlayerProgress off = setActive(player, "daily", false).player();
      PlayerProgress on = setActive(off, "daily", true).player();

      assertThat(on.goals().get("daily").updatedAt()).isEqualTo(YESTERDAY);
      assertThat(ProgressRules.isStale(daily, on.goals().get("daily"), NOW)).isTrue();
      assertThat(view(daily, on).status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(view(daily, on).progress()).isZero();
    }

    @Test
    @DisplayName("an unknown challenge is 404 challenge '<c>' not found")
    void unknownChallenge() {
      assertFails(
          () -> SelectionRules.setActive(player().build(), catalog, "nope", "kills", true, NOW),
          ErrorCode.NOT_FOUND,
          "challenge 'nope' not found");
    }

    @Test
    @DisplayName("an unknown goal is 404 goal '<g>' not found in challenge '<c>'")
    void unknownGoal() {
      assertFails(
          () -> setActive(player().build(), "nope", true),
          ErrorCode.NOT_FOUND,
          "goal 'nope' not found in challenge 'challenge-1'");
    }

    @Test
    @DisplayName("a goal of another challenge is 404 goal '<g>' does not belong to challenge '<c>'")
    void foreignGoal() {
      assertFails(
          () -> setActive(player().build(), "other", true),
          ErrorCode.NOT_FOUND,
          "goal 'other' does not belong to challenge 'challenge-1'");
    }
  }

  @Nested
  @DisplayName("batch select")
  class BatchSelect {

    @Test
    @DisplayName("activates the requested goals and reports them in request order")
    void activatesInRequestOrder() {
      SelectionChange change = batch(player().build(), false, "locked", "kills");

      assertThat(change.selectedGoalIds()).containsExactly("locked", "kills");
      assertThat(change.changedGoals())
          .allSatisfy(
              goal -> {
                assertThat(goal.active()).isTrue();
                assertThat(goal.assignedAt()).isEqualTo(NOW);
              });
      assertThat(change.totalActiveGoals()).isEqualTo(2);
      assertThat(change.replacedGoalIds()).isEmpty();
    }

    @Test
    @DisplayName("without replace, the challenge's other active goals stay active and are counted")
    void addsToActive() {
      PlayerProgress player = player().goal(state(daily).build()).build();

      SelectionChange change = batch(player, false, "kills");

      assertThat(view(daily, change.player()).active()).isTrue();
      assertThat(change.totalActiveGoals()).isEqualTo(2);
      assertThat(change.replacedGoalIds()).isEmpty();
    }

    @Test
    @DisplayName("an already active goal is left as it was, its assignedAt included")
    void alreadyActiveUntouched() {
      GoalState active = state(kills).inProgress(3).build();
      PlayerProgress player = player().goal(active).build();

      SelectionChange change = batch(player, false, "kills");

      assertThat(change.changedGoals()).isEmpty();
      assertThat(change.player().goals().get("kills")).isEqualTo(active);
      assertThat(change.totalActiveGoals()).isEqualTo(1);
    }

    @Test
    @DisplayName("replace deactivates the active goals not re-selected, clearing their assignedAt")
    void replaceDeactivates() {
      PlayerProgress player =
          player().goal(state(daily).inProgress(1).build()).goal(state(kills).build()).build();

      SelectionChange change = batch(player, true, "locked");

      GoalState replaced = change.player().goals().get("daily");
      assertThat(replaced.active()).isFalse();
      assertThat(replaced.assignedAt()).isNull();
      assertThat(replaced.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(change.replacedGoalIds()).containsExactly("kills", "daily");
      assertThat(change.totalActiveGoals()).isEqualTo(1);
    }

    @Test
    @DisplayName("replace keeps a re-selected active goal as it was: not replaced, not rewritten")
    void replaceKeepsReselected() {
      GoalState active = state(kills).inProgress(3).build();
      PlayerProgress player = player().goal(active).goal(state(daily).build()).build();

      SelectionChange change = batch(player, true, "kills", "locked");

      assertThat(change.player().goals().get("kills")).isEqualTo(active);
      assertThat(change.changedGoals()).extracting(GoalState::goalId).doesNotContain("kills");
      assertThat(change.replacedGoalIds()).containsExactly("daily");
      assertThat(change.totalActiveGoals()).isEqualTo(2);
    }

    @Test
    @DisplayName("replace counts implicit default goals as active and replaces them")
    void replaceImplicitDefaults() {
      PlayerProgress player = player().initialized(EARLIER_TODAY, 0, 0, catalog).build();

      SelectionChange change = batch(player, true, "kills");

      assertThat(change.replacedGoalIds()).containsExactly("logins");
      assertThat(view(logins, change.player()).active()).isFalse();
    }

    @Test
    @DisplayName("replace never touches goals of other challenges")
    void replaceStaysInChallenge() {
      PlayerProgress player = player().goal(state(other).build()).build();

      SelectionChange change = batch(player, true, "kills");

      assertThat(view(other, change.player()).active()).isTrue();
      assertThat(change.replacedGoalIds()).isEmpty();
    }

    @Test
    @DisplayName("completed and claimed goals can be selected and keep their status")
    void doneGoalsSelectable() {
      PlayerProgress player =
          player()
              .goal(state(kills).inactive().completed(10).build())
              .goal(state(locked).inactive().claimed(10).build())
              .build();

      SelectionChange change = batch(player, false, "kills", "locked");

      assertThat(view(kills, change.player()).status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view(locked, change.player()).status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(change.totalActiveGoals()).isEqualTo(2);
    }

    @Test
    @DisplayName("an empty goal list is 400 goal_ids cannot be empty")
    void empty() {
      assertFails(
          () -> batch(player().build(), false),
          ErrorCode.INVALID_ARGUMENT,
          "goal_ids cannot be empty");
    }

    @Test
    @DisplayName("more than 1000 ids is 400, before the challenge is looked up")
    void tooMany() {
      List<String> ids = Collections.nCopies(1001, "kills");

      assertFails(
          () -> SelectionRules.goalsToSelect(catalog, "nope", ids),
          ErrorCode.INVALID_ARGUMENT,
          "goal_ids cannot contain more than 1000 goals");
    }

    @Test
    @DisplayName("more ids than the challenge has goals is 400")
    void moreThanChallengeHas() {
      assertFails(
          () ->
              batch(player().build(), false, "kills", "kills", "kills", "kills", "kills", "kills"),
          ErrorCode.INVALID_ARGUMENT,
          "goal_ids contains 6 goals but challenge 'challenge-1' has only 5");
    }

    @Test
    @DisplayName("an unknown challenge is 404 challenge '<c>' not found")
    void unknownChallenge() {
      assertFails(
          () -> SelectionRules.goalsToSelect(catalog, "nope", List.of("kills")),
          ErrorCode.NOT_FOUND,
          "challenge 'nope' not found");
    }

    @Test
    @DisplayName("an unknown goal is 404 goal '<g>' not found")
    void unknownGoal() {
      assertFails(
          () -> batch(player().build(), false, "kills", "nope"),
          ErrorCode.NOT_FOUND,
          "goal 'nope' not found");
    }

    @Test
    @DisplayName("a goal of another challenge is 404 (the reference answers 500)")
    void foreignGoal() {
      assertFails(
          () -> batch(player().build(), false, "other"),
          ErrorCode.NOT_FOUND,
          "goal 'other' does not belong to challenge 'challenge-1'");
    }

    @Test
    @DisplayName("a duplicate id is 400 (the reference answers 500)")
    void duplicate() {
      assertFails(
          () -> batch(player().build(), false, "kills", "daily", "kills"),
          ErrorCode.INVALID_ARGUMENT,
          "goal_ids contains duplicate goal 'kills'");
    }

    @Test
    @DisplayName("ids are checked in request order: the first bad one is reported")
    void firstBadIdWins() {
      assertFails(
          () -> batch(player().build(), false, "kills", "kills", "nope"),
          ErrorCode.INVALID_ARGUMENT,
          "goal_ids contains duplicate goal 'kills'");
    }
  }

  @Nested
  @DisplayName("random select")
  class RandomSelect {

    @Test
    @DisplayName("draws count goals among the candidates and activates them")
    void drawsCount() {
      SelectionChange change = random(player().build(), 2, false, false);

      assertThat(change.selectedGoalIds()).hasSize(2).doesNotHaveDuplicates();
      assertThat(change.selectedGoalIds()).isSubsetOf("kills", "logins", "daily", "daily-once");
      assertThat(change.totalActiveGoals()).isEqualTo(2);
      change
          .selectedGoalIds()
          .forEach(id -> assertThat(view(catalog.goal(id), change.player()).active()).isTrue());
    }

    @Test
    @DisplayName("reports the goals in draw order (partial Fisher-Yates over catalog order)")
    void drawOrder() {
      SelectionChange change =
          SelectionRules.randomSelect(player().build(), catalog, C, 2, false, false, NOW, LAST);

      // candidates [kills, logins, daily, daily-once]: draws daily-once, then kills
      assertThat(change.selectedGoalIds()).containsExactly("daily-once", "kills");
    }

    @Test
    @DisplayName("every candidate is drawn about equally often")
    void uniform() {
      Random seeded = new Random(42);
      Map<String, Integer> draws = new HashMap<>();
      for (int i = 0; i < 4000; i++) {
        String id =
            SelectionRules.randomSelect(player().build(), catalog, C, 1, false, false, NOW, seeded)
                .selectedGoalIds()
                .get(0);
        draws.merge(id, 1, Integer::sum);
      }

      assertThat(draws).containsOnlyKeys("kills", "logins", "daily", "daily-once");
      assertThat(draws.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    @DisplayName("fewer candidates than count: all of them (partial result)")
    void partial() {
      PlayerProgress player =
          player()
              .goal(state(kills).completed(10).build())
              .goal(state(daily).claimed(3).build())
              .build();

      SelectionChange change = random(player, 10, false, false);

      // kills and daily done; locked unlocked by kills; daily-once and logins
      assertThat(change.selectedGoalIds())
          .containsExactlyInAnyOrder("logins", "daily-once", "locked");
    }

    @Test
    @DisplayName("no candidate at all is 400 INSUFFICIENT_GOALS with the requested count")
    void insufficient() {
      PlayerProgress player =
          player()
              .goal(state(kills).completed(10).build())
              .goal(state(logins).claimed(5).build())
              .goal(state(daily).completed(3).build())
              .goal(state(dailyOnce).completed(10).build())
              .goal(state(locked).completed(10).build())
              .build();

      assertFails(
          () -> random(player, 3, false, false),
          ErrorCode.INVALID_ARGUMENT,
          "INSUFFICIENT_GOALS: no goals available for selection (available: 0, requested: 3)");
    }

    @Test
    @DisplayName(
        "a stale completed daily goal shows not_started and can be drawn again (fix of §12.2 item"
            + " 12)")
    void staleCompletedSelectable() {
      PlayerProgress player =
          player()
              .goal(state(daily).inactive().writtenAt(YESTERDAY).completed(3).build())
              .goal(state(kills).completed(10).build())
              .goal(state(logins).completed(5).build())
              .goal(state(dailyOnce).completed(10).build())
              .goal(state(locked).completed(10).build())
              .build();

      SelectionChange change = random(player, 1, false, false);

      assertThat(change.selectedGoalIds()).containsExactly("daily");
      assertThat(view(daily, change.player()).status()).isEqualTo(GoalStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("a stale claimed goal without reselection still shows claimed and is not drawn")
    void staleClaimedWithoutReselection() {
      PlayerProgress player =
          player()
              .goal(state(dailyOnce).writtenAt(YESTERDAY).claimed(10).build())
              .goal(state(kills).completed(10).build())
              .build();

      SelectionChange change = random(player, 10, false, false);

      assertThat(change.selectedGoalIds()).doesNotContain("daily-once", "kills");
    }

    @Test
    @DisplayName("an in-progress goal is a candidate")
    void inProgressCandidate() {
      PlayerProgress player = player().goal(state(kills).inactive().inProgress(4).build()).build();

      assertThat(random(player, 10, false, false).selectedGoalIds()).contains("kills");
    }

    @Test
    @DisplayName("a goal locked by an unmet prerequisite is not drawn")
    void lockedExcluded() {
      assertThat(random(player().build(), 10, false, false).selectedGoalIds())
          .doesNotContain("locked");
    }

    @Test
    @DisplayName(
        "a prerequisite completed in another challenge unlocks the goal (fix of §12.2 item 12)")
    void prerequisiteInOtherChallenge() {
      PlayerProgress player = player().goal(state(kills).completed(10).build()).build();

      SelectionChange change =
          SelectionRules.randomSelect(player, catalog, "challenge-2", 10, false, false, NOW, LAST);

      assertThat(change.selectedGoalIds()).containsExactlyInAnyOrder("other", "gated");
    }

    @Test
    @DisplayName("without excludeActive an active goal can be drawn; it stays as it was")
    void activeDrawable() {
      GoalState active = state(kills).inProgress(2).build();
      PlayerProgress player = player().goal(active).build();

      SelectionChange change = random(player, 10, false, false);

      assertThat(change.selectedGoalIds()).contains("kills");
      assertThat(change.player().goals().get("kills")).isEqualTo(active);
      assertThat(change.totalActiveGoals()).isEqualTo(4);
    }

    @Test
    @DisplayName("excludeActive leaves active goals out of the draw and active")
    void excludeActive() {
      PlayerProgress player = player().goal(state(kills).build()).build();

      SelectionChange change = random(player, 10, false, true);

      assertThat(change.selectedGoalIds())
          .containsExactlyInAnyOrder("logins", "daily", "daily-once");
      assertThat(change.totalActiveGoals()).isEqualTo(4);
      assertThat(change.replacedGoalIds()).isEmpty();
    }

    @Test
    @DisplayName("replaceExisting draws among inactive goals and deactivates all that were active")
    void replace() {
      PlayerProgress player =
          player().goal(state(kills).build()).goal(state(daily).build()).build();

      SelectionChange change = random(player, 1, true, false);

      assertThat(change.selectedGoalIds()).hasSize(1).isSubsetOf("logins", "daily-once");
      assertThat(change.replacedGoalIds()).containsExactly("kills", "daily");
      assertThat(change.player().goals().get("kills").assignedAt()).isNull();
      assertThat(change.totalActiveGoals()).isEqualTo(1);
    }

    @Test
    @DisplayName("count 0 or below is 400 count must be greater than 0")
    void countZero() {
      assertFails(
          () -> random(player().build(), 0, false, false),
          ErrorCode.INVALID_ARGUMENT,
          "count must be greater than 0");
      assertFails(
          () -> random(player().build(), -3, false, false),
          ErrorCode.INVALID_ARGUMENT,
          "count must be greater than 0");
    }

    @Test
    @DisplayName("a count above 1000 is 400")
    void countAbsurd() {
      assertFails(
          () -> random(player().build(), 1001, false, false),
          ErrorCode.INVALID_ARGUMENT,
          "count must not exceed 1000");
    }

    @Test
    @DisplayName("an unknown challenge is 404 challenge '<c>' not found")
    void unknownChallenge() {
      assertFails(
          () ->
              SelectionRules.randomSelect(
                  player().build(), catalog, "nope", 1, false, false, NOW, LAST),
          ErrorCode.NOT_FOUND,
          "challenge 'nope' not found");
    }

    @Test
    @DisplayName("the count is checked before the challenge, as in the reference")
    void countFirst() {
      assertFails(
          () -> SelectionRules.challengeToDrawFrom(catalog, "nope", 0),
          ErrorCode.INVALID_ARGUMENT,
          "count must be greater than 0");
    }
  }
}
