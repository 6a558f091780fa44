package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import java.time.Instant;

/**
 * How a goal's progress and status are derived from its stored state and the player's stats, and
 * how the API displays them (reference §5.3–§5.4.4, DECISIONS.md "Events").
 */
public final class ProgressRules {

  private ProgressRules() {}

  /**
   * The goal's raw progress now: the stat value (statistic goals) or login counter (login goals)
   * that the goal has followed since its state was written; frozen while inactive or claimed.
   */
  public static int rawProgress(Goal goal, GoalState state, PlayerStats stats) {
    throw new UnsupportedOperationException("ProgressRules is being written");
  }

  /** The goal's status before rotation display: not_started becomes in_progress after an event. */
  public static GoalStatus status(Goal goal, GoalState state, PlayerStats stats) {
    throw new UnsupportedOperationException("ProgressRules is being written");
  }

  /** What the API shows for this goal and player at {@code now}. */
  public static GoalView view(Goal goal, PlayerProgress player, CatalogIndex catalog, Instant now) {
    throw new UnsupportedOperationException("ProgressRules is being written");
  }
}
