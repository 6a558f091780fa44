package dev.challengesuite.cache.player;

import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import io.vertx.core.Future;

/** Where a partition loads players from and commits their changes to. */
public interface PlayerStore {

  Future<StoredPlayer> load(String userId);

  /** Commits every write of the batch atomically, or fails without committing any. */
  Future<Void> write(PlayerWriteBatch batch);
}
