package dev.challengesuite.common.progress;

import java.util.Map;

/**
 * Everything stored about one player: counters, first initialize, and the goals with a stored
 * state. Immutable; a change produces a new instance that shares what did not change.
 *
 * @param version +1 on every write of this player (optimistic concurrency between instances)
 * @param initialization null until the player's first initialize
 * @param goals stored goal states by goal id (goals implicitly assigned by initialize are not here)
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
   */
  public GoalState goal(String goalId, String challengeId) {
    GoalState stored = goals.get(goalId);
    if (stored != null) {
      return stored;
    }
    if (initialization == null || !initialization.defaults().goalIds().contains(goalId)) {
      return null;
    }
    Initialization init = initialization;
    return new GoalState(
        goalId, challengeId, true, GoalStatus.NOT_STARTED, 0, init.seq(), init.loginCount(), null,
        init.at(), null, null, null, init.at());
  }
}
