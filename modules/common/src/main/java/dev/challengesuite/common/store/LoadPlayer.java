package dev.challengesuite.common.store;

import dev.challengesuite.common.progress.PlayerProgress;

/**
 * Reply: {@link StoredPlayer}.
 *
 * @param known a committed copy of the player the caller holds, or null: with one, only what was
 *     written after its version is read from the database (the player row and the goal rows
 *     changed since), and the reply is that copy brought up to date
 */
public record LoadPlayer(String userId, PlayerProgress known) {

  public LoadPlayer {
    if (known != null && !known.userId().equals(userId)) {
      throw new IllegalArgumentException(
          "copy of player " + known.userId() + " passed to load player " + userId);
    }
  }

  /** A full load. */
  public LoadPlayer(String userId) {
    this(userId, null);
  }
}
