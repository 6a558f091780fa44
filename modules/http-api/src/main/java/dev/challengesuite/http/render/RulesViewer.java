package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.Boundaries;
import dev.challengesuite.common.progress.GoalView;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.ProgressRules;
import java.time.Instant;

/**
 * {@link ProgressRules#view} over one catalog. The views of one response share one {@link
 * Boundaries}, so each rotation boundary is computed once per response rather than once per goal.
 */
final class RulesViewer implements GoalViewer {

  private final CatalogIndex catalog;

  RulesViewer(CatalogIndex catalog) {
    this.catalog = catalog;
  }

  @Override
  public GoalView view(Goal goal, PlayerProgress player, Instant now) {
    return ProgressRules.view(goal, player, catalog, now);
  }

  @Override
  public PlayerGoalViews views(PlayerProgress player, Instant now) {
    Boundaries boundaries = Boundaries.at(now);
    return new PlayerGoalViews() {
      private PlayerProgress nobody;

      @Override
      public GoalView view(Goal goal) {
        return ProgressRules.view(goal, player, catalog, boundaries);
      }

      @Override
      public GoalView unassigned(Goal goal) {
        if (nobody == null) {
          nobody = PlayerProgress.empty(player.userId());
        }
        return ProgressRules.view(goal, nobody, catalog, boundaries);
      }
    };
  }
}
