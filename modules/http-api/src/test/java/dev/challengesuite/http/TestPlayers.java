package dev.challengesuite.http;

import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hand-made players for the fake partitions. */
final class TestPlayers {

  private TestPlayers() {}

  static GoalState state(String goalId, String challengeId, boolean active, GoalStatus status,
      int progress, Instant assignedAt, Instant completedAt, Instant claimedAt) {
    return new GoalState(goalId, challengeId, active, status, progress, 0, 0, null, assignedAt,
        completedAt, claimedAt, null, assignedAt);
  }

  /** A player with these stored goal states and, when {@code initializedAt} is set, defaults. */
  static PlayerProgress player(String userId, Instant initializedAt, GoalState... states) {
    Initialization init = initializedAt == null
        ? null
        : new Initialization(initializedAt, 0, 0, TestCatalog.index().defaultGoalSet());
    return new PlayerProgress(userId, 1, PlayerStats.EMPTY, init,
        Arrays.stream(states).collect(Collectors.toMap(GoalState::goalId, Function.identity())));
  }
}
