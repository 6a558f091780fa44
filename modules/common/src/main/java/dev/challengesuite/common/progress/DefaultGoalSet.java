package dev.challengesuite.common.progress;

import java.util.Set;

/**
 * The default goals one initialize assigned, shared by every player initialised with the same
 * catalog defaults. Stored once (keyed by {@code id}, a hash of the sorted goal ids), so that
 * initializing a player is one row, not one row per default goal.
 */
public record DefaultGoalSet(String id, Set<String> goalIds) {

  public DefaultGoalSet {
    goalIds = Set.copyOf(goalIds);
  }
}
