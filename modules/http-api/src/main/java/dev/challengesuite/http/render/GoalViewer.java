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

  /** The rules of the service ({@link ProgressRules#view}) over {@code catalog}. */
  static GoalViewer rules(CatalogIndex catalog) {
    return (goal, player, now) -> ProgressRules.view(goal, player, catalog, now);
  }
}
