package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalView;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.ProgressRules;
import java.time.Instant;

/**
 * How the API sees one goal of one player at one instant. Production uses {@link
 * ProgressRules#view}; tests of the HTTP layer may substitute their own rules.
 */
@FunctionalInterface
public interface GoalViewer {

  GoalView view(Goal goal, PlayerProgress player, Instant now);

  /** Every goal of {@code player} at {@code now}, as one response shows them. */
  default PlayerGoalViews views(PlayerProgress player, Instant now) {
    GoalViewer viewer = this;
    return new PlayerGoalViews() {
      private PlayerProgress nobody;

      @Override
      public GoalView view(Goal goal) {
        return viewer.view(goal, player, now);
      }

      @Override
      public GoalView unassigned(Goal goal) {
        if (nobody == null) {
          nobody = PlayerProgress.empty(player.userId());
        }
        return viewer.view(goal, nobody, now);
      }
    };
  }

  /** The rules of the service ({@link ProgressRules#view}) over {@code catalog}. */
  static GoalViewer rules(CatalogIndex catalog) {
    return new RulesViewer(catalog);
  }
}
