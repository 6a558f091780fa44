package dev.challengesuite.cache.cluster;

import dev.challengesuite.common.bus.Addresses;

/** Bus addresses between the partitions and the change feed; local to the cache module. */
public final class ClusterAddresses {

  /** {@link ChangedPlayers} from partitions, published by {@link ClusterVerticle}. */
  public static final String PUBLISH = "challenge.cluster.publish";

  private ClusterAddresses() {}

  /** Where partition {@code partition} hears {@link Invalidate}s. */
  public static String invalidations(int partition) {
    return Addresses.playerPartition(partition) + ".invalidate";
  }
}
