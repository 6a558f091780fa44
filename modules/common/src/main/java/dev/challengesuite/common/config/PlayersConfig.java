package dev.challengesuite.common.config;

/**
 * Player partitions ({@code players.*}): how many partition verticles own player state, the bus
 * request timeout, how many players each partition keeps in memory, and how long a partition
 * waits for the database (a load or a write batch) before it fails the callers with UNAVAILABLE —
 * the bound on how long an event can hang when the database does.
 */
public record PlayersConfig(
    int partitions, long requestTimeoutMillis, int maxCachedPlayersPerPartition, long storeTimeoutMillis) {

  /** Default store timeout: short enough that a stuck database fails events fast. */
  public static final long DEFAULT_STORE_TIMEOUT_MILLIS = 1000;

  public PlayersConfig(int partitions, long requestTimeoutMillis, int maxCachedPlayersPerPartition) {
    this(partitions, requestTimeoutMillis, maxCachedPlayersPerPartition, DEFAULT_STORE_TIMEOUT_MILLIS);
  }
}
