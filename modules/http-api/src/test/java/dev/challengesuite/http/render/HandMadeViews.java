package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Views set goal by goal; goals not set look never assigned. */
final class HandMadeViews implements PlayerGoalViews {

  static final GoalView NEVER_ASSIGNED =
      new GoalView(GoalStatus.NOT_STARTED, 0, false, null, null, null, null, 0, false);

  private final Map<String, GoalView> views = new HashMap<>();
  private final Map<String, GoalView> unassigned = new HashMap<>();

  HandMadeViews with(String goalId, GoalView view) {
    views.put(goalId, view);
    return this;
  }

  HandMadeViews unassigned(String goalId, GoalView view) {
    unassigned.put(goalId, view);
    return this;
  }

  static GoalView view(GoalStatus status, int progress, boolean active, Instant assignedAt,
      Instant completedAt, Instant claimedAt, Instant expiresAt, int expiresIn, boolean locked) {
    return new GoalView(status, progress, active, assignedAt, completedAt, claimedAt, expiresAt,
        expiresIn, locked);
  }

  @Override
  public GoalView view(Goal goal) {
    return views.getOrDefault(goal.id(), NEVER_ASSIGNED);
  }

  @Override
  public GoalView unassigned(Goal goal) {
    return unassigned.getOrDefault(goal.id(), NEVER_ASSIGNED);
  }
}
