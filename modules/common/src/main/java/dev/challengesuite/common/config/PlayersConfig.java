package dev.challengesuite.common.config;

/**
 * Player partitions ({@code players.*}): how many partition verticles own player state, the
 * bus request timeout, and how many players each partition keeps in memory.
 */
public record PlayersConfig(int partitions, long requestTimeoutMillis, int maxCachedPlayersPerPartition) {}
