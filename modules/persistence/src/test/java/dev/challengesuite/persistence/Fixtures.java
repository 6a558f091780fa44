package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.store.PlayerWrite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small builders for the test data of this module. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");

  private Fixtures() {}

  static String newUserId() {
    return "user-" + UUID.randomUUID();
  }

  static PlayerStats stats(long seq, int logins, Map<String, StatValue> values) {
    return new PlayerStats(seq, logins, values, Crossings.NONE);
  }

  /** A goal row with every nullable field null. */
  static GoalState bareGoal(String goalId, Instant updatedAt) {
    return new GoalState(goalId, "challenge-a", false, GoalStatus.NOT_STARTED, 0, 0, 0, null,
        null, null, null, null, updatedAt);
  }

  static GoalState goal(String goalId, GoalStatus status, int progress, Instant at) {
    return new GoalState(goalId, "challenge-a", true, status, progress, 1, 0, null, at,
        status.isDone() ? at : null, status == GoalStatus.CLAIMED ? at : null, null, at);
  }

  static PlayerWrite write(String userId, long version, PlayerStats stats, Initialization init,
      List<GoalState> goals, List<String> eventIds, Instant at) {
    return new PlayerWrite(userId, version - 1, version, stats, init, goals, eventIds, at);
  }

  /** A write that only changes the player's counters. */
  static PlayerWrite statsOnly(String userId, long version, Instant at) {
    return write(userId, version, stats(version, 0, Map.of("kills", new StatValue(1, version))),
        null, List.of(), List.of(), at);
  }
}
