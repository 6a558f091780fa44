package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.http.render.GoalViewer;
import java.time.Duration;
import java.time.Instant;

/**
 * Stand-in for {@code ProgressRules.view} while it is being written: shows stored states as they
 * are (no derived progress, no rotation reset); rotating goals expire at the next boundary; locked
 * when a prerequisite is not completed or claimed.
 */
final class TestViewer implements GoalViewer {

  private final CatalogIndex catalog;

  TestViewer(CatalogIndex catalog) {
    this.catalog = catalog;
  }

  @Override
  public GoalView view(Goal goal, PlayerProgress player, Instant now) {
    Instant expiresAt = goal.rotates() ? goal.rotation().schedule().nextBoundary(now) : null;
    int expiresIn = expiresAt == null ? 0 : (int) Duration.between(now, expiresAt).getSeconds();
    boolean locked = goal.prerequisites().stream().anyMatch(id -> {
      GoalState state = player.goal(catalog.goal(id));
      return state == null || !state.status().isDone();
    });
    GoalState state = player.goal(goal);
    if (state == null) {
      return new GoalView(GoalStatus.NOT_STARTED, 0, false, null, null, null, expiresAt, expiresIn,
          locked);
    }
    return new GoalView(state.status(), state.progress(), state.active(), state.assignedAt(),
        state.completedAt(), state.claimedAt(), expiresAt, expiresIn, locked);
  }
}
