package dev.challengesuite.common.store;

import dev.challengesuite.common.progress.PlayerProgress;
import java.util.Set;

/**
 * Reply to {@link LoadPlayer}: the player's stored progress ({@code PlayerProgress.empty} if the
 * player has no row) and the ids of its events received within the deduplication window.
 */
public record StoredPlayer(PlayerProgress progress, Set<String> recentEventIds) {

  public StoredPlayer {
    recentEventIds = Set.copyOf(recentEventIds);
  }
}
