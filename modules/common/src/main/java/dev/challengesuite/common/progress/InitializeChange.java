package dev.challengesuite.common.progress;

import java.util.List;

/**
 * The effect of initialize on one player.
 *
 * @param player the player afterwards
 * @param initialization the first-initialize record to store, or null when the player already
 *     had one
 * @param changedGoals goal states to store: default goals added to the catalog after the player's
 *     first initialize, and rotation resets of stale active goals
 * @param newlyAssigned ids of the goals assigned by this call, in catalog order
 */
public record InitializeChange(
    PlayerProgress player,
    Initialization initialization,
    List<GoalState> changedGoals,
    List<String> newlyAssigned) {

  public InitializeChange {
    changedGoals = List.copyOf(changedGoals);
    newlyAssigned = List.copyOf(newlyAssigned);
  }

  public boolean writesNothing() {
    return initialization == null && changedGoals.isEmpty();
  }
}
