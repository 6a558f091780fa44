package dev.challengesuite.cache.player;

import dev.challengesuite.common.progress.PlayerProgress;
import io.vertx.core.Future;

/**
 * One player held by a partition. {@code committed} is what the database holds and readers see;
 * {@code pending} adds the changes accepted but not yet durable. Touched only on the partition's
 * event loop.
 */
final class PlayerEntry {

  final String userId;
  final RecentEvents recentEvents;
  PlayerProgress committed;
  PlayerProgress pending;
  /** Completes when the latest queued or in-flight write of this player is durable; null if none. */
  Future<Void> lastWrite;
  /** Set once the entry was dropped (write failure or eviction): it must not be used again. */
  boolean dropped;

  PlayerEntry(PlayerProgress loaded, RecentEvents recentEvents) {
    this.userId = loaded.userId();
    this.committed = loaded;
    this.pending = loaded;
    this.recentEvents = recentEvents;
  }

  /** Completes when everything accepted so far for this player is durable. */
  Future<Void> durable() {
    return lastWrite == null ? Future.succeededFuture() : lastWrite;
  }

  boolean idle() {
    return lastWrite == null;
  }
}
