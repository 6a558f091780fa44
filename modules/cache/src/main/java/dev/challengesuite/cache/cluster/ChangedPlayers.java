package dev.challengesuite.cache.cluster;

import java.util.List;

/**
 * Bus message from a partition to {@link ClusterVerticle} ({@link ClusterAddresses#PUBLISH}): the
 * players one write batch committed. No reply.
 */
public record ChangedPlayers(List<PlayerChange> changes) {

  public ChangedPlayers {
    changes = List.copyOf(changes);
  }
}
