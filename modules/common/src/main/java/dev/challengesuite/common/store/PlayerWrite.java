package dev.challengesuite.common.store;

import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerStats;
import java.time.Instant;
import java.util.List;

/**
 * The rows one player's changes need: whole rows, not deltas, because the owning partition holds
 * the authoritative state.
 *
 * @param expectedVersion the version the change was computed from (0 = player not stored yet):
 *     the write is stored only if the player's stored version is still this one, so that two
 *     instances never overwrite each other's changes ({@link WriteResult#conflicted()})
 * @param version the version after this write: {@code expectedVersion + 1}
 * @param stats the player's counters after the change
 * @param initialization set when this write records the player's first initialize, else null
 * @param goals goal states to insert or replace
 * @param eventIds ids of the events this write applies, recorded for duplicate detection
 * @param claims claims granted by this write, committed together with the goals' claimed state
 */
public record PlayerWrite(
    String userId,
    long expectedVersion,
    long version,
    PlayerStats stats,
    Initialization initialization,
    List<GoalState> goals,
    List<String> eventIds,
    Instant at,
    List<ClaimGranted> claims) {

  public PlayerWrite {
    goals = List.copyOf(goals);
    eventIds = List.copyOf(eventIds);
    claims = List.copyOf(claims);
  }

  /** A write that grants no claim. */
  public PlayerWrite(
      String userId,
      long expectedVersion,
      long version,
      PlayerStats stats,
      Initialization initialization,
      List<GoalState> goals,
      List<String> eventIds,
      Instant at) {
    this(userId, expectedVersion, version, stats, initialization, goals, eventIds, at, List.of());
  }
}
