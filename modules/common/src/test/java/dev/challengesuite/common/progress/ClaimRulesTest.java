package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.EARLIER_TODAY;
import static dev.challengesuite.common.progress.Fixtures.NOW;
import static dev.challengesuite.common.progress.Fixtures.TOMORROW_MIDNIGHT;
import static dev.challengesuite.common.progress.Fixtures.USER;
import static dev.challengesuite.common.progress.Fixtures.YESTERDAY;
import static dev.challengesuite.common.progress.Fixtures.catalog;
import static dev.challengesuite.common.progress.Fixtures.loginGoal;
import static dev.challengesuite.common.progress.Fixtures.player;
import static dev.challengesuite.common.progress.Fixtures.state;
import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.progress.ClaimRules.GrantVerdict;
import dev.challengesuite.common.progress.ClaimRules.Resolution;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.time.Schedule;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {

  private static final String C = "challenge-1";

  private final Goal kills = statisticGoal("kills", "kills").target(10).build();
  private final Goal daily = statisticGoal("daily", "wins").target(3).daily(true, true).build();
  private final Goal weekly =
      statisticGoal("weekly", "wins").rotating(Schedule.WEEKLY, false, false).build();
  private final Goal logins = loginGoal("logins").target(2).defaultAssigned().build();
  private final Goal gated = statisticGoal("gated", "kills").prerequisites("kills").build();
  private final Goal gatedElsewhere =
      statisticGoal("gated-2", "kills").inChallenge("challenge-2").prerequisites("kills").build();
  private final CatalogIndex catalog = catalog(kills, daily, weekly, logins, gated, gatedElsewhere);

  private Claimable check(PlayerProgress player, String goalId) {
    return ClaimRules.check(player, catalog, C, goalId, NOW);
  }

  private static void assertFails(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ChallengeException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }

  @Nested
  @DisplayName("checks, in the reference's order and with its messages")
  class Checks {

    @Test
    @DisplayName("an unknown goal is 404 naming goal and challenge")
    void unknownGoal() {
      assertFails(() -> check(player().build(), "nope"), ErrorCode.NOT_FOUND,
          "Goal not found or removed from config (goal_id: nope, challenge_id: challenge-1)");
    }

    @Test
    @DisplayName("a goal of another challenge is 404 with the same message")
    void wrongChallenge() {
      assertFails(() -> ClaimRules.check(player().build(), catalog, "challenge-2", "kills", NOW),
          ErrorCode.NOT_FOUND,
          "Goal not found or removed from config (goal_id: kills, challenge_id: challenge-2)");
    }

    @Test
    @DisplayName("the 404 check needs no player")
    void goalToClaim() {
      assertThat(ClaimRules.goalToClaim(catalog, C, "kills")).isSameAs(kills);
      assertFails(() -> ClaimRules.goalToClaim(catalog, C, "gated-2"), ErrorCode.NOT_FOUND,
          "Goal not found or removed from config (goal_id: gated-2, challenge_id: challenge-1)");
    }

    @Test
    @DisplayName("a goal the player never had is 400 not completed, status not_started")
    void noState() {
      assertFails(() -> check(player().build(), "kills"), ErrorCode.FAILED_PRECONDITION,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kills, status: not_started)");
    }

    @Test
    @DisplayName("a default goal assigned by initialize and untouched since is not_started")
    void implicitDefault() {
      PlayerProgress player = player().initialized(EARLIER_TODAY, 0, 0, catalog).build();

      assertFails(() -> check(player, "logins"), ErrorCode.FAILED_PRECONDITION,
          "Goal not completed. Please wait 1 second and try again. (goal_id: logins, status: not_started)");
    }

    @Test
    @DisplayName("a default goal completed by a crossing (no stored state) can be claimed")
    void derivedCompletionClaimable() {
      PlayerProgress player =
          player().seq(3).logins(2).initialized(EARLIER_TODAY, 1, 0, catalog)
              .crossing(Crossings.LOGINS, 2, 3, EARLIER_TODAY).build();

      assertThat(check(player, "logins").goal()).isEqualTo(logins);
    }

    @Test
    @DisplayName("an inactive goal is 400 must be active, even when completed")
    void inactive() {
      PlayerProgress player = player().goal(state(kills).completed(10).inactive().build()).build();

      assertFails(() -> check(player, "kills"), ErrorCode.FAILED_PRECONDITION,
          "Goal must be active to claim reward. Activate it first via PUT "
              + "/v1/challenges/challenge-1/goals/kills/active (goal_id: kills)");
    }

    @Test
    @DisplayName("inactivity is reported before rotation")
    void inactiveBeforeRotated() {
      PlayerProgress player =
          player().goal(state(daily).completed(3).writtenAt(YESTERDAY).inactive().build()).build();

      assertFails(() -> check(player, "daily"), ErrorCode.FAILED_PRECONDITION,
          "Goal must be active to claim reward. Activate it first via PUT "
              + "/v1/challenges/challenge-1/goals/daily/active (goal_id: daily)");
    }

    @Test
    @DisplayName("a rotating goal completed in a past period is 400 rotated")
    void rotated() {
      PlayerProgress player = player().goal(state(daily).completed(3).writtenAt(YESTERDAY).build()).build();

      assertFails(() -> check(player, "daily"), ErrorCode.FAILED_PRECONDITION,
          "Goal has rotated and must be re-completed (goal_id: daily, challenge_id: challenge-1)");
    }

    @Test
    @DisplayName("a stale claimed goal is 400 rotated, not 409 (§5.4.5)")
    void staleClaimedIsRotated() {
      PlayerProgress player = player().goal(state(daily).claimed(3).writtenAt(YESTERDAY).build()).build();

      assertFails(() -> check(player, "daily"), ErrorCode.FAILED_PRECONDITION,
          "Goal has rotated and must be re-completed (goal_id: daily, challenge_id: challenge-1)");
    }

    @Test
    @DisplayName("a claimed goal is 409 with its claimedAt")
    void claimed() {
      PlayerProgress player = player().goal(state(kills).claimed(10).build()).build();

      assertFails(() -> check(player, "kills"), ErrorCode.ALREADY_EXISTS,
          "Reward has already been claimed (goal_id: kills, claimed_at: 2025-03-12T08:00:00Z)");
    }

    @Test
    @DisplayName("a goal in progress is 400 not completed with its status")
    void inProgress() {
      PlayerProgress player = player().goal(state(kills).inProgress(4).build()).build();

      assertFails(() -> check(player, "kills"), ErrorCode.FAILED_PRECONDITION,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kills, status: in_progress)");
    }

    @Test
    @DisplayName("the status is the derived one the list shows: not_started reached by an event is in_progress")
    void derivedStatus() {
      PlayerProgress player =
          player().seq(2).stat("kills", 3, 2).goal(state(kills).seq(1).build()).build();

      assertFails(() -> check(player, "kills"), ErrorCode.FAILED_PRECONDITION,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kills, status: in_progress)");
    }

    @Test
    @DisplayName("an assigned goal no event reached is 400 with status not_started")
    void notStarted() {
      PlayerProgress player = player().goal(state(kills).build()).build();

      assertFails(() -> check(player, "kills"), ErrorCode.FAILED_PRECONDITION,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kills, status: not_started)");
    }

    @Test
    @DisplayName("a completed goal with an unmet prerequisite is 400 prerequisites")
    void prerequisitesUnmet() {
      PlayerProgress player = player()
          .goal(state(kills).inProgress(5).build())
          .goal(state(gated).completed(10).build()).build();

      assertFails(() -> check(player, "gated"), ErrorCode.FAILED_PRECONDITION,
          "Prerequisites not completed (goal_id: gated)");
    }

    @Test
    @DisplayName("a prerequisite never assigned is unmet")
    void prerequisiteNeverAssigned() {
      PlayerProgress player = player().goal(state(gated).completed(10).build()).build();

      assertFails(() -> check(player, "gated"), ErrorCode.FAILED_PRECONDITION,
          "Prerequisites not completed (goal_id: gated)");
    }

    @Test
    @DisplayName("a prerequisite claimed, inactive or in another challenge counts as met")
    void prerequisitesMet() {
      PlayerProgress player = player()
          .goal(state(kills).claimed(10).inactive().build())
          .goal(state(gated).completed(10).build())
          .goal(state(gatedElsewhere).completed(10).build()).build();

      assertThat(check(player, "gated").goal()).isSameAs(gated);
      assertThat(ClaimRules.check(player, catalog, "challenge-2", "gated-2", NOW).goal())
          .isSameAs(gatedElsewhere);
    }

    @Test
    @DisplayName("a completed goal that does not rotate is claimable once: period key \"\"")
    void completedForever() {
      PlayerProgress player = player().goal(state(kills).completed(10).build()).build();

      assertThat(check(player, "kills")).isEqualTo(new Claimable(kills, "", null, null));
    }

    @Test
    @DisplayName("a completed daily goal is claimable for today's period")
    void completedToday() {
      PlayerProgress player = player().goal(state(daily).completed(3).build()).build();

      assertThat(check(player, "daily")).isEqualTo(new Claimable(daily, "2025-03-12T00:00:00Z",
          Instant.parse("2025-03-12T00:00:00Z"), TOMORROW_MIDNIGHT));
    }

    @Test
    @DisplayName("a weekly goal's period starts on Monday")
    void weeklyPeriod() {
      assertThat(ClaimRules.claimable(weekly, NOW).periodKey()).isEqualTo("2025-03-10T00:00:00Z");
    }

    @Test
    @DisplayName("the claim id prefix is user, goal and period")
    void claimIdPrefix() {
      assertThat(ClaimRules.claimIdPrefix(USER, ClaimRules.claimable(daily, NOW)))
          .isEqualTo("user-1:daily:2025-03-12T00:00:00Z");
      assertThat(ClaimRules.claimIdPrefix(USER, ClaimRules.claimable(kills, NOW)))
          .isEqualTo("user-1:kills:");
    }
  }

  @Nested
  @DisplayName("the stored claim")
  class StoredClaim {

    private final Duration expiry = Duration.ofSeconds(30);

    private ClaimStart found(ClaimState state, Instant updatedAt) {
      return new ClaimStart(false, new ClaimRecord("id:1", state, 1, false, updatedAt,
          state == ClaimState.GRANTED ? updatedAt : null));
    }

    @Test
    @DisplayName("a claim this call made pending sends the grant")
    void owned() {
      ClaimStart start = new ClaimStart(true, new ClaimRecord("id:2", ClaimState.PENDING, 2, false, NOW, null));

      assertThat(ClaimRules.resolve(start, NOW, expiry)).isEqualTo(Resolution.SEND_GRANT);
    }

    @Test
    @DisplayName("a granted claim is already granted")
    void granted() {
      assertThat(ClaimRules.resolve(found(ClaimState.GRANTED, EARLIER_TODAY), NOW, expiry))
          .isEqualTo(Resolution.ALREADY_GRANTED);
    }

    @Test
    @DisplayName("a claim pending for less than the expiry is in progress")
    void recentPending() {
      assertThat(ClaimRules.resolve(found(ClaimState.PENDING, NOW.minusSeconds(29)), NOW, expiry))
          .isEqualTo(Resolution.IN_PROGRESS);
    }

    @Test
    @DisplayName("a claim pending for the expiry or longer is settled as granted, unverified")
    void abandonedPending() {
      assertThat(ClaimRules.resolve(found(ClaimState.PENDING, NOW.minusSeconds(30)), NOW, expiry))
          .isEqualTo(Resolution.SETTLE_UNVERIFIED);
    }

    @Test
    @DisplayName("a failed claim someone else has not retried yet is in progress for this caller")
    void failedNotOwned() {
      assertThat(ClaimRules.resolve(found(ClaimState.FAILED, NOW), NOW, expiry))
          .isEqualTo(Resolution.IN_PROGRESS);
    }
  }

  @Nested
  @DisplayName("reading a grant's answer")
  class Verdicts {

    @Test
    @DisplayName("granted is granted")
    void granted() {
      assertThat(ClaimRules.verdict(new GrantResult.Granted(1))).isEqualTo(GrantVerdict.GRANTED);
    }

    @Test
    @DisplayName("rejected and exhausted retries granted nothing")
    void notGranted() {
      assertThat(ClaimRules.verdict(new GrantResult.Failed(GrantFailure.REJECTED, "x", 1)))
          .isEqualTo(GrantVerdict.NOT_GRANTED);
      assertThat(ClaimRules.verdict(new GrantResult.Failed(GrantFailure.RETRYABLE_EXHAUSTED, "x", 4)))
          .isEqualTo(GrantVerdict.NOT_GRANTED);
    }

    @Test
    @DisplayName("an outcome the reward service could not learn is unknown")
    void unknown() {
      assertThat(ClaimRules.verdict(new GrantResult.Failed(GrantFailure.OUTCOME_UNKNOWN, "x", 1)))
          .isEqualTo(GrantVerdict.UNKNOWN);
    }

    @Test
    @DisplayName("no rewards verticle listening: nothing was sent")
    void noHandlers() {
      ReplyException noHandlers = new ReplyException(ReplyFailure.NO_HANDLERS, "none");

      assertThat(ClaimRules.verdict(ChallengeException.unavailable("unavailable", noHandlers)))
          .isEqualTo(GrantVerdict.NOT_GRANTED);
    }

    @Test
    @DisplayName("a bus timeout or a defect may have sent the grant: unknown")
    void timeout() {
      ReplyException timeout = new ReplyException(ReplyFailure.TIMEOUT, "timed out");

      assertThat(ClaimRules.verdict(ChallengeException.unavailable("unavailable", timeout)))
          .isEqualTo(GrantVerdict.UNKNOWN);
      assertThat(ClaimRules.verdict(new IllegalStateException("bug"))).isEqualTo(GrantVerdict.UNKNOWN);
    }
  }

  @Nested
  @DisplayName("the goal once claimed")
  class Claimed {

    private final Instant later = NOW.plusSeconds(5);

    @Test
    @DisplayName("freezes the raw progress at the current stats and keeps completedAt")
    void freezesProgress() {
      GoalState completed = state(kills).completed(10).seq(1).build();
      PlayerStats stats =
          new PlayerStats(3, 0, java.util.Map.of("kills", new StatValue(14, 3)), Crossings.NONE);

      GoalState claimed = ClaimRules.claimed(ClaimRules.claimable(kills, NOW), completed, stats, NOW, later);

      assertThat(claimed).isEqualTo(new GoalState("kills", C, true, GoalStatus.CLAIMED, 14, 3, 0, null,
          EARLIER_TODAY, EARLIER_TODAY, NOW, null, later));
      PlayerStats moreKills =
          new PlayerStats(4, 0, java.util.Map.of("kills", new StatValue(20, 4)), Crossings.NONE);
      assertThat(ProgressRules.rawProgress(kills, claimed, moreKills)).isEqualTo(14);
    }

    @Test
    @DisplayName("a derived completion is claimed with the crossing's completedAt")
    void derivedCompletion() {
      PlayerProgress player =
          player().seq(5).logins(3).initialized(EARLIER_TODAY, 1, 0, catalog)
              .crossing(Crossings.LOGINS, 2, 3, EARLIER_TODAY).build();

      GoalState claimed = ClaimRules.claimed(ClaimRules.claimable(logins, NOW),
          player.goal(logins), player.stats(), NOW, later);

      assertThat(claimed).isEqualTo(new GoalState("logins", C, true, GoalStatus.CLAIMED, 3, 5, 3,
          null, EARLIER_TODAY, EARLIER_TODAY, NOW, null, later));
    }

    @Test
    @DisplayName("a login goal counts the logins up to the claim")
    void loginGoal() {
      GoalState completed = state(logins).completed(2).loginBase(2).build();
      PlayerStats stats = new PlayerStats(5, 5, java.util.Map.of(), Crossings.NONE);

      GoalState claimed = ClaimRules.claimed(ClaimRules.claimable(logins, NOW), completed, stats, NOW, NOW);

      assertThat(claimed.progress()).isEqualTo(5);
      assertThat(claimed.loginBase()).isEqualTo(5);
    }

    @Test
    @DisplayName("a state without completedAt gets the claim time (claimed implies completed)")
    void completedAtFilled() {
      GoalState completed = state(kills).status(GoalStatus.COMPLETED).progress(10).build();

      GoalState claimed = ClaimRules.claimed(ClaimRules.claimable(kills, NOW), completed,
          PlayerStats.EMPTY, NOW, NOW);

      assertThat(claimed.completedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("nothing is written for a goal already claimed or never had")
    void nothingToWrite() {
      Claimable claim = ClaimRules.claimable(kills, NOW);

      assertThat(ClaimRules.claimed(claim, state(kills).claimed(10).build(), PlayerStats.EMPTY, NOW, NOW)).isNull();
      assertThat(ClaimRules.claimed(claim, null, PlayerStats.EMPTY, NOW, NOW)).isNull();
    }

    @Test
    @DisplayName("a state that moved on to the next period while the grant was in flight is left alone")
    void nextPeriodLeftAlone() {
      Claimable yesterdays = ClaimRules.claimable(daily, YESTERDAY);
      GoalState resetToday = state(daily).inProgress(1).build();

      assertThat(ClaimRules.claimed(yesterdays, resetToday, PlayerStats.EMPTY, NOW, NOW)).isNull();
    }

    @Test
    @DisplayName("a claim granted after its period ended keeps the goal in that period")
    void grantedAfterPeriodEnd() {
      Claimable yesterdays = ClaimRules.claimable(daily, YESTERDAY);
      GoalState completed = state(daily).completed(3).writtenAt(YESTERDAY).build();

      GoalState claimed = ClaimRules.claimed(yesterdays, completed, PlayerStats.EMPTY, NOW, NOW);

      assertThat(claimed.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(claimed.updatedAt()).isEqualTo(YESTERDAY);
      assertThat(ProgressRules.isStale(daily, claimed, NOW)).isTrue();
    }
  }

  @Nested
  @DisplayName("claim errors")
  class Errors {

    @Test
    @DisplayName("a failed grant is 500 with the reference's message, shown as is")
    void grantFailed() {
      ChallengeException error = ClaimRules.grantFailed("kills");

      assertThat(error.code()).isEqualTo(ErrorCode.REWARD_GRANT_FAILED);
      assertThat(error.code().httpStatus()).isEqualTo(500);
      assertThat(error.code().grpcCode()).isEqualTo(13);
      assertThat(error).hasMessage("Failed to grant reward via Platform Service after 3 retries (goal_id: kills)");
      assertThat(ErrorCode.fromBusCode(error.code().busCode())).isEqualTo(ErrorCode.REWARD_GRANT_FAILED);
      assertThat(ErrorCode.fromBusCode(ErrorCode.INTERNAL.busCode())).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    @DisplayName("a claim in flight elsewhere is 409 ABORTED")
    void inProgress() {
      ChallengeException error = ClaimRules.inProgress("kills");

      assertThat(error.code()).isEqualTo(ErrorCode.ABORTED);
      assertThat(error).hasMessage("Reward claim already in progress (goal_id: kills)");
    }

    @Test
    @DisplayName("an unknown outcome is 503: retrying later settles it")
    void outcomeUnknown() {
      ChallengeException error = ClaimRules.outcomeUnknown("kills");

      assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(error).hasMessage("Reward grant could not be confirmed; retry the claim later (goal_id: kills)");
    }

    @Test
    @DisplayName("claimed_at is second precision UTC")
    void claimedAtPrecision() {
      assertThat(ClaimRules.alreadyClaimed("kills", Instant.parse("2026-03-06T10:00:05.789Z")))
          .hasMessage("Reward has already been claimed (goal_id: kills, claimed_at: 2026-03-06T10:00:05Z)");
    }
  }
}
