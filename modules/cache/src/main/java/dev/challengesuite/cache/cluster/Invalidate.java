package dev.challengesuite.cache.cluster;

/**
 * Bus message from {@link ClusterVerticle} to the partition owning {@code userId}
 * ({@link ClusterAddresses#invalidations(int)}): another instance committed {@code version} of that
 * player, so an older copy in memory must not be served. No reply.
 */
public record Invalidate(String userId, long version) {}
