package dev.challengesuite.common.bus;

/** Event-bus addresses, one constant each ({@code challenge.<area>.<action>}). */
public final class Addresses {

  /** {@code LoadPlayer} → {@code StoredPlayer}. */
  public static final String PERSISTENCE_LOAD_PLAYER = "challenge.persistence.load-player";

  /**
   * {@code PlayerWriteBatch} → {@code WriteResult} once committed (players another instance wrote
   * first are named there and nothing of theirs is stored).
   */
  public static final String PERSISTENCE_WRITE = "challenge.persistence.write";

  /** {@code BeginClaim} → {@code ClaimStart}. */
  public static final String PERSISTENCE_BEGIN_CLAIM = "challenge.persistence.begin-claim";

  /** {@code FailClaim} → {@code Boolean} (whether the claim changed). */
  public static final String PERSISTENCE_FAIL_CLAIM = "challenge.persistence.fail-claim";

  /** {@code PingDatabase} → {@code null} when the database answers. */
  public static final String PERSISTENCE_PING = "challenge.persistence.ping";

  /** {@code RewardGrant} → {@code GrantResult} (granted or a classified failure). */
  public static final String REWARDS_GRANT = "challenge.rewards.grant";

  /** Prefix of the per-partition player addresses; see {@link #playerPartition(int)}. */
  public static final String PLAYER_PARTITION_PREFIX = "challenge.player.partition.";

  private Addresses() {}

  /** Address of the player partition that owns every user hashing to {@code partition}. */
  public static String playerPartition(int partition) {
    return PLAYER_PARTITION_PREFIX + partition;
  }
}
