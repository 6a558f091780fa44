package dev.challengesuite.common.player;

import dev.challengesuite.common.progress.PlayerProgress;
import java.util.List;

/**
 * The player after initialize and the ids of the goals this call assigned for the first time
 * ({@code newAssignments} is their count).
 */
public record InitializeOutcome(PlayerProgress progress, List<String> newlyAssigned) {

  public InitializeOutcome {
    newlyAssigned = List.copyOf(newlyAssigned);
  }
}
