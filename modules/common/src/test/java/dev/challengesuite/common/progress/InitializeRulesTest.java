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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InitializeRulesTest {

  private final Goal dailyKills =
      statisticGoal("daily-kills", "kills")
          .relative()
          .target(10)
          .daily(true, false)
          .defaultAssigned()
          .build();
  private final Goal logins = loginGoal("login-3").target(3).defaultAssigned().build();
  private final Goal optional = statisticGoal("optional", "kills").build();
  private final CatalogIndex catalog = catalog(dailyKills, logins, optional);

  private static GoalView view(Goal goal, PlayerProgress player, CatalogIndex catalog) {
    return ProgressRules.view(goal, player, catalog, NOW);
  }

  @Nested
  @DisplayName("first initialize")
  class First {

    @Test
    @DisplayName("records when, at which counters and with which default set the player started")
    void recordsInitialization() {
      PlayerProgress player = player().seq(7).logins(2).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      Initialization expected = new Initialization(NOW, 7, 2, catalog.defaultGoalSet());
      assertThat(change.initialization()).isEqualTo(expected);
      assertThat(change.player().initialization()).isEqualTo(expected);
    }

    @Test
    @DisplayName("assigns the default goals in catalog order without writing a goal state")
    void assignsDefaultsImplicitly() {
      InitializeChange change = InitializeRules.initialize(player().build(), catalog, NOW);

      assertThat(change.newlyAssigned()).containsExactly("daily-kills", "login-3");
      assertThat(change.changedGoals()).isEmpty();
      assertThat(change.player().goals()).isEmpty();
    }

    @Test
    @DisplayName("an implicitly assigned default goal shows active, not_started, assigned now")
    void implicitGoalView() {
      PlayerProgress after = InitializeRules.initialize(player().build(), catalog, NOW).player();

      GoalView view = view(logins, after, catalog);
      assertThat(view.active()).isTrue();
      assertThat(view.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(view.progress()).isZero();
      assertThat(view.assignedAt()).isEqualTo(NOW);
      assertThat(view(optional, after, catalog).active()).isFalse();
    }

    @Test
    @DisplayName("logins before the first initialize do not count toward an implicit login goal")
    void earlierLoginsNotCounted() {
      PlayerProgress after =
          InitializeRules.initialize(player().seq(5).logins(5).build(), catalog, NOW).player();
      PlayerProgress oneLoginLater = EventRules.apply(after, login(), catalog, NOW).player();

      assertThat(view(logins, after, catalog).progress()).isZero();
      assertThat(view(logins, oneLoginLater, catalog).progress()).isEqualTo(1);
    }

    @Test
    @DisplayName("a default goal deactivated before stays deactivated and is not newly assigned")
    void deactivatedDefaultStaysDeactivated() {
      GoalState deactivated = state(logins).inactive().progress(1).build();
      PlayerProgress player = player().goal(deactivated).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      assertThat(change.newlyAssigned()).containsExactly("daily-kills");
      assertThat(change.player().goal(logins)).isEqualTo(deactivated);
      assertThat(view(logins, change.player(), catalog).active()).isFalse();
    }

    @Test
    @DisplayName(
        "a default goal the player activated before keeps its state and is not newly assigned")
    void activatedDefaultKept() {
      GoalState activated = state(logins).inProgress(2).build();

      InitializeChange change =
          InitializeRules.initialize(player().goal(activated).build(), catalog, NOW);

      assertThat(change.newlyAssigned()).containsExactly("daily-kills");
      assertThat(change.player().goal(logins)).isEqualTo(activated);
    }

    @Test
    @DisplayName("a catalog without default goals still records the initialization")
    void noDefaults() {
      InitializeChange change =
          InitializeRules.initialize(player().build(), catalog(optional), NOW);

      assertThat(change.initialization()).isNotNull();
      assertThat(change.initialization().defaults().goalIds()).isEmpty();
      assertThat(change.newlyAssigned()).isEmpty();
    }

    @Test
    @DisplayName("stale goals the player already had are reset on the first initialize too")
    void resetsStoredStaleGoals() {
      GoalState stale = state(dailyKills).writtenAt(YESTERDAY).completed(50).baseline(30).build();

      InitializeChange change =
          InitializeRules.initialize(player().goal(stale).build(), catalog, NOW);

      assertThat(change.changedGoals())
          .extracting(GoalState::status)
          .containsExactly(GoalStatus.NOT_STARTED);
      assertThat(change.newlyAssigned()).containsExactly("login-3");
    }
  }

  @Nested
  @DisplayName("returning player")
  class Returning {

    private final CatalogIndex before = catalog(logins, optional); // daily-kills not yet a default

    @Test
    @DisplayName("nothing new and nothing stale: writes nothing and assigns nothing")
    void nothingToDo() {
      PlayerProgress player = player().seq(3).initialized(EARLIER_TODAY, 0, 0, catalog).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      assertThat(change.writesNothing()).isTrue();
      assertThat(change.newlyAssigned()).isEmpty();
      assertThat(change.player()).isSameAs(player);
    }

    @Test
    @DisplayName(
        "a default goal added to the catalog since is written as a state at the current counters")
    void addedDefaultWritten() {
      PlayerProgress player =
          player().seq(9).logins(4).initialized(YESTERDAY, 2, 1, before).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      GoalState expected =
          new GoalState(
              "daily-kills",
              "challenge-1",
              true,
              GoalStatus.NOT_STARTED,
              0,
              9,
              4,
              null,
              NOW,
              null,
              null,
              TOMORROW_MIDNIGHT,
              NOW);
      assertThat(change.initialization()).isNull();
      assertThat(change.changedGoals()).containsExactly(expected);
      assertThat(change.newlyAssigned()).containsExactly("daily-kills");
      assertThat(change.player().goals()).containsEntry("daily-kills", expected);
      assertThat(change.player().initialization()).isEqualTo(player.initialization());
    }

    @Test
    @DisplayName("a login goal added as a default since does not count earlier logins")
    void addedLoginDefaultStartsNow() {
      CatalogIndex withoutLogins = catalog(optional);
      PlayerProgress player =
          player().seq(9).logins(4).initialized(YESTERDAY, 2, 1, withoutLogins).build();

      PlayerProgress after = InitializeRules.initialize(player, catalog, NOW).player();

      assertThat(view(logins, after, catalog).progress()).isZero();
      assertThat(
              view(logins, EventRules.apply(after, login(), catalog, NOW).player(), catalog)
                  .progress())
          .isEqualTo(1);
    }

    @Test
    @DisplayName("a default goal added since that the player deactivated stays deactivated")
    void addedDefaultDeactivatedStays() {
      GoalState deactivated = state(dailyKills).inactive().build();
      PlayerProgress player =
          player().goal(deactivated).initialized(YESTERDAY, 0, 0, before).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      assertThat(change.newlyAssigned()).isEmpty();
      assertThat(change.changedGoals()).isEmpty();
      assertThat(change.player().goal(dailyKills)).isEqualTo(deactivated);
    }

    @Test
    @DisplayName("implicit defaults of the player's first initialize are not assigned again")
    void implicitDefaultsNotReassigned() {
      PlayerProgress player = player().initialized(EARLIER_TODAY, 0, 0, catalog).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      assertThat(change.newlyAssigned()).isEmpty();
      assertThat(change.player().goals()).isEmpty();
    }

    @Test
    @DisplayName("a derived completion stays implicit and completed")
    void derivedCompletionUntouched() {
      PlayerProgress player =
          player().seq(3).logins(3).initialized(EARLIER_TODAY, 0, 0, catalog)
              .crossing(Crossings.LOGINS, 3, 3, EARLIER_TODAY).build();

      InitializeChange change = InitializeRules.initialize(player, catalog, NOW);

      assertThat(change.writesNothing()).isTrue();
      assertThat(view(logins, change.player(), catalog).status()).isEqualTo(GoalStatus.COMPLETED);
    }
  }

  /** Reference §5.5 R2 with the DECISIONS fix: every changed column is persisted. */
  @Nested
  @DisplayName("rotation reset")
  class RotationReset {

    private final Goal reselectable =
        statisticGoal("daily-reselect", "kills").relative().target(10).daily(true, true).build();
    private final Goal keep =
        statisticGoal("daily-keep", "kills").relative().target(10).daily(false, true).build();
    private final Goal dailyLogins = loginGoal("daily-logins").target(3).daily(true, false).build();
    private final CatalogIndex rotating =
        catalog(dailyKills, reselectable, keep, dailyLogins, optional);

    /**
     * A returning player with kills = 58 (set at seq 6) and 4 logins, initialised yesterday after
     * those events: its implicit daily-kills goal is untouched.
     */
    private PlayerProgress returning(GoalState... states) {
      Fixtures.PlayerBuilder builder =
          player().seq(6).logins(4).stat("kills", 58, 6).initialized(YESTERDAY, 6, 4, rotating);
      for (GoalState state : states) {
        builder.goal(state);
      }
      return builder.build();
    }

    private InitializeChange initialize(GoalState... states) {
      return InitializeRules.initialize(returning(states), rotating, NOW);
    }

    @Test
    @DisplayName(
        "resetProgress: status, baseline, timestamps cleared, progress at current raw, all"
            + " persisted")
    void resetsAllColumns() {
      GoalState completed =
          state(dailyKills).writtenAt(YESTERDAY).completed(50).baseline(30).seq(2).build();

      InitializeChange change = initialize(completed);

      assertThat(change.changedGoals())
          .containsExactly(
              new GoalState(
                  "daily-kills",
                  "challenge-1",
                  true,
                  GoalStatus.NOT_STARTED,
                  58,
                  6,
                  4,
                  null,
                  YESTERDAY,
                  null,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
      GoalView view = view(dailyKills, change.player(), rotating);
      assertThat(view.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(view.progress()).isZero();
    }

    @Test
    @DisplayName(
        "after the reset the next event captures a new baseline instead of using the old one")
    void nextEventUsesFreshBaseline() {
      GoalState completed =
          state(dailyKills).writtenAt(YESTERDAY).completed(50).baseline(30).seq(2).build();
      PlayerProgress reset = initialize(completed).player();

      PlayerProgress after = EventRules.apply(reset, stat("kills", 62, 4), rotating, NOW).player();

      GoalView view = view(dailyKills, after, rotating);
      assertThat(view.status()).isEqualTo(GoalStatus.IN_PROGRESS);
      assertThat(view.progress()).isEqualTo(4);
    }

    @Test
    @DisplayName("a claimed goal with reselection and resetProgress is reset and its claim cleared")
    void claimedReselectableReset() {
      GoalState claimed =
          state(reselectable).writtenAt(YESTERDAY).claimed(50).baseline(30).seq(2).build();

      GoalState reset = initialize(claimed).changedGoals().getFirst();

      assertThat(reset.status()).isEqualTo(GoalStatus.NOT_STARTED);
      assertThat(reset.claimedAt()).isNull();
      assertThat(reset.completedAt()).isNull();
      assertThat(reset.baseline()).isNull();
    }

    @Test
    @DisplayName("a claimed goal without reselection is left alone")
    void claimedWithoutReselectionSkipped() {
      GoalState claimed = state(dailyKills).writtenAt(YESTERDAY).claimed(50).baseline(30).build();

      assertThat(initialize(claimed).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("a claimed goal with reselection but without resetProgress is left alone")
    void claimedWithoutResetSkipped() {
      GoalState claimed = state(keep).writtenAt(YESTERDAY).claimed(50).baseline(30).build();

      assertThat(initialize(claimed).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("without resetProgress: rewritten only to start the period, progress materialised")
    void keepProgressStartsPeriod() {
      GoalState inProgress =
          state(keep).writtenAt(YESTERDAY).inProgress(45).baseline(40).seq(2).build();

      InitializeChange change = initialize(inProgress);

      assertThat(change.changedGoals())
          .containsExactly(
              new GoalState(
                  "daily-keep",
                  "challenge-1",
                  true,
                  GoalStatus.IN_PROGRESS,
                  58,
                  6,
                  4,
                  40,
                  YESTERDAY,
                  null,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
      assertThat(view(keep, change.player(), rotating).progress()).isEqualTo(18);
    }

    @Test
    @DisplayName("without resetProgress a completed goal stays completed and becomes current")
    void keepCompletedBecomesCurrent() {
      GoalState completed =
          state(keep).writtenAt(YESTERDAY).completed(55).baseline(40).seq(6).build();

      GoalState rewritten = initialize(completed).changedGoals().getFirst();

      assertThat(rewritten.status()).isEqualTo(GoalStatus.COMPLETED);
      assertThat(rewritten.completedAt()).isEqualTo(YESTERDAY);
      assertThat(ProgressRules.isStale(keep, rewritten, NOW)).isFalse();
    }

    @Test
    @DisplayName("an absolute goal with resetProgress restarts at 0 and counts from there")
    void absoluteRestartsAtZero() {
      GoalState twoLogins =
          state(dailyLogins).writtenAt(YESTERDAY).inProgress(2).loginBase(4).build();

      InitializeChange change = initialize(twoLogins);

      GoalState reset = change.changedGoals().getFirst();
      assertThat(reset.progress()).isZero();
      assertThat(reset.loginBase()).isEqualTo(4);
      PlayerProgress afterLogin =
          EventRules.apply(change.player(), login(), rotating, NOW).player();
      assertThat(view(dailyLogins, afterLogin, rotating).progress()).isEqualTo(1);
    }

    @Test
    @DisplayName("an untouched implicit default goal is not written (no row per player per day)")
    void untouchedImplicitSkipped() {
      PlayerProgress player =
          player().seq(6).logins(4).initialized(YESTERDAY, 6, 4, rotating).build();

      InitializeChange change = InitializeRules.initialize(player, rotating, NOW);

      assertThat(change.writesNothing()).isTrue();
    }

    @Test
    @DisplayName(
        "an untouched stored goal (not_started, no baseline, no event since) is not written")
    void untouchedStoredSkipped() {
      GoalState untouched = state(dailyKills).writtenAt(YESTERDAY).seq(6).build();

      assertThat(initialize(untouched).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("an implicit default goal that events moved is reset into a stored state")
    void touchedImplicitReset() {
      // Initialized yesterday at seq 2: the kills stat (seq 6) has moved daily-kills since.
      PlayerProgress player =
          player()
              .seq(6)
              .logins(4)
              .stat("kills", 58, 6)
              .initialized(YESTERDAY, 2, 1, rotating)
              .build();

      InitializeChange change = InitializeRules.initialize(player, rotating, NOW);

      assertThat(change.changedGoals())
          .containsExactly(
              new GoalState(
                  "daily-kills",
                  "challenge-1",
                  true,
                  GoalStatus.NOT_STARTED,
                  58,
                  6,
                  4,
                  null,
                  YESTERDAY,
                  null,
                  null,
                  TOMORROW_MIDNIGHT,
                  NOW));
    }

    @Test
    @DisplayName("an inactive stale goal is not reset")
    void inactiveSkipped() {
      GoalState inactive =
          state(dailyKills).writtenAt(YESTERDAY).completed(50).baseline(30).inactive().build();

      assertThat(initialize(inactive).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("a goal written in the current period is not reset")
    void currentPeriodSkipped() {
      GoalState completed =
          state(dailyKills).writtenAt(EARLIER_TODAY).completed(50).baseline(30).build();

      assertThat(initialize(completed).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("a goal that does not rotate is never reset")
    void nonRotatingSkipped() {
      GoalState completed = state(optional).writtenAt(YESTERDAY).completed(12).build();

      assertThat(initialize(completed).changedGoals()).isEmpty();
    }

    @Test
    @DisplayName("resets are listed in catalog order")
    void catalogOrder() {
      GoalState a = state(dailyLogins).writtenAt(YESTERDAY).inProgress(2).build();
      GoalState b = state(reselectable).writtenAt(YESTERDAY).completed(50).baseline(30).build();
      GoalState c = state(dailyKills).writtenAt(YESTERDAY).completed(50).baseline(30).build();

      InitializeChange change = initialize(a, b, c);

      assertThat(change.changedGoals())
          .extracting(GoalState::goalId)
          .containsExactly("daily-kills", "daily-reselect", "daily-logins");
    }
  }
}
