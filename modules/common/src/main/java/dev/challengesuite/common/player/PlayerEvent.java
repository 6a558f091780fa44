package dev.challengesuite.common.player;

/**
 * A validated game event for one player, mapped from its gRPC message at the edge.
 * {@code eventId} is "" when the platform sent none (then it cannot be deduplicated).
 */
public sealed interface PlayerEvent permits PlayerEvent.Login, PlayerEvent.Stat {

  String eventId();

  String userId();

  /** The player logged in: every active login goal counts one more login. */
  record Login(String eventId, String userId) implements PlayerEvent {}

  /**
   * A statistic changed. {@code value} is the new value truncated toward zero and saturated to the
   * int range (never negative: negative values are dropped at the edge); {@code inc} is the
   * increment that led to it, truncated likewise.
   */
  record Stat(String eventId, String userId, String statCode, int value, int inc)
      implements PlayerEvent {}
}
