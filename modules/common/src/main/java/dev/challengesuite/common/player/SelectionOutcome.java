package dev.challengesuite.common.player;

import dev.challengesuite.common.progress.PlayerProgress;
import java.util.List;

/**
 * The player after a batch or random selection and what the response reports about it.
 *
 * @param selectedGoalIds in request order (batch) or draw order (random)
 * @param replacedGoalIds goals of the challenge active before and not after
 * @param totalActiveGoals goals of the challenge active after the selection
 */
public record SelectionOutcome(
    PlayerProgress progress,
    String challengeId,
    List<String> selectedGoalIds,
    List<String> replacedGoalIds,
    int totalActiveGoals) {

  public SelectionOutcome {
    selectedGoalIds = List.copyOf(selectedGoalIds);
    replacedGoalIds = List.copyOf(replacedGoalIds);
  }
}
