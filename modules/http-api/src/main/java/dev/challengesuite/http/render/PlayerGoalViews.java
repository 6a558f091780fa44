package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalView;
import dev.challengesuite.common.progress.PlayerProgress;
import java.time.Instant;

/** The goals of one player as one response shows them. What the renderers consume. */
public interface PlayerGoalViews {

  /** What the API shows of {@code goal} for this player. */
  GoalView view(Goal goal);

  /**
   * What {@code goal} would show for a player who never had it: the active-only list renders
   * inactive goals so (their rotation expiry included).
   */
  GoalView unassigned(Goal goal);

  /** Views of {@code player} at {@code now} by {@code viewer}. */
  static PlayerGoalViews of(GoalViewer viewer, PlayerProgress player, Instant now) {
    return viewer.views(player, now);
  }
}
