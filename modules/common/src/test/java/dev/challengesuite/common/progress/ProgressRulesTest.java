package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.EARLIER_TODAY;
import static dev.challengesuite.common.progress.Fixtures.NOW;
import static dev.challengesuite.common.progress.Fixtures.TOMORROW_MIDNIGHT;
import static dev.challengesuite.common.progress.Fixtures.YESTERDAY;
import static dev.challengesuite.common.progress.Fixtures.catalog;
import static dev.challengesuite.common.progress.Fixtures.loginGoal;
import static dev.challengesuite.common.progress.Fixtures.player;
import static dev.challengesuite.common.progress.Fixtures.state;
import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.time.Schedule;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressRulesTest {

  private final Goal kills = statisticGoal("kills-10", "kills").target(10).build();
  private final Goal logins = loginGoal("login-5").target(5).build();

  @Nested
  @DisplayName("raw progress")
  class RawProgress {

    @Test
    @DisplayName("a statistic goal follows its stat once the stat was set after the goal's state")
    void followsNewerStat() {
      GoalState state = state(kills).progress(3).seq(4).build();
      PlayerStats stats = player().seq(6).stat("kills", 8, 5).build().stats();

      assertThat(ProgressRules.rawProgress(kills, state, stats)).isEqualTo(8);
    }

    @Test
    @DisplayName("a statistic goal keeps its stored progress when the stat is not newer than it")
    void ignoresOlderStat() {
      GoalState state = state(kills).progress(3).seq(5).build();
      PlayerStats stats = player().seq(5).stat("kills", 8, 5).build().stats();

      assertThat(ProgressRules.rawProgress(kills, state, stats)).isEqualTo(3);
    }

    @Test
    @DisplayName("a statistic goal whose stat was never sent keeps its stored progress")
    void noStat() {
      GoalState state = state(kills).progress(3).build();

      assertThat(ProgressRules.rawProgress(kills, state, player().seq(9).build().stats()))
          .isEqualTo(3);
    }

    @Test
    @DisplayName("a login goal adds the logins made since its state was written")
    void loginAddsLoginsSince() {
      GoalState state = state(logins).progress(2).loginBase(4).build();
      PlayerStats stats = player().logins(7).build().stats();

      assertThat(ProgressRules.rawProgress(logins, state, stats)).isEqualTo(5);
    }

    @Test
    @DisplayName("a login goal's raw progress saturates at int max instead of wrapping")
    void loginSaturates() {
      GoalState state = state(logins).progress(Integer.MAX_VALUE - 1).loginBase(0).build();
      PlayerStats stats = player().logins(5).build().stats();

      assertThat(ProgressRules.rawProgress(logins, state, stats)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("an inactive goal is frozen at its stored progress")
    void inactiveFrozen() {
      GoalState stat = state(kills).inactive().progress(3).seq(1).build();
      GoalState login = state(logins).inactive().progress(2).loginBase(1).build();
      PlayerStats stats = player().seq(9).logins(6).stat("kills", 8, 9).build().stats();

      assertThat(ProgressRules.rawProgress(kills, stat, stats)).isEqualTo(3);
      assertThat(ProgressRules.rawProgress(logins, login, stats)).isEqualTo(2);
    }

    @Test
    @DisplayName("a claimed goal is frozen at its claimed progress")
    void claimedFrozen() {
      GoalState stat = state(kills).claimed(10).seq(1).build();
      GoalState login = state(logins).claimed(5).loginBase(1).build();
      PlayerStats stats = player().seq(9).logins(6).stat("kills", 20, 9).build().stats();

      assertThat(ProgressRules.rawProgress(kills, stat, stats)).isEqualTo(10);
      assertThat(ProgressRules.rawProgress(logins, login, stats)).isEqualTo(5);
    }
  }

  @Nested
  @DisplayName("status")
  class Status {

    @Test
    @DisplayName("not_started stays not_started while no event reached the goal")
    void notStartedWithoutEvent() {
      GoalState state = state(kills).seq(5).build();
      PlayerStats stats = player().seq(5).stat("kills", 8, 5).build().stats();

      assertThat(ProgressRules.status(kills, state, stats)).isEqualTo(GoalStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("not_started shows in_progress once a newer stat event reached the goal")
    void inProgressAfterStat() {
      GoalState state = state(kills).seq(5).build();
      PlayerStats stats = player().seq(6).stat("kills", 0, 6).build().stats();

      assertThat(ProgressRules.status(kills, state, stats)).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("not_started shows in_progress once a login followed the goal's state")
    void inProgressAfterLogin() {
      GoalState state = state(logins).loginBase(3).build();

      assertThat(ProgressRules.status(logins, state, player().logins(3).build().stats()))
          .isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(ProgressRules.status(logins, state, player().logins(4).build().stats()))
          .isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("an inactive not_started goal stays not_started whatever the events")
    void inactiveStaysNotStarted() {
      GoalState state = state(kills).inactive().seq(1).build();
      PlayerStats stats = player().seq(6).stat("kills", 4, 6).build().stats();

      assertThat(ProgressRules.status(kills, state, stats)).isEqualTo(GoalStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("stored in_progress, completed and claimed are shown as stored")
    void storedStatusesKept() {
      PlayerStats stats = player().seq(6).stat("kills", 0, 6).build().stats();

      assertThat(ProgressRules.status(kills, state(kills).inProgress(2).build(), stats))
          .isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(ProgressRules.status(kills, state(kills).completed(10).build(), stats))
          .isEqualTo(GoalStatus.COMPLETED);
      assertThat(ProgressRules.status(kills, state(kills).claimed(10).build(), stats))
          .isEqualTo(GoalStatus.CLAIMED);
    }
  }

  @Nested
  @DisplayName("deactivate and reactivate (rebase)")
  class Reactivation {

    private GoalState deactivate(Goal goal, GoalState state, PlayerStats stats) {
      GoalState rebased = ProgressRules.rebase(goal, state, stats);
      return new GoalState(
          rebased.goalId(),
          rebased.challengeId(),
          false,
          rebased.status(),
          rebased.progress(),
          rebased.seq(),
          rebased.loginBase(),
          rebased.baseline(),
          rebased.assignedAt(),
          rebased.completedAt(),
          rebased.claimedAt(),
          rebased.expiresAt(),
          NOW);
    }

    private GoalState activate(Goal goal, GoalState state, PlayerStats stats) {
      GoalState rebased = ProgressRules.rebase(goal, state, stats);
      return new GoalState(
          rebased.goalId(),
          rebased.challengeId(),
          true,
          rebased.status(),
          rebased.progress(),
          rebased.seq(),
          rebased.loginBase(),
          rebased.baseline(),
          NOW,
          rebased.completedAt(),
          rebased.claimedAt(),
          rebased.expiresAt(),
          NOW);
    }

    @Test
    @DisplayName("a login goal counts logins before deactivation once and none while inactive")
    void loginGoalNoDoubleCount() {
      GoalState assigned = state(logins).build(); // login base 0
      GoalState off = deactivate(logins, assigned, player().logins(3).build().stats());
      PlayerStats later = player().logins(5).build().stats(); // 2 logins while inactive
      GoalState on = activate(logins, off, later);

      assertThat(ProgressRules.rawProgress(logins, off, later)).isEqualTo(3);
      assertThat(ProgressRules.rawProgress(logins, on, later)).isEqualTo(3);
      assertThat(ProgressRules.rawProgress(logins, on, player().logins(6).build().stats()))
          .isEqualTo(4);
    }

    @Test
    @DisplayName("deactivating materialises in_progress so the status survives inactivity")
    void statusMaterialised() {
      GoalState assigned = state(kills).seq(0).build();
      GoalState off =
          deactivate(kills, assigned, player().seq(1).stat("kills", 4, 1).build().stats());

      assertThat(off.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(off.progress()).isEqualTo(4);
    }

    @Test
    @DisplayName("a reactivated absolute goal keeps its old progress until the next event")
    void absoluteKeepsOldProgressUntilNextEvent() {
      GoalState off =
          deactivate(
              kills, state(kills).build(), player().seq(1).stat("kills", 4, 1).build().stats());
      PlayerStats whileInactive = player().seq(2).stat("kills", 7, 2).build().stats();
      GoalState on = activate(kills, off, whileInactive);

      assertThat(ProgressRules.rawProgress(kills, on, whileInactive)).isEqualTo(4);
      assertThat(
              ProgressRules.rawProgress(
                  kills, on, player().seq(3).stat("kills", 8, 3).build().stats()))
          .isEqualTo(8);
    }
  }

  @Nested
  @DisplayName("displayed progress")
  class Displayed {

    private final Goal relative = statisticGoal("kills-rel", "kills").relative().target(10).build();

    @Test
    @DisplayName("an absolute goal shows its raw progress")
    void absolute() {
      assertThat(ProgressRules.displayedProgress(kills, state(kills).build(), 7)).isEqualTo(7);
    }

    @Test
    @DisplayName("a relative goal shows raw minus baseline")
    void relative() {
      GoalState state = state(relative).baseline(4).build();

      assertThat(ProgressRules.displayedProgress(relative, state, 7)).isEqualTo(3);
    }

    @Test
    @DisplayName("a relative goal shows 0 while it has no baseline")
    void relativeWithoutBaseline() {
      assertThat(ProgressRules.displayedProgress(relative, state(relative).build(), 7))
          .isEqualTo(0);
    }

    @Test
    @DisplayName("a relative goal below its baseline shows 0, never a negative number")
    void relativeNeverNegative() {
      GoalState state = state(relative).baseline(9).build();

      assertThat(ProgressRules.displayedProgress(relative, state, 7)).isEqualTo(0);
    }
  }

  /** Reference §5.4.4, one test per row. */
  @Nested
  @DisplayName("rotation display rules")
  class DisplayRules {

    private final Goal resetting =
        statisticGoal("daily-reset", "kills").target(10).daily(true, false).build();
    private final Goal reselectable =
        statisticGoal("daily-reselect", "kills").target(10).daily(true, true).build();
    private final Goal keeping =
        statisticGoal("daily-keep", "kills").target(10).daily(false, false).build();
    private final CatalogIndex catalog = catalog(kills, resetting, reselectable, keeping);

    private GoalView view(Goal goal, GoalState state) {
      PlayerProgress player = player().seq(1).goal(state).build();
      return ProgressRules.view(goal, player, catalog, NOW);
    }

    @Test
    @DisplayName("row 1: no state shows 0, not_started, inactive, no timestamps")
    void noState() {
      GoalView view = ProgressRules.view(kills, player().build(), catalog, NOW);

      assertThat(view)
          .isEqualTo(
              new GoalView(GoalStatus.NOT_STARTED, 0, false, null, null, null, null, 0, false));
    }

    @Test
    @DisplayName("row 2: a goal that does not rotate shows its progress and status")
    void notRotating() {
      GoalView view = view(kills, state(kills).writtenAt(YESTERDAY).completed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(12);
    }

    @Test
    @DisplayName(
        "row 2: a rotating goal written in the current period shows its progress and status")
    void notStale() {
      GoalView view =
          view(resetting, state(resetting).writtenAt(EARLIER_TODAY).completed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(12);
    }

    @Test
    @DisplayName("row 3: stale with resetProgress=false shows its progress and status")
    void staleKeep() {
      GoalView view = view(keeping, state(keeping).writtenAt(YESTERDAY).completed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(12);
    }

    @Test
    @DisplayName("row 4: stale, resetProgress, claimed without reselection stays claimed")
    void staleClaimedNoReselection() {
      GoalView view = view(resetting, state(resetting).writtenAt(YESTERDAY).claimed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(view.progress()).isEqualTo(12);
    }

    @Test
    @DisplayName("row 5: stale with resetProgress shows 0 and not_started")
    void staleReset() {
      GoalView view = view(resetting, state(resetting).writtenAt(YESTERDAY).completed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(view.progress()).isEqualTo(0);
    }

    @Test
    @DisplayName("row 5: stale, resetProgress, claimed with reselection shows 0 and not_started")
    void staleClaimedReselectable() {
      GoalView view =
          view(reselectable, state(reselectable).writtenAt(YESTERDAY).claimed(12).build());

      assertThat(view.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(view.progress()).isEqualTo(0);
    }

    @Test
    @DisplayName("row 5: completedAt and claimedAt are shown raw even when display resets")
    void timestampsShownRaw() {
      GoalView view =
          view(reselectable, state(reselectable).writtenAt(YESTERDAY).claimed(12).build());

      assertThat(view.completedAt()).isEqualTo(YESTERDAY);
      assertThat(view.claimedAt()).isEqualTo(YESTERDAY);
    }
  }

  @Nested
  @DisplayName("view")
  class View {

    private final Goal daily = statisticGoal("daily", "kills").daily(true, false).build();
    private final Goal weekly =
        statisticGoal("weekly", "kills").rotating(Schedule.WEEKLY, true, false).build();

    @Test
    @DisplayName("shows the state's assignment, activity and timestamps")
    void fromState() {
      GoalState state = state(kills).writtenAt(YESTERDAY).completed(10).inactive().build();
      GoalView view = ProgressRules.view(kills, player().goal(state).build(), catalog(kills), NOW);

      assertThat(view.active()).isFalse();
      assertThat(view.assignedAt()).isEqualTo(YESTERDAY);
      assertThat(view.completedAt()).isEqualTo(YESTERDAY);
      assertThat(view.claimedAt()).isNull();
    }

    @Test
    @DisplayName("shows progress and status derived from events since the state was written")
    void derived() {
      PlayerProgress player =
          player().seq(3).stat("kills", 6, 3).goal(state(kills).seq(1).build()).build();

      GoalView view = ProgressRules.view(kills, player, catalog(kills), NOW);

      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(view.progress()).isEqualTo(6);
    }

    @Test
    @DisplayName("a rotating goal without a state expires at the next boundary")
    void expiresWithoutState() {
      GoalView view = ProgressRules.view(daily, player().build(), catalog(daily), NOW);

      assertThat(view.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
      assertThat(view.expiresInSeconds()).isEqualTo(14 * 3600);
    }

    @Test
    @DisplayName("expiresAt is the next boundary of the goal's own schedule, not the stored column")
    void expiresWeekly() {
      GoalState state = state(weekly).expiresAt(Instant.parse("2020-01-01T00:00:00Z")).build();
      GoalView view =
          ProgressRules.view(weekly, player().goal(state).build(), catalog(weekly), NOW);

      assertThat(view.expiresAt()).isEqualTo(Instant.parse("2025-03-17T00:00:00Z"));
      assertThat(view.expiresInSeconds()).isEqualTo(4 * 86400 + 14 * 3600);
    }

    @Test
    @DisplayName("a goal that does not rotate has no expiry")
    void noExpiry() {
      GoalView view = ProgressRules.view(kills, player().build(), catalog(kills), NOW);

      assertThat(view.expiresAt()).isNull();
      assertThat(view.expiresInSeconds()).isZero();
    }

    @Test
    @DisplayName("expiresInSeconds rounds a fractional second down")
    void expiresInWholeSeconds() {
      GoalView view =
          ProgressRules.view(daily, player().build(), catalog(daily), NOW.plusMillis(500));

      assertThat(view.expiresInSeconds()).isEqualTo(14 * 3600 - 1);
    }
  }

  @Nested
  @DisplayName("locked")
  class Locked {

    private final Goal first = statisticGoal("first", "kills").build();
    private final Goal second = statisticGoal("second", "kills").prerequisites("first").build();
    private final CatalogIndex catalog = catalog(first, second);

    private boolean locked(GoalState firstState) {
      PlayerProgress player = player().seq(5).stat("kills", 3, 5).goal(firstState).build();
      return ProgressRules.view(second, player, catalog, NOW).locked();
    }

    @Test
    @DisplayName("a goal without prerequisites is never locked")
    void noPrerequisites() {
      assertThat(ProgressRules.view(first, player().build(), catalog, NOW).locked()).isFalse();
    }

    @Test
    @DisplayName("a prerequisite the player never had locks the goal")
    void prerequisiteNeverAssigned() {
      assertThat(ProgressRules.view(second, player().build(), catalog, NOW).locked()).isTrue();
    }

    @Test
    @DisplayName("a prerequisite in progress (even by derivation) locks the goal")
    void prerequisiteInProgress() {
      assertThat(locked(state(first).seq(1).build())).isTrue();
    }

    @Test
    @DisplayName("a completed prerequisite unlocks the goal")
    void prerequisiteCompleted() {
      assertThat(locked(state(first).completed(10).build())).isFalse();
    }

    @Test
    @DisplayName("a claimed prerequisite unlocks the goal")
    void prerequisiteClaimed() {
      assertThat(locked(state(first).claimed(10).build())).isFalse();
    }

    @Test
    @DisplayName("an inactive completed prerequisite still unlocks the goal")
    void prerequisiteInactiveCompleted() {
      assertThat(locked(state(first).completed(10).inactive().build())).isFalse();
    }

    @Test
    @DisplayName("a prerequisite completed in a past rotation period still counts as done")
    void prerequisiteStaleCompleted() {
      Goal dailyFirst = statisticGoal("first", "kills").daily(true, false).build();
      PlayerProgress player =
          player().goal(state(dailyFirst).writtenAt(YESTERDAY).completed(10).build()).build();

      assertThat(ProgressRules.view(second, player, catalog(dailyFirst, second), NOW).locked())
          .isFalse();
    }

    @Test
    @DisplayName("a prerequisite in another challenge is evaluated like any other")
    void prerequisiteOtherChallenge() {
      Goal elsewhere = statisticGoal("first", "kills").inChallenge("challenge-2").build();
      PlayerProgress player = player().goal(state(elsewhere).completed(10).build()).build();

      assertThat(ProgressRules.view(second, player, catalog(second, elsewhere), NOW).locked())
          .isFalse();
    }

    @Test
    @DisplayName("a prerequisite id missing from the catalog counts as met")
    void prerequisiteUnknown() {
      Goal orphan = statisticGoal("orphan", "kills").prerequisites("gone").build();

      assertThat(ProgressRules.view(orphan, player().build(), catalog(orphan), NOW).locked())
          .isFalse();
    }
  }

  /** Implicit default goals whose completion {@link Crossings} record (no stored state). */
  @Nested
  @DisplayName("derived completion")
  class DerivedCompletion {

    private final Goal kills20 = statisticGoal("kills-20", "kills").target(20).defaultAssigned()
        .build();
    private final Goal gated =
        statisticGoal("gated", "kills").target(90).defaultAssigned().prerequisites("kills-20")
            .build();
    private final CatalogIndex catalog = catalog(kills20, gated);

    /** Initialised yesterday at seq 1; kills crossed 25 at seq 2 and 60 at seq 4 (now 30). */
    private PlayerProgress player() {
      return Fixtures.player()
          .seq(5)
          .stat("kills", 30, 5)
          .initialized(YESTERDAY, 1, 0, catalog)
          .crossing("kills", 25, 2, EARLIER_TODAY)
          .crossing("kills", 60, 4, NOW)
          .build();
    }

    @Test
    @DisplayName("shows completed at the first crossing reaching the target, progress the stat")
    void completedAtFirstCrossing() {
      GoalView view = ProgressRules.view(kills20, player(), catalog, NOW);

      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.completedAt()).isEqualTo(EARLIER_TODAY);
      assertThat(view.assignedAt()).isEqualTo(YESTERDAY);
      assertThat(view.progress()).isEqualTo(30);
      assertThat(view.active()).isTrue();
    }

    @Test
    @DisplayName("a goal whose target no crossing reached stays in progress")
    void notReached() {
      GoalView view = ProgressRules.view(gated, player(), catalog, NOW);

      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(view.completedAt()).isNull();
    }

    @Test
    @DisplayName("a prerequisite completed by derivation unlocks its dependents")
    void unlocks() {
      assertThat(ProgressRules.view(gated, player(), catalog, NOW).locked()).isFalse();
    }

    @Test
    @DisplayName("a crossing does not complete a goal the player never had")
    void neverAssigned() {
      Goal optional = statisticGoal("optional", "kills").target(20).build();
      CatalogIndex withOptional = catalog(kills20, gated, optional);

      assertThat(player().goal(optional)).isNull();
      assertThat(ProgressRules.view(optional, player(), withOptional, NOW).status())
          .isEqualTo(GoalStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("a relative default goal never derives a completion from crossings")
    void relativeNotDerived() {
      Goal relative = statisticGoal("rel", "kills").target(20).relative().defaultAssigned()
          .build();
      PlayerProgress player =
          Fixtures.player()
              .initialized(YESTERDAY, 1, 0, catalog(relative))
              .crossing("kills", 25, 2, EARLIER_TODAY)
              .build();

      assertThat(player.goal(relative).status()).isEqualTo(GoalStatus.NOT_STARTED);
    }
  }
}
