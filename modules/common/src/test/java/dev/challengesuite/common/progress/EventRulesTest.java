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

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.player.PlayerEvent;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link EventRules} against the reference §5.3.4 table. Statistic goals have target T = 10 unless
 * said otherwise; "inc >= T" events carry inc 12, "inc < T" events inc 4. Stale states were written
 * {@code YESTERDAY}, fresh ones {@code EARLIER_TODAY}; the event happens at {@code NOW}.
 */
class EventRulesTest {

  private static EventOutcome apply(Goal goal, GoalState state, PlayerEvent event) {
    PlayerProgress player = player().seq(3).logins(4).goal(state).build();
    return EventRules.apply(player, event, catalog(goal), NOW);
  }

  /** The single goal state the event wrote. */
  private static GoalState written(EventOutcome outcome) {
    assertThat(outcome.changedGoals()).hasSize(1);
    GoalState state = outcome.changedGoals().getFirst();
    assertThat(outcome.player().goals()).containsEntry(state.goalId(), state);
    return state;
  }

  private static GoalView viewAfter(Goal goal, EventOutcome outcome) {
    return ProgressRules.view(goal, outcome.player(), catalog(goal), NOW);
  }

  @Nested
  @DisplayName("counters")
  class Counters {

    private final Goal kills = statisticGoal("kills-10", "kills").build();
    private final Goal logins = loginGoal("login-5").build();

    @Test
    @DisplayName("a stat event nobody listens to is not applied and leaves the player as it was")
    void unknownStat() {
      PlayerProgress player = player().seq(3).build();

      EventOutcome outcome = EventRules.apply(player, stat("deaths", 5, 1), catalog(kills), NOW);

      assertThat(outcome.applied()).isFalse();
      assertThat(outcome.player()).isSameAs(player);
      assertThat(outcome.changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("a login event is not applied when the catalog has no login goal")
    void loginWithoutLoginGoals() {
      PlayerProgress player = player().seq(3).build();

      EventOutcome outcome = EventRules.apply(player, login(), catalog(kills), NOW);

      assertThat(outcome.applied()).isFalse();
      assertThat(outcome.player()).isSameAs(player);
    }

    @Test
    @DisplayName("a stat event records its value at the next sequence, even with no active goal")
    void statRecorded() {
      PlayerProgress player = player().seq(3).logins(2).stat("kills", 1, 2).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 5, 4), catalog(kills), NOW);

      assertThat(outcome.applied()).isTrue();
      PlayerStats stats = outcome.player().stats();
      assertThat(stats.seq()).isEqualTo(4);
      assertThat(stats.loginCount()).isEqualTo(2);
      assertThat(stats.stat("kills")).isEqualTo(new StatValue(5, 4));
    }

    @Test
    @DisplayName("a login event counts one login at the next sequence and keeps the stats map")
    void loginCounted() {
      PlayerProgress player = player().seq(3).logins(2).stat("kills", 1, 2).build();

      EventOutcome outcome = EventRules.apply(player, login(), catalog(logins), NOW);

      PlayerStats stats = outcome.player().stats();
      assertThat(stats.seq()).isEqualTo(4);
      assertThat(stats.loginCount()).isEqualTo(3);
      assertThat(stats.stats()).isSameAs(player.stats().stats());
    }

