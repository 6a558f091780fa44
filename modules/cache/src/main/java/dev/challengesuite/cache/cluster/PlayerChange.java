package dev.challengesuite.cache.cluster;

/** A player's committed version, announced to (or heard from) the other instances. */
public record PlayerChange(String userId, long version) {}
