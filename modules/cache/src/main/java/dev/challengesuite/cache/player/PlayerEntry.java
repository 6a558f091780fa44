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
  /** When its load started, on the partition's command counter. */
  final long loadedAt;
  /** The cache-trust epoch its load started in (see {@code CacheTrust}). */
  final long epoch;
  /** The newest version other instances announced for this player (0: none). */
  long announcedVersion;

  PlayerEntry(PlayerProgress loaded, RecentEvents recentEvents, long loadedAt, long epoch) {
    this.userId = loaded.userId();
    this.committed = loaded;
    this.pending = loaded;
    this.recentEvents = recentEvents;
    this.loadedAt = loadedAt;
    this.epoch = epoch;
  }

  /** Whether another instance announced a version newer than the one held. */
  boolean outdated() {
    return announcedVersion > committed.version();
  }

  /** Completes when everything accepted so far for this player is durable. */
  Future<Void> durable() {
    return lastWrite == null ? Future.succeededFuture() : lastWrite;
  }

  boolean idle() {
    return lastWrite == null;
  }
}