    @Test
    @DisplayName("an event that writes no goal state keeps the goals map instance")
    void goalsMapShared() {
      PlayerProgress player = player().seq(3).goal(state(kills).build()).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 5, 5), catalog(kills), NOW);

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(outcome.player().goals()).isSameAs(player.goals());
      assertThat(outcome.player().version()).isEqualTo(player.version());
    }
  }

  @Nested
  @DisplayName("which goals an event moves")
  class Matching {

    private final Goal statOnLoginCode =
        statisticGoal("stat-logins", "login-count").target(1).build();
    private final Goal loginGoal = loginGoal("login-1").target(1).build();
    private final CatalogIndex catalog = catalog(statOnLoginCode, loginGoal);

    private PlayerProgress bothAssigned() {
      return player()
          .seq(3)
          .goal(state(statOnLoginCode).build())
          .goal(state(loginGoal).build())
          .build();
    }

    @Test
    @DisplayName("a login event never moves a statistic goal that shares its stat code")
    void loginSkipsStatisticGoal() {
      EventOutcome outcome = EventRules.apply(bothAssigned(), login(), catalog, NOW);

      assertThat(written(outcome).goalId()).isEqualTo("login-1");
      assertThat(ProgressRules.view(statOnLoginCode, outcome.player(), catalog, NOW).status())
          .isEqualTo(GoalStatus.NOT_STARTED);
    }

    @Test
    @DisplayName("a statistic event never moves a login goal that shares its stat code")
    void statisticSkipsLoginGoal() {
      EventOutcome outcome =
          EventRules.apply(bothAssigned(), stat("login-count", 5, 1), catalog, NOW);

      assertThat(written(outcome).goalId()).isEqualTo("stat-logins");
      GoalView login = ProgressRules.view(loginGoal, outcome.player(), catalog, NOW);
      assertThat(login.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(login.progress()).isZero();
    }

    @Test
    @DisplayName("a goal the player never had is neither written nor created")
    void unassignedUntouched() {
      Goal kills = statisticGoal("kills-1", "kills").target(1).build();

      EventOutcome outcome =
          EventRules.apply(player().seq(3).build(), stat("kills", 5, 5), catalog(kills), NOW);

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(outcome.player().goal(kills)).isNull();
    }

    @Test
    @DisplayName("an inactive goal is not written and stays frozen, even at its target")
    void inactiveUntouched() {
      Goal kills = statisticGoal("kills-10", "kills").build();
      GoalState inactive = state(kills).inactive().inProgress(3).build();

      EventOutcome outcome = apply(kills, inactive, stat("kills", 50, 47));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(kills, outcome);
      assertThat(view.progress()).isEqualTo(3);
      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("an inactive login goal does not count the login")
    void inactiveLoginFrozen() {
      Goal logins = loginGoal("login-5").target(5).build();
      GoalState inactive = state(logins).inactive().inProgress(2).loginBase(4).build();

      EventOutcome outcome = apply(logins, inactive, login());

      assertThat(viewAfter(logins, outcome).progress()).isEqualTo(2);
    }

    @Test
    @DisplayName("a claimed goal that does not rotate is not written and stays frozen")
    void claimedFrozen() {
      Goal kills = statisticGoal("kills-10", "kills").build();

      EventOutcome outcome = apply(kills, state(kills).claimed(10).build(), stat("kills", 25, 15));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(kills, outcome);
      assertThat(view.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(view.progress()).isEqualTo(10);
    }

    @Test
    @DisplayName("a stale claimed rotating goal without reselection is not written")
    void claimedWithoutReselection() {
      Goal daily = statisticGoal("daily", "kills").relative().daily(true, false).build();
      GoalState claimed = state(daily).writtenAt(YESTERDAY).claimed(50).baseline(40).build();

      EventOutcome outcome = apply(daily, claimed, stat("kills", 62, 12));

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(viewAfter(daily, outcome).status()).isEqualTo(GoalStatus.CLAIMED);
    }

    @Test
    @DisplayName("a claimed reselectable goal in its own period is not written and stays frozen")
    void claimedReselectableSamePeriod() {
      Goal daily = statisticGoal("daily", "kills").relative().daily(true, true).build();
      GoalState claimed = state(daily).claimed(50).baseline(40).build();

      EventOutcome outcome = apply(daily, claimed, stat("kills", 62, 12));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(daily, outcome);
      assertThat(view.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(view.progress()).isEqualTo(10);
    }

    @Test
    @DisplayName("an implicit default goal that completes is not written: its completion is derived")
    void implicitDefaultCompletes() {
      Goal kills = statisticGoal("kills-10", "kills").defaultAssigned().build();
      CatalogIndex catalog = catalog(kills);
      PlayerProgress player = player().seq(3).initialized(EARLIER_TODAY, 3, 0, catalog).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 10, 10), catalog, NOW);

      assertThat(outcome.changedGoals()).isEmpty();
      GoalState state = outcome.player().goal(kills);
      assertThat(state.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(state.active()).isTrue();
      assertThat(state.assignedAt()).isEqualTo(EARLIER_TODAY);
    }
  }

  /** A1: absolute mode. progress := P'; completion is sticky; inc plays no part. */
  @Nested
  @DisplayName("A1 absolute")
  class Absolute {

    private final Goal kills = statisticGoal("kills-10", "kills").target(10).build();
    private final Goal logins = loginGoal("login-3").target(3).build();

    @Test
    @DisplayName("below target: nothing written; shows the value and in_progress")
    void belowTarget() {
      EventOutcome outcome = apply(kills, state(kills).build(), stat("kills", 7, 7));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(kills, outcome);
      assertThat(view.progress()).isEqualTo(7);
      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("a value of 0 still moves not_started to in_progress without a write")
    void zeroValueStartsGoal() {
      EventOutcome outcome = apply(kills, state(kills).build(), stat("kills", 0, 0));

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(viewAfter(kills, outcome).status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("reaching the target writes completed with completedAt now and P' at the new seq")
    void completes() {
      GoalState before = state(kills).inProgress(7).seq(2).build();

      GoalState after = written(apply(kills, before, stat("kills", 11, 4)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "kills-10",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  11,
                  4,
                  4,
                  null,
                  EARLIER_TODAY,
                  NOW,
                  null,
                  null,
                  NOW));
    }

    @Test
    @DisplayName("inc >= T with a value below target does not complete (inc plays no part)")
    void incIgnored() {
      EventOutcome outcome = apply(kills, state(kills).build(), stat("kills", 9, 12));

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(viewAfter(kills, outcome).status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName(
        "completed is sticky: a lower value shows, status stays completed, nothing written")
    void stickyCompletion() {
      GoalState completed = state(kills).completed(12).seq(2).build();

      EventOutcome outcome = apply(kills, completed, stat("kills", 4, -8));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(kills, outcome);
      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(4);
      assertThat(view.completedAt()).isEqualTo(EARLIER_TODAY);
    }

    @Test
    @DisplayName("a login adds one to a login goal's progress without a write")
    void loginIncrements() {
      GoalState state = state(logins).inProgress(1).loginBase(4).build();

      EventOutcome outcome = apply(logins, state, login());

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(viewAfter(logins, outcome).progress()).isEqualTo(2);
    }

    @Test
    @DisplayName("the login that reaches the target writes completed with the new login base")
    void loginCompletes() {
      GoalState state = state(logins).inProgress(1).loginBase(3).build(); // one login since: raw 2

      GoalState after = written(apply(logins, state, login()));

      assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(after.progress()).isEqualTo(3);
      assertThat(after.loginBase()).isEqualTo(5);
      assertThat(after.completedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("a stale rotating goal is written to start the new period (updatedAt now)")
    void staleRotatingWritten() {
      Goal daily = statisticGoal("daily", "kills").target(10).daily(true, false).build();
      GoalState stale = state(daily).writtenAt(YESTERDAY).inProgress(3).seq(1).build();

      EventOutcome outcome = apply(daily, stale, stat("kills", 5, 2));

      GoalState after = written(outcome);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.progress()).isEqualTo(5);
      assertThat(after.updatedAt()).isEqualTo(NOW);
      assertThat(after.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
      assertThat(viewAfter(daily, outcome).progress()).isEqualTo(5);
    }

    @Test
    @DisplayName("a stale claimed reselectable absolute goal stays claimed at its claimed progress")
    void staleClaimedStaysClaimed() {
      Goal daily = statisticGoal("daily", "kills").target(10).daily(true, true).build();
      GoalState claimed = state(daily).writtenAt(YESTERDAY).claimed(10).seq(1).build();

      GoalState after = written(apply(daily, claimed, stat("kills", 30, 20)));

      assertThat(after.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(after.progress()).isEqualTo(10);
      assertThat(after.claimedAt()).isEqualTo(YESTERDAY);
      assertThat(after.updatedAt()).isEqualTo(NOW);
    }
  }

  /** Rs: relative, stale, claimed, allowReselection. The period restarts with this event. */
  @Nested
  @DisplayName("Rs reselect reset")
  class ReselectReset {

    private final Goal daily = statisticGoal("daily", "kills").relative().daily(true, true).build();
    private final GoalState claimed =
        state(daily).writtenAt(YESTERDAY).claimed(50).baseline(40).seq(1).build();

    @Test
    @DisplayName("inc >= T: baseline P'-inc, completed now, claim cleared, expires next boundary")
    void incAtLeastTarget() {
      GoalState after = written(apply(daily, claimed, stat("kills", 62, 12)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "daily",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  62,
                  4,
                  4,
                  50,
                  YESTERDAY,
                  NOW,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
    }

    @Test
    @DisplayName(
        "inc < T: in_progress, completedAt and claimedAt cleared (not the 06ab165 not_started)")
    void incBelowTarget() {
      EventOutcome outcome = apply(daily, claimed, stat("kills", 54, 4));

      GoalState after = written(outcome);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.completedAt()).isNull();
      assertThat(after.claimedAt()).isNull();
      assertThat(viewAfter(daily, outcome).progress()).isEqualTo(4);
    }

    @Test
    @DisplayName("applies whatever resetProgress says")
    void withoutResetProgress() {
      Goal keep = statisticGoal("daily", "kills").relative().daily(false, true).build();
      GoalState state = state(keep).writtenAt(YESTERDAY).claimed(50).baseline(40).seq(1).build();

      GoalState after = written(apply(keep, state, stat("kills", 54, 4)));

      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.claimedAt()).isNull();
    }

    @Test
    @DisplayName("a login goal restarts from its frozen counter: baseline = counter, shows 1")
    void loginCounter() {
      Goal logins = loginGoal("daily-login").relative().target(1).daily(true, true).build();
      GoalState state =
          state(logins).writtenAt(YESTERDAY).claimed(5).baseline(4).loginBase(2).build();

      EventOutcome outcome = apply(logins, state, login());

      GoalState after = written(outcome);
      assertThat(after.baseline()).isEqualTo(5);
      assertThat(after.progress()).isEqualTo(6);
      assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED); // inc 1 >= T 1
      assertThat(viewAfter(logins, outcome).progress()).isEqualTo(1);
    }
  }

  /** Rr: relative, stale, not claimed, resetProgress. The period restarts with this event. */
  @Nested
  @DisplayName("Rr rotated + reset")
  class RotatedReset {

    private final Goal daily =
        statisticGoal("daily", "kills").relative().daily(true, false).build();
    private final GoalState completed =
        state(daily).writtenAt(YESTERDAY).completed(50).baseline(30).seq(1).build();

    @Test
    @DisplayName("inc >= T: baseline P'-inc, completed again with completedAt now")
    void incAtLeastTarget() {
      GoalState after = written(apply(daily, completed, stat("kills", 62, 12)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "daily",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  62,
                  4,
                  4,
                  50,
                  YESTERDAY,
                  NOW,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
    }

    @Test
    @DisplayName("inc < T: baseline P'-inc, in_progress, completedAt cleared")
    void incBelowTarget() {
      EventOutcome outcome = apply(daily, completed, stat("kills", 54, 4));

      GoalState after = written(outcome);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.completedAt()).isNull();
      assertThat(after.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
      assertThat(viewAfter(daily, outcome).progress()).isEqualTo(4);
    }
  }

  /** Rk: relative, stale, not claimed, no resetProgress. Baseline kept; the write un-stales. */
  @Nested
  @DisplayName("Rk rotated, keep")
  class RotatedKeep {

    private final Goal daily =
        statisticGoal("daily", "kills").relative().daily(false, false).build();
    private final GoalState inProgress =
        state(daily).writtenAt(YESTERDAY).inProgress(50).baseline(45).seq(1).build();

    @Test
    @DisplayName("P'-baseline >= T (with inc < T): newly completed with completedAt now")
    void completesAgainstKeptBaseline() {
      GoalState after = written(apply(daily, inProgress, stat("kills", 56, 4)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "daily",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  56,
                  4,
                  4,
                  45,
                  YESTERDAY,
                  NOW,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
    }

    @Test
    @DisplayName("P'-baseline < T (with inc >= T): baseline kept, in_progress, written")
    void staysInProgress() {
      EventOutcome outcome = apply(daily, inProgress, stat("kills", 52, 12));

      GoalState after = written(outcome);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.baseline()).isEqualTo(45);
      assertThat(after.updatedAt()).isEqualTo(NOW);
      assertThat(after.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
      assertThat(viewAfter(daily, outcome).progress()).isEqualTo(7);
    }

    @Test
    @DisplayName("completed stays completed and keeps its completedAt")
    void completedKept() {
      GoalState completed = state(daily).writtenAt(YESTERDAY).completed(60).baseline(45).build();

      GoalState after = written(apply(daily, completed, stat("kills", 46, 1)));

      assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(after.completedAt()).isEqualTo(YESTERDAY);
      assertThat(after.updatedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("note 2, no baseline, inc >= T: baseline P'-inc and completed")
    void noBaselineIncAtLeastTarget() {
      GoalState noBaseline = state(daily).writtenAt(YESTERDAY).build();

      GoalState after = written(apply(daily, noBaseline, stat("kills", 62, 12)));

      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(after.completedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("note 2, no baseline, inc < T: baseline P'-inc and in_progress")
    void noBaselineIncBelowTarget() {
      GoalState noBaseline = state(daily).writtenAt(YESTERDAY).build();

      GoalState after = written(apply(daily, noBaseline, stat("kills", 54, 4)));

      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.completedAt()).isNull();
    }
  }

  /** Rf: relative, not stale, no baseline yet: this event captures it. */
  @Nested
  @DisplayName("Rf first event")
  class FirstEvent {

    private final Goal relative = statisticGoal("rel", "kills").relative().target(10).build();
    private final GoalState fresh = state(relative).build();

    @Test
    @DisplayName(
        "inc >= T: baseline P'-inc and completed now (note 1: completes on its first event)")
    void incAtLeastTarget() {
      GoalState after = written(apply(relative, fresh, stat("kills", 62, 12)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "rel",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  62,
                  4,
                  4,
                  50,
                  EARLIER_TODAY,
                  NOW,
                  null,
                  null,
                  NOW));
    }

    @Test
    @DisplayName("inc < T: baseline P'-inc captured (written) and in_progress")
    void incBelowTarget() {
      EventOutcome outcome = apply(relative, fresh, stat("kills", 54, 4));

      GoalState after = written(outcome);
      assertThat(after.baseline()).isEqualTo(50);
      assertThat(after.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(after.completedAt()).isNull();
      assertThat(viewAfter(relative, outcome).progress()).isEqualTo(4);
    }

    @Test
    @DisplayName("a completed goal stays completed while its baseline is captured")
    void completedKept() {
      GoalState completed = state(relative).completed(20).build();

      GoalState after = written(apply(relative, completed, stat("kills", 3, 1)));

      assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(after.completedAt()).isEqualTo(EARLIER_TODAY);
      assertThat(after.baseline()).isEqualTo(2);
    }

    @Test
    @DisplayName("a rotating goal's written state expires at the next boundary")
    void rotatingExpiry() {
      Goal daily = statisticGoal("daily", "kills").relative().daily(true, false).build();

      GoalState after = written(apply(daily, state(daily).build(), stat("kills", 54, 4)));

      assertThat(after.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
    }

    @Test
    @DisplayName("a goal that does not rotate keeps its expiresAt")
    void nonRotatingExpiryKept() {
      GoalState after = written(apply(relative, fresh, stat("kills", 54, 4)));

      assertThat(after.expiresAt()).isNull();
    }

    @Test
    @DisplayName("a relative login goal's first login: baseline = counter before it, shows 1")
    void loginCounter() {
      Goal logins = loginGoal("logins-rel").relative().target(3).build();
      GoalState state = state(logins).progress(2).loginBase(4).build();

      EventOutcome outcome = apply(logins, state, login());

      GoalState after = written(outcome);
      assertThat(after.baseline()).isEqualTo(2);
      assertThat(after.progress()).isEqualTo(3);
      assertThat(viewAfter(logins, outcome).progress()).isEqualTo(1);
    }
  }

  /** Rn: relative, not stale, baseline set: completion against the baseline. */
  @Nested
  @DisplayName("Rn normal")
  class Normal {

    private final Goal relative = statisticGoal("rel", "kills").relative().target(10).build();
    private final GoalState inProgress = state(relative).inProgress(45).baseline(40).seq(1).build();

    @Test
    @DisplayName("P'-baseline >= T (with inc < T): newly completed, written")
    void completes() {
      GoalState after = written(apply(relative, inProgress, stat("kills", 50, 4)));

      assertThat(after)
          .isEqualTo(
              new GoalState(
                  "rel",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  50,
                  4,
                  4,
                  40,
                  EARLIER_TODAY,
                  NOW,
                  null,
                  null,
                  NOW));
    }

    @Test
    @DisplayName("P'-baseline < T: nothing written; shows P'-baseline and in_progress")
    void progresses() {
      EventOutcome outcome = apply(relative, inProgress, stat("kills", 48, 3));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(relative, outcome);
      assertThat(view.progress()).isEqualTo(8);
      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("inc >= T with P'-baseline < T does not complete")
    void incIgnored() {
      EventOutcome outcome = apply(relative, inProgress, stat("kills", 45, 12));

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(viewAfter(relative, outcome).status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("completed stays completed when progress falls back; nothing written")
    void completedSticky() {
      GoalState completed = state(relative).completed(55).baseline(40).seq(1).build();

      EventOutcome outcome = apply(relative, completed, stat("kills", 41, 1));

      assertThat(outcome.changedGoals()).isEmpty();
      GoalView view = viewAfter(relative, outcome);
      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(1);
    }

    @Test
    @DisplayName("a rotating goal's completion in its own period expires at the next boundary")
    void rotatingCompletion() {
      Goal daily = statisticGoal("daily", "kills").relative().daily(true, false).build();
      GoalState state = state(daily).inProgress(45).baseline(40).seq(1).build();

      GoalState after = written(apply(daily, state, stat("kills", 50, 5)));

      assertThat(after.expiresAt()).isEqualTo(TOMORROW_MIDNIGHT);
      assertThat(after.updatedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("a sequence of events derives the same progress as writing each one would")
    void sequenceOfEvents() {
      PlayerProgress player = player().seq(3).goal(inProgress).build();
      CatalogIndex catalog = catalog(relative);
      for (int value : new int[] {46, 43, 47}) {
        player = EventRules.apply(player, stat("kills", value, 1), catalog, NOW).player();
      }

      GoalView view = ProgressRules.view(relative, player, catalog, NOW);
      assertThat(view.progress()).isEqualTo(7);
      assertThat(player.goals()).containsEntry("rel", inProgress);
    }
  }

  @Test
  @DisplayName("one event writes only the goals whose state changes, in catalog order")
  void onlyChangedGoalsWritten() {
    Goal low = statisticGoal("low", "kills").target(5).build();
    Goal high = statisticGoal("high", "kills").target(50).build();
    Goal relative = statisticGoal("rel", "kills").relative().target(50).build();
    PlayerProgress player =
        player()
            .seq(3)
            .goal(state(low).build())
            .goal(state(high).build())
            .goal(state(relative).build())
            .build();

    EventOutcome outcome =
        EventRules.apply(player, stat("kills", 6, 6), catalog(low, high, relative), NOW);

    assertThat(outcome.changedGoals()).extracting(GoalState::goalId).containsExactly("low", "rel");
    assertThat(outcome.player().goals().get("high")).isEqualTo(player.goals().get("high"));
  }

  @Test
  @DisplayName("a written goal's timestamps are exactly the event's now")
  void timestampsAreNow() {
    Goal kills = statisticGoal("kills-1", "kills").target(1).build();
    Instant at = Instant.parse("2025-03-12T23:59:59Z");
    PlayerProgress player = player().goal(state(kills).build()).build();

    GoalState after =
        EventRules.apply(player, stat("kills", 1, 1), catalog(kills), at).changedGoals().getFirst();

    assertThat(after.completedAt()).isEqualTo(at);
    assertThat(after.updatedAt()).isEqualTo(at);
  }

  /**
   * Implicit default goals that are absolute and do not rotate: the event that completes one
   * records a crossing in the counters instead of writing the goal, and the goal's completed state
   * is derived from it.
   */
  @Nested
  @DisplayName("derived completions")
  class DerivedCompletions {

    private final Goal kills10 = statisticGoal("kills-10", "kills").defaultAssigned().build();
    private final Goal kills50 =
        statisticGoal("kills-50", "kills").target(50).defaultAssigned().build();
    private final Goal logins3 = loginGoal("login-3").target(3).defaultAssigned().build();
    private final CatalogIndex catalog = catalog(kills10, kills50, logins3);
    private final Instant later = NOW.plusSeconds(60);

    /** Initialised earlier today at seq 3 and 2 logins. */
    private PlayerProgress initialized() {
      return player().seq(3).logins(2).initialized(EARLIER_TODAY, 3, 2, catalog).build();
    }

    private PlayerProgress after(PlayerProgress player, PlayerEvent event, Instant at) {
      return EventRules.apply(player, event, catalog, at).player();
    }

    @Test
    @DisplayName("the completing event writes no goal row and records one crossing")
    void noRowOneCrossing() {
      EventOutcome outcome = EventRules.apply(initialized(), stat("kills", 12, 12), catalog, NOW);

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(outcome.player().goals()).isEmpty();
      assertThat(outcome.player().stats().crossings().of("kills"))
          .containsExactly(new Crossing(12, 4, NOW));
    }

    @Test
    @DisplayName("the derived state is the one the completing event would have written")
    void exactState() {
      PlayerProgress player = after(initialized(), stat("kills", 12, 12), NOW);

      assertThat(player.goal(kills10))
          .isEqualTo(
              new GoalState(
                  "kills-10",
                  "challenge-1",
                  true,
                  GoalStatus.COMPLETED,
                  12,
                  4,
                  2,
                  null,
                  EARLIER_TODAY,
                  NOW,
                  null,
                  null,
                  NOW));
    }

    @Test
    @DisplayName("an event below every target records nothing and the goal shows in_progress")
    void belowTarget() {
      PlayerProgress player = after(initialized(), stat("kills", 7, 7), NOW);

      assertThat(player.stats().crossings()).isEqualTo(Crossings.NONE);
      GoalView view = ProgressRules.view(kills10, player, catalog, NOW);
      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(view.progress()).isEqualTo(7);
    }

    @Test
    @DisplayName("a higher value that reaches no new target keeps the crossings instance")
    void noNewTargetNoCrossing() {
      PlayerProgress completed = after(initialized(), stat("kills", 12, 12), NOW);

      PlayerProgress player = after(completed, stat("kills", 30, 18), later);

      assertThat(player.stats().crossings()).isSameAs(completed.stats().crossings());
      assertThat(player.goal(kills10).completedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("each goal completes at the first event reaching its own target")
    void eachTargetItsEvent() {
      PlayerProgress player =
          after(after(initialized(), stat("kills", 12, 12), NOW), stat("kills", 55, 43), later);

      assertThat(player.goal(kills10).completedAt()).isEqualTo(NOW);
      assertThat(player.goal(kills50).completedAt()).isEqualTo(later);
      assertThat(player.goal(kills50).progress()).isEqualTo(55);
      assertThat(player.goal(kills50).seq()).isEqualTo(5);
    }

    @Test
    @DisplayName("completion is sticky when the stat drops; progress follows the stat")
    void stickyOnDrop() {
      PlayerProgress player =
          after(after(initialized(), stat("kills", 12, 12), NOW), stat("kills", 2, 0), later);

      GoalView view = ProgressRules.view(kills10, player, catalog, later);
      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.completedAt()).isEqualTo(NOW);
      assertThat(view.progress()).isEqualTo(2);
    }

    @Test
    @DisplayName("a login goal completes at the login reaching its target since initialize")
    void loginCompletes() {
      PlayerProgress player = initialized();
      player = after(player, login(), EARLIER_TODAY);
      player = after(player, login(), EARLIER_TODAY);
      PlayerProgress completed = after(player, login(), NOW);

      assertThat(completed.goals()).isEmpty();
      assertThat(completed.stats().crossings().of(Crossings.LOGINS))
          .containsExactly(new Crossing(3, 6, NOW));
      GoalState state = completed.goal(logins3);
      assertThat(state.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(state.progress()).isEqualTo(3);
      assertThat(state.loginBase()).isEqualTo(5);
      assertThat(state.completedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("a derived login completion keeps counting logins in its progress")
    void loginProgressAfterCompletion() {
      PlayerProgress player = initialized();
      for (int i = 0; i < 4; i++) {
        player = after(player, login(), NOW);
      }

      GoalView view = ProgressRules.view(logins3, player, catalog, NOW);
      assertThat(view.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(view.progress()).isEqualTo(4);
    }

    @Test
    @DisplayName("an uninitialised player records no crossing")
    void uninitialised() {
      PlayerProgress player = player().seq(3).goal(state(kills10).build()).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 12, 12), catalog, NOW);

      assertThat(outcome.player().stats().crossings()).isEqualTo(Crossings.NONE);
      assertThat(written(outcome).status()).isEqualTo(GoalStatus.COMPLETED);
    }

    @Test
    @DisplayName("a goal with a stored state is still written when it completes")
    void storedGoalWritten() {
      PlayerProgress player =
          player().seq(3).initialized(EARLIER_TODAY, 3, 0, catalog).goal(state(kills10).build())
              .build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 12, 12), catalog, NOW);

      assertThat(written(outcome).goalId()).isEqualTo("kills-10");
    }

    @Test
    @DisplayName("an implicit relative goal is still written (its baseline is captured)")
    void relativeWritten() {
      Goal relative = statisticGoal("rel", "kills").relative().defaultAssigned().build();
      CatalogIndex relativeCatalog = catalog(relative);
      PlayerProgress player =
          player().seq(3).initialized(EARLIER_TODAY, 3, 0, relativeCatalog).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 12, 12), relativeCatalog, NOW);

      assertThat(written(outcome).goalId()).isEqualTo("rel");
      assertThat(outcome.player().stats().crossings()).isEqualTo(Crossings.NONE);
    }

    @Test
    @DisplayName("an implicit rotating goal is still written when it completes")
    void rotatingWritten() {
      Goal daily = statisticGoal("daily", "kills").daily(true, true).defaultAssigned().build();
      CatalogIndex dailyCatalog = catalog(daily);
      PlayerProgress player =
          player().seq(3).initialized(EARLIER_TODAY, 3, 0, dailyCatalog).build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 12, 12), dailyCatalog, NOW);

      assertThat(written(outcome).status()).isEqualTo(GoalStatus.COMPLETED);
    }

    @Test
    @DisplayName("a deactivated implicit goal (stored inactive) neither completes nor is written")
    void deactivatedNotCompleted() {
      PlayerProgress player =
          player()
              .seq(3)
              .initialized(EARLIER_TODAY, 3, 0, catalog)
              .goal(state(kills10).inactive().build())
              .build();

      EventOutcome outcome = EventRules.apply(player, stat("kills", 12, 12), catalog, NOW);

      assertThat(outcome.changedGoals()).isEmpty();
      assertThat(outcome.player().goal(kills10).status()).isEqualTo(GoalStatus.NOT_STARTED);
    }
  }
}
