package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import java.util.Map;

/**
 * Everything stored about one player: counters, first initialize, and the goals with a stored
 * state. Immutable; a change produces a new instance that shares what did not change.
 *
 * @param version +1 on every write of this player (optimistic concurrency between instances)
 * @param initialization null until the player's first initialize
 * @param goals stored goal states by goal id; goals implicitly assigned by initialize are not
 *     here, nor are their completions that {@link Crossings} record (see {@link #goal})
 */
public record PlayerProgress(
    String userId,
    long version,
    PlayerStats stats,
    Initialization initialization,
    Map<String, GoalState> goals) {

  public PlayerProgress {
    goals = Map.copyOf(goals);
  }

  public static PlayerProgress empty(String userId) {
    return new PlayerProgress(userId, 0, PlayerStats.EMPTY, null, Map.of());
  }

  /**
   * The goal's state for this player: the stored one, else the implicit one of a default goal
   * assigned by initialize, else null (never assigned).
   *
   * <p>An implicit goal is active and {@code not_started} as of the initialize, unless it is
   * absolute and does not rotate and an event has reached its target since: then it is the
   * completed state that event would have written (progress, {@code seq}, {@code completedAt} and
   * {@code updatedAt} of the first {@link Crossing} at or above the target). Its {@code loginBase}
   * is the login count of that event for a login goal; a statistic goal never reads it, and every
   * later write rebases it, so it keeps the initialize's.
   */
  public GoalState goal(Goal goal) {
    GoalState stored = goals.get(goal.id());
    if (stored != null) {
      return stored;
    }
    if (initialization == null || !initialization.defaults().goalIds().contains(goal.id())) {
      return null;
    }
    Initialization init = initialization;
    Crossing completion =
        Crossings.tracks(goal)
            ? stats.crossings()
                .reaching(Crossings.counter(goal), goal.requirement().targetValue())
            : null;
    if (completion == null) {
      return new GoalState(
          goal.id(), goal.challengeId(), true, GoalStatus.NOT_STARTED, 0, init.seq(),
          init.loginCount(), null, init.at(), null, null, null, init.at());
    }
    // A login crossing's value counts the logins since the initialize.
    int loginBase =
        goal.eventSource() == EventSource.LOGIN
            ? ProgressRules.saturate((long) init.loginCount() + completion.value())
            : init.loginCount();
    return new GoalState(
        goal.id(), goal.challengeId(), true, GoalStatus.COMPLETED, completion.value(),
        completion.seq(), loginBase, null, init.at(), completion.at(), null, null,
        completion.at());
  }
}
