package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Claiming a goal's reward (reference §2.7, §8.1; DECISIONS.md "Claim"): the checks in the
 * reference's order with its exact messages, what a stored claim record means for a new claim, how
 * a grant's answer is read, and the goal's state once claimed. Pure functions; the player
 * partition runs the flow (docs/claims.md).
 *
 * <p>Statuses are the derived ones the list route shows ({@link ProgressRules#status}); a stale
 * rotating goal is refused before its status is looked at (§5.4.5), so the rotation display rules
 * never apply here. Prerequisites count as met when completed or claimed, as {@code locked} does.
 */
public final class ClaimRules {

  private ClaimRules() {}

  /** What to do with the claim record {@code BeginClaim} answered. */
  public enum Resolution {
    /** The record is ours (inserted, or failed → pending): send the grant, once. */
    SEND_GRANT,
    /** Granted before: the claim is answered 409 (and the goal repaired if it does not show it). */
    ALREADY_GRANTED,
    /** Another claim's grant is in flight (another instance): 409, the client may retry. */
    IN_PROGRESS,
    /**
     * Pending for longer than any grant can take: its sender crashed or never learnt the outcome.
     * The grant may have landed, so it is not sent again; the claim is settled as granted,
     * unverified.
     */
    SETTLE_UNVERIFIED
  }

  /** What a grant's answer says about the reward. */
  public enum GrantVerdict {
    GRANTED,
    /** Certainly nothing granted: the claim may be retried and send the grant again. */
    NOT_GRANTED,
    /** Maybe granted: the claim must never send it again. */
    UNKNOWN
  }

  // ---- checks ----

  /** The goal, or 404 for an unknown goal or one of another challenge (no player needed). */
  public static Goal goalToClaim(CatalogIndex catalog, String challengeId, String goalId) {
    Goal goal = catalog.goal(goalId);
    if (goal == null || !goal.challengeId().equals(challengeId)) {
      throw ChallengeException.notFound(
          "Goal not found or removed from config (goal_id: "
              + goalId
              + ", challenge_id: "
              + challengeId
              + ")");
    }
    return goal;
  }

  /**
   * Every check of reference §8.1 in its order: goal known and in the challenge (404), a state
   * (400), active (400), not rotated (400), not claimed (409), completed (400), prerequisites done
   * (400).
   */
  public static Claimable check(
      PlayerProgress player, CatalogIndex catalog, String challengeId, String goalId, Instant now) {
    Goal goal = goalToClaim(catalog, challengeId, goalId);
    GoalState state = player.goal(goal);
    if (state == null) {
      throw notCompleted(goalId, GoalStatus.NOT_STARTED);
    }
    if (!state.active()) {
      throw failedPrecondition(
          "Goal must be active to claim reward. Activate it first via PUT /v1/challenges/"
              + challengeId
              + "/goals/"
              + goalId
              + "/active (goal_id: "
              + goalId
              + ")");
    }
    if (ProgressRules.isStale(goal, state, now)) {
      throw failedPrecondition(
          "Goal has rotated and must be re-completed (goal_id: "
              + goalId
              + ", challenge_id: "
              + challengeId
              + ")");
    }
    GoalStatus status = ProgressRules.status(goal, state, player.stats());
    if (status == GoalStatus.CLAIMED) {
      throw alreadyClaimed(goalId, state.claimedAt());
    }
    if (status != GoalStatus.COMPLETED) {
      throw notCompleted(goalId, status);
    }
    if (ProgressRules.locked(goal, player, catalog)) {
      throw failedPrecondition("Prerequisites not completed (goal_id: " + goalId + ")");
    }
    return claimable(goal, now);
  }

  /** The goal with the rotation period containing {@code now} (none for goals that do not rotate). */
  public static Claimable claimable(Goal goal, Instant now) {
    Rotation rotation = goal.rotation();
    if (rotation == null) {
      return new Claimable(goal, "", null, null);
    }
    Instant start = rotation.schedule().lastBoundary(now);
    return new Claimable(goal, start.toString(), start, rotation.schedule().after(start));
  }

  /** {@code <user>:<goal>:<periodKey>}; the store appends {@code :<attempt>}. */
  public static String claimIdPrefix(String userId, Claimable claim) {
    return userId + ":" + claim.goal().id() + ":" + claim.periodKey();
  }

  // ---- the stored claim ----

  /**
   * What the claim record answered by {@code BeginClaim} means. A pending claim is abandoned once
   * it was last written {@code pendingExpiry} or more before {@code now}.
   */
  public static Resolution resolve(ClaimStart start, Instant now, Duration pendingExpiry) {
    if (start.owned()) {
      return Resolution.SEND_GRANT;
    }
    ClaimRecord record = start.record();
    return switch (record.state()) {
      case GRANTED -> Resolution.ALREADY_GRANTED;
      case PENDING ->
          record.updatedAt().plus(pendingExpiry).isAfter(now)
              ? Resolution.IN_PROGRESS
              : Resolution.SETTLE_UNVERIFIED;
      // The store retries when a claim turns failed under it; if it still is, someone else is
      // about to retry it: the same as in progress for this caller.
      case FAILED -> Resolution.IN_PROGRESS;
    };
  }

  /** The reward service's answer. */
  public static GrantVerdict verdict(GrantResult result) {
    return switch (result) {
      case GrantResult.Granted granted -> GrantVerdict.GRANTED;
      case GrantResult.Failed failed ->
          failed.failure() == GrantFailure.OUTCOME_UNKNOWN
              ? GrantVerdict.UNKNOWN
              : GrantVerdict.NOT_GRANTED;
    };
  }

  /**
   * No answer from the rewards verticle: nothing was sent only when nobody was listening; after a
   * timeout or a defect the grant may have gone out.
   */
  public static GrantVerdict verdict(Throwable noAnswer) {
    for (Throwable cause = noAnswer; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReplyException reply) {
        return reply.failureType() == ReplyFailure.NO_HANDLERS
            ? GrantVerdict.NOT_GRANTED
            : GrantVerdict.UNKNOWN;
      }
    }
    return GrantVerdict.UNKNOWN;
  }

  // ---- the goal once claimed ----

  /**
   * The goal's state once its claim is granted, computed from its state at that moment (events may
   * have moved it while the grant was in flight): progress frozen at the current raw progress
   * ({@link ProgressRules#rebase}), {@code claimedAt} set, {@code completedAt} kept. Null when
   * nothing is to be written: no state, already claimed, or a state that has moved on to a later
   * period than the claimed one. A claim granted after its period ended keeps the state's {@code
   * updatedAt}, so that the goal stays in the period it was claimed in.
   */
  public static GoalState claimed(
      Claimable claim, GoalState state, PlayerStats stats, Instant claimedAt, Instant now) {
    if (state == null || state.status() == GoalStatus.CLAIMED) {
      return null;
    }
    Instant periodEnd = claim.periodEnd();
    if (periodEnd != null && state.updatedAt() != null && !state.updatedAt().isBefore(periodEnd)) {
      return null;
    }
    GoalState rebased = ProgressRules.rebase(claim.goal(), state, stats);
    boolean periodOver = periodEnd != null && !now.isBefore(periodEnd);
    return new GoalState(
        rebased.goalId(),
        rebased.challengeId(),
        rebased.active(),
        GoalStatus.CLAIMED,
        rebased.progress(),
        rebased.seq(),
        rebased.loginBase(),
        rebased.baseline(),
        rebased.assignedAt(),
        rebased.completedAt() != null ? rebased.completedAt() : claimedAt,
        claimedAt,
        rebased.expiresAt(),
        periodOver ? state.updatedAt() : now);
  }

  // ---- errors with the reference's messages ----

  /** 409: {@code Reward has already been claimed (goal_id: <g>, claimed_at: <RFC 3339 UTC>)}. */
  public static ChallengeException alreadyClaimed(String goalId, Instant claimedAt) {
    String at = claimedAt == null ? "" : claimedAt.truncatedTo(ChronoUnit.SECONDS).toString();
    return new ChallengeException(
        ErrorCode.ALREADY_EXISTS,
        "Reward has already been claimed (goal_id: " + goalId + ", claimed_at: " + at + ")");
  }

  /** 409 (ABORTED): another claim of the goal is being granted; retrying later settles it. */
  public static ChallengeException inProgress(String goalId) {
    return new ChallengeException(
        ErrorCode.ABORTED, "Reward claim already in progress (goal_id: " + goalId + ")");
  }

  /** 500: the grant certainly failed; the goal stays completed and the claim can be retried. */
  public static ChallengeException grantFailed(String goalId) {
    return new ChallengeException(
        ErrorCode.REWARD_GRANT_FAILED,
        "Failed to grant reward via Platform Service after 3 retries (goal_id: " + goalId + ")");
  }

  /** 503: the grant may or may not have landed; a retry after the pending expiry settles it. */
  public static ChallengeException outcomeUnknown(String goalId) {
    return ChallengeException.unavailable(
        "Reward grant could not be confirmed; retry the claim later (goal_id: " + goalId + ")",
        null);
  }

  private static ChallengeException notCompleted(String goalId, GoalStatus status) {
    return failedPrecondition(
        "Goal not completed. Please wait 1 second and try again. (goal_id: "
            + goalId
            + ", status: "
            + status.wire()
            + ")");
  }

  private static ChallengeException failedPrecondition(String message) {
    return new ChallengeException(ErrorCode.FAILED_PRECONDITION, message);
  }
}
