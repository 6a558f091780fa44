package dev.challengesuite.common.store;

/** Reply: {@code null} when the database answers a trivial query in time. */
public record PingDatabase() {}
