package dev.challengesuite.cache.player;

import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.core.Future;

/** Where a partition loads players from and commits their changes to. */
public interface PlayerStore {

  /**
   * The player as stored. With {@code known}, a committed copy of it, only what changed since is
   * read (the database's work is then one row plus the goal rows written after the copy).
   */
  Future<StoredPlayer> load(String userId, PlayerProgress known);

  /**
   * Commits the batch atomically, or fails without committing any of it. Writes of players whose
   * stored version is not the write's expected one (another instance wrote them) are left out and
   * named in the result.
   */
  Future<WriteResult> write(PlayerWriteBatch batch);

  /** Starts a reward claim: makes it pending if it is new or failed (see {@link BeginClaim}). */
  Future<ClaimStart> beginClaim(BeginClaim claim);

  /** Records that a claim's grant certainly failed; whether the claim changed. */
  Future<Boolean> failClaim(FailClaim claim);
}
