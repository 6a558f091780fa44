package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.error.ChallengeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which goals a player has active: set-active (reference §5.6), batch select (§5.7.1) and random
 * select (§5.7.2), with DECISIONS.md "REST" validation (404 for unknown or foreign goals, 400 for
 * duplicate ids) and these deliberate differences from the reference:
 *
 * <ul>
 *   <li>Every written state starts from {@link ProgressRules#rebase}, so a goal's raw progress and
 *       status are materialised at the current counters when it is (de)activated: a deactivated
 *       goal freezes at what it showed, a reactivated login goal does not count the logins made
 *       while it was inactive.
 *   <li>A (de)activation does not move a stale rotating goal into the new period: its {@code
 *       updatedAt} is kept, so it shows, resets and refuses claims exactly as if the toggle had not
 *       happened (reference §12.2 item 7: there, toggling a completed daily goal after midnight
 *       made it claimable again). Otherwise {@code updatedAt} is now.
 *   <li>Selecting a goal that is already active changes nothing (its {@code assignedAt} is kept);
 *       in replace mode only the active goals that are not re-selected are deactivated (the
 *       reference deactivates and re-activates them, resetting {@code assignedAt}).
 *   <li>Random select filters on the status the player sees (rotation display rules applied), so a
 *       completed daily goal of a past period is selectable again (reference §12.2 item 12: raw
 *       status), and checks prerequisites against all the player's goals, whatever their challenge
 *       (the reference looks only in the same challenge, so other challenges' prerequisites were
 *       never met).
 * </ul>
 *
 * <p>As in the reference: set-active and batch select check neither status nor prerequisites;
 * set-active keeps {@code assignedAt} on deactivation and sets it to now on every activation; a
 * batch deactivation (replace mode) clears it. Goals newly written start {@code not_started} at 0.
 */
public final class SelectionRules {

  /** Upper bound of {@code goal_ids} and {@code count}: anything above is not a real request. */
  public static final int MAX_GOALS_PER_REQUEST = 1000;

  private SelectionRules() {}

  // ---- validation (no player needed: the HTTP edge calls these before sending a command) ----

  /** The goal to (de)activate, or 404 for an unknown challenge, an unknown or a foreign goal. */
  public static Goal goalToActivate(CatalogIndex catalog, String challengeId, String goalId) {
    challenge(catalog, challengeId);
    Goal goal = catalog.goal(goalId);
    if (goal == null) {
      throw ChallengeException.notFound(
          "goal '" + goalId + "' not found in challenge '" + challengeId + "'");
    }
    if (!goal.challengeId().equals(challengeId)) {
      throw notInChallenge(goalId, challengeId);
    }
    return goal;
  }

  /**
   * The goals of a batch select in request order. 400 for an empty list, more ids than the
   * challenge has goals (or than {@link #MAX_GOALS_PER_REQUEST}) and duplicates; 404 for an unknown
   * challenge, unknown goals and goals of another challenge. Ids are checked in request order.
   */
  public static List<Goal> goalsToSelect(
      CatalogIndex catalog, String challengeId, List<String> goalIds) {
    if (goalIds.isEmpty()) {
      throw ChallengeException.invalid("goal_ids cannot be empty");
    }
    if (goalIds.size() > MAX_GOALS_PER_REQUEST) {
      throw ChallengeException.invalid(
          "goal_ids cannot contain more than " + MAX_GOALS_PER_REQUEST + " goals");
    }
    Challenge challenge = challenge(catalog, challengeId);
    if (goalIds.size() > challenge.goals().size()) {
      throw ChallengeException.invalid(
          "goal_ids contains "
              + goalIds.size()
              + " goals but challenge '"
              + challengeId
              + "' has only "
              + challenge.goals().size());
    }
    List<Goal> goals = new ArrayList<>(goalIds.size());
    Set<String> seen = new HashSet<>();
    for (String goalId : goalIds) {
      Goal goal = catalog.goal(goalId);
      if (goal == null) {
        throw ChallengeException.notFound("goal '" + goalId + "' not found");
      }
      if (!goal.challengeId().equals(challengeId)) {
        throw notInChallenge(goalId, challengeId);
      }
      if (!seen.add(goalId)) {
        throw ChallengeException.invalid("goal_ids contains duplicate goal '" + goalId + "'");
      }
      goals.add(goal);
    }
    return goals;
  }

  /** The challenge to draw from: 400 for a count out of 1..{@link #MAX_GOALS_PER_REQUEST}, 404. */
  public static Challenge challengeToDrawFrom(CatalogIndex catalog, String challengeId, int count) {
    if (count <= 0) {
      throw ChallengeException.invalid("count must be greater than 0");
    }
    if (count > MAX_GOALS_PER_REQUEST) {
      throw ChallengeException.invalid("count must not exceed " + MAX_GOALS_PER_REQUEST);
    }
    return challenge(catalog, challengeId);
  }

  // ---- the operations ----

  /**
   * Sets one goal active or inactive (reference §5.6). Activation always writes ({@code assignedAt}
   * = now, as the reference's re-activation); deactivating a goal the player never had writes an
   * inactive state (so initialize will not assign it later if it is a default goal); deactivating
   * an inactive goal writes nothing.
   */
  public static ActivationChange setActive(
      PlayerProgress player,
      CatalogIndex catalog,
      String challengeId,
      String goalId,
      boolean active,
      Instant now) {
    Goal goal = goalToActivate(catalog, challengeId, goalId);
    GoalState state = player.goal(goal);
    if (!active && state != null && !state.active()) {
      return new ActivationChange(player, state, false);
    }
    Boundaries boundaries = Boundaries.at(now);
    GoalState written =
        active
            ? withActive(goal, state, player.stats(), boundaries, true, now)
            : withActive(
                goal,
                state,
                player.stats(),
                boundaries,
                false,
                state == null ? null : state.assignedAt());
    return new ActivationChange(with(player, List.of(written)), written, true);
  }

  /**
   * Activates the given goals of one challenge; with {@code replaceExisting}, deactivates the
   * challenge's other active goals (reference §5.7.1, §5.7.3).
   */
  public static SelectionChange batchSelect(
      PlayerProgress player,
      CatalogIndex catalog,
      String challengeId,
      List<String> goalIds,
      boolean replaceExisting,
      Instant now) {
    List<Goal> goals = goalsToSelect(catalog, challengeId, goalIds);
    return select(player, catalog.challenge(challengeId), goals, replaceExisting, now);
  }

  /**
   * Draws up to {@code count} goals of the challenge uniformly without replacement and selects them
   * as {@link #batchSelect} does (reference §5.7.2). Candidates, in catalog order before the draw:
   * goals not shown completed or claimed, not locked by a prerequisite, and not active when {@code
   * excludeActive} or {@code replaceExisting}. Fewer candidates than {@code count}: all of them
   * (partial result); none: 400 {@code INSUFFICIENT_GOALS}.
   */
  public static SelectionChange randomSelect(
      PlayerProgress player,
      CatalogIndex catalog,
      String challengeId,
      int count,
      boolean replaceExisting,
      boolean excludeActive,
      Instant now,
      RandomGenerator random) {
    Challenge challenge = challengeToDrawFrom(catalog, challengeId, count);
    Boundaries boundaries = Boundaries.at(now);
    List<Goal> candidates = new ArrayList<>();
    for (Goal goal : challenge.goals()) {
      // The displayed status (rotation applied) and locked over all challenges: see class doc.
      GoalView view = ProgressRules.view(goal, player, catalog, boundaries);
      if (view.status().isDone() || view.locked()) {
        continue;
      }
      if ((excludeActive || replaceExisting) && view.active()) {
        continue;
      }
      candidates.add(goal);
    }
    if (candidates.isEmpty()) {
      throw ChallengeException.invalid(
          "INSUFFICIENT_GOALS: no goals available for selection (available: 0, requested: "
              + count
              + ")");
    }
    int drawn = Math.min(count, candidates.size());
    for (int i = 0; i < drawn; i++) {
      // Partial Fisher-Yates: position i takes a uniformly chosen goal among those not drawn yet.
      Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
    }
    return select(player, challenge, candidates.subList(0, drawn), replaceExisting, now);
  }

  /** Activates {@code selected}; in replace mode deactivates the challenge's other active goals. */
  private static SelectionChange select(
      PlayerProgress player,
      Challenge challenge,
      List<Goal> selected,
      boolean replaceExisting,
      Instant now) {
    Boundaries boundaries = Boundaries.at(now);
    PlayerStats stats = player.stats();
    Set<String> selectedIds = new HashSet<>();
    List<String> selectedOrder = new ArrayList<>(selected.size());
    for (Goal goal : selected) {
      selectedIds.add(goal.id());
      selectedOrder.add(goal.id());
    }
    List<GoalState> changed = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    int totalActive = 0;
    for (Goal goal : challenge.goals()) {
      GoalState state = player.goal(goal);
      boolean wasActive = state != null && state.active();
      if (selectedIds.contains(goal.id())) {
        if (!wasActive) {
          changed.add(withActive(goal, state, stats, boundaries, true, now));
        }
        totalActive++;
      } else if (wasActive && replaceExisting) {
        // §5.7.3: a batch deactivation clears assignedAt.
        changed.add(withActive(goal, state, stats, boundaries, false, null));
        replaced.add(goal.id());
      } else if (wasActive) {
        totalActive++;
      }
    }
    return new SelectionChange(
        with(player, changed), changed, selectedOrder, replaced, totalActive);
  }

  /**
   * The goal's state with {@code active} and {@code assignedAt} set, materialised at the current
   * counters; a goal the player never had starts {@code not_started} at 0.
   */
  private static GoalState withActive(
      Goal goal,
      GoalState state,
      PlayerStats stats,
      Boundaries boundaries,
      boolean active,
      Instant assignedAt) {
    Instant now = boundaries.now();
    if (state == null) {
      Rotation rotation = goal.rotation();
      return new GoalState(
          goal.id(),
          goal.challengeId(),
          active,
          GoalStatus.NOT_STARTED,
          0,
          stats.seq(),
          stats.loginCount(),
          null,
          assignedAt,
          null,
          null,
          rotation == null ? null : boundaries.next(rotation.schedule()),
          now);
    }
    GoalState rebased = ProgressRules.rebase(goal, state, stats);
    // A stale goal stays in its old period (class doc): the toggle must not un-stale it.
    Instant updatedAt = ProgressRules.isStale(goal, state, boundaries) ? state.updatedAt() : now;
    return new GoalState(
        rebased.goalId(),
        rebased.challengeId(),
        active,
        rebased.status(),
        rebased.progress(),
        rebased.seq(),
        rebased.loginBase(),
        rebased.baseline(),
        assignedAt,
        rebased.completedAt(),
        rebased.claimedAt(),
        rebased.expiresAt(),
        updatedAt);
  }

  private static PlayerProgress with(PlayerProgress player, List<GoalState> changed) {
    if (changed.isEmpty()) {
      return player;
    }
    Map<String, GoalState> goals = new HashMap<>(player.goals());
    for (GoalState state : changed) {
      goals.put(state.goalId(), state);
    }
    return new PlayerProgress(
        player.userId(), player.version(), player.stats(), player.initialization(), goals);
  }

  private static Challenge challenge(CatalogIndex catalog, String challengeId) {
    Challenge challenge = catalog.challenge(challengeId);
    if (challenge == null) {
      throw ChallengeException.notFound("challenge '" + challengeId + "' not found");
    }
    return challenge;
  }

  private static ChallengeException notInChallenge(String goalId, String challengeId) {
    return ChallengeException.notFound(
        "goal '" + goalId + "' does not belong to challenge '" + challengeId + "'");
  }
}
