package dev.challengesuite.common.progress;

import java.util.List;

/**
 * The effect of a batch or random selection on one player's goals of one challenge.
 *
 * @param player the player afterwards
 * @param changedGoals goal states to store: goals activated, and in replace mode goals deactivated
 * @param selectedGoalIds the selected goals, in request order (batch) or draw order (random)
 * @param replacedGoalIds goals of the challenge active before and not after, in catalog order
 * @param totalActiveGoals goals of the challenge active after the selection
 */
public record SelectionChange(
    PlayerProgress player,
    List<GoalState> changedGoals,
    List<String> selectedGoalIds,
    List<String> replacedGoalIds,
    int totalActiveGoals) {

  public SelectionChange {
    changedGoals = List.copyOf(changedGoals);
    selectedGoalIds = List.copyOf(selectedGoalIds);
    replacedGoalIds = List.copyOf(replacedGoalIds);
  }
}
