package dev.challengesuite.common.progress;

import java.util.Map;
import java.util.Objects;

/**
 * The per-player counters that every accepted event rewrites: one row per player, whatever the
 * number of goals its events match. Goal progress is derived from these at read time.
 *
 * @param seq player event sequence: +1 for every applied event
 * @param loginCount number of applied login events
 * @param stats latest value per statistic code (statistic events only)
 * @param crossings the events that first reached the targets of absolute goals that do not
 *     rotate: the completions of implicit default goals
 */
public record PlayerStats(
    long seq, int loginCount, Map<String, StatValue> stats, Crossings crossings) {

  public static final PlayerStats EMPTY = new PlayerStats(0, 0, Map.of(), Crossings.NONE);

  public PlayerStats {
    stats = Map.copyOf(stats);
    Objects.requireNonNull(crossings, "crossings");
  }

  /** The latest known value of a statistic, or null when no event has carried it. */
  public StatValue stat(String statCode) {
    return stats.get(statCode);
  }
}
