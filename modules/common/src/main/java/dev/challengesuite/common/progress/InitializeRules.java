package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Rotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What initialize assigns and resets (reference §5.5, DECISIONS.md "Initialize").
 *
 * <ul>
 *   <li>First initialize: records an {@link Initialization}; the current default goals the player
 *       has no state for become implicitly assigned (no goal state written).
 *   <li>Later: default goals added to the catalog since, that the player never had, are written as
 *       explicit states. A default goal the player has a state for (deactivated, say) keeps it.
 *   <li>Both: stale active rotating goals get the §5.5 R2 reset, persisted in full.
 * </ul>
 */
public final class InitializeRules {

  private InitializeRules() {}

  public static InitializeChange initialize(
      PlayerProgress player, CatalogIndex catalog, Instant now) {
    PlayerStats stats = player.stats();
    Map<String, GoalState> stored = player.goals();
    Initialization previous = player.initialization();
    Initialization created =
        previous == null
            ? new Initialization(now, stats.seq(), stats.loginCount(), catalog.defaultGoalSet())
            : null;
    PlayerProgress initialized =
        created == null
            ? player
            : new PlayerProgress(player.userId(), player.version(), stats, created, stored);

    Boundaries boundaries = Boundaries.at(now);
    List<String> newlyAssigned = new ArrayList<>();
    List<GoalState> changed = new ArrayList<>();
    for (Challenge challenge : catalog.challenges()) {
      for (Goal goal : challenge.goals()) {
        GoalState state = initialized.goal(goal);
        if (state == null && goal.defaultAssigned()) {
          // Only a returning player can get here: a default goal added to the catalog later.
          state = assigned(goal, stats, boundaries);
          changed.add(state);
          newlyAssigned.add(goal.id());
          continue; // written just now: not stale
        }
        if (created != null && goal.defaultAssigned() && !stored.containsKey(goal.id())) {
          newlyAssigned.add(goal.id()); // implicit in the new Initialization
        }
        if (state != null && state.active() && ProgressRules.isStale(goal, state, boundaries)) {
          GoalState reset = rotationReset(goal, state, stats, boundaries);
          if (reset != null) {
            changed.add(reset);
          }
        }
      }
    }

    PlayerProgress after = initialized;
    if (!changed.isEmpty()) {
      Map<String, GoalState> goals = new HashMap<>(stored);
      for (GoalState state : changed) {
        goals.put(state.goalId(), state);
      }
      after =
          new PlayerProgress(
              player.userId(), player.version(), stats, initialized.initialization(), goals);
    }
    return new InitializeChange(after, created, changed, newlyAssigned);
  }

  /** An explicit assignment at the player's current counters, as the implicit ones are. */
  private static GoalState assigned(Goal goal, PlayerStats stats, Boundaries boundaries) {
    Instant now = boundaries.now();
    Rotation rotation = goal.rotation();
    return new GoalState(
        goal.id(),
        goal.challengeId(),
        true,
        GoalStatus.NOT_STARTED,
        0,
        stats.seq(),
        stats.loginCount(),
        null,
        now,
        null,
        null,
        rotation == null ? null : boundaries.next(rotation.schedule()),
        now);
  }

  /**
   * §5.5 R2 for a stale active goal, with every changed column (DECISIONS), or null when the reset
   * is skipped or would change nothing observable (an untouched goal stays as it is, so that
   * rotating default goals do not write one row per player per period).
   */
  static GoalState rotationReset(
      Goal goal, GoalState state, PlayerStats stats, Boundaries boundaries) {
    Rotation rotation = goal.rotation();
    boolean claimed = state.status() == GoalStatus.CLAIMED;
    if (claimed && (!rotation.allowReselection() || !rotation.resetProgress())) {
      return null;
    }
    Instant now = boundaries.now();
    Instant expiresAt = boundaries.next(rotation.schedule());
    int raw = ProgressRules.rawProgress(goal, state, stats);
    GoalState reset;
    if (rotation.resetProgress()) {
      // Relative goals keep following their stat (the null baseline shows 0 until the next
      // event captures one); absolute goals restart at 0 as in the reference.
      int progress = goal.requirement().progressMode() == ProgressMode.RELATIVE ? raw : 0;
      reset =
          new GoalState(
              state.goalId(),
              state.challengeId(),
              state.active(),
              GoalStatus.NOT_STARTED,
              progress,
              stats.seq(),
              stats.loginCount(),
              null,
              state.assignedAt(),
              null,
              null,
              expiresAt,
              now);
    } else {
      reset =
          new GoalState(
              state.goalId(),
              state.challengeId(),
              state.active(),
              ProgressRules.status(goal, state, stats),
              raw,
              stats.seq(),
              stats.loginCount(),
              state.baseline(),
              state.assignedAt(),
              state.completedAt(),
              state.claimedAt(),
              expiresAt,
              now);
    }
    boolean untouched =
        ProgressRules.status(goal, state, stats) == GoalStatus.NOT_STARTED
            && state.baseline() == null
            && state.completedAt() == null
            && state.claimedAt() == null
            && reset.progress() == raw;
    return untouched ? null : reset;
  }
}
