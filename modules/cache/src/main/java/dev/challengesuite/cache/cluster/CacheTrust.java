package dev.challengesuite.cache.cluster;

/**
 * Whether the player partitions of this instance may serve a player from memory, shared by all of
 * them and set by the change feed ({@link ClusterVerticle}).
 *
 * <p>Alone, an instance is the only writer of its players, so its cache is always right. With
 * other instances, a cached player is right only while the feed hears their changes, and only if
 * it was loaded since the feed last (re)subscribed: pub/sub does not replay what was published
 * while a subscriber was away. So every (re)subscription starts a new epoch, a player loaded in an
 * older epoch is read again from the database, and while the feed is down nothing is trusted.
 * Thread-safe: the feed writes from its event loop, partitions read from theirs.
 */
public final class CacheTrust {

  private record State(boolean listening, long epoch) {}

  private final boolean clustered;
  private volatile State state;

  private CacheTrust(boolean clustered, State state) {
    this.clustered = clustered;
    this.state = state;
  }

  /** One instance alone: everything cached is right. */
  public static CacheTrust alone() {
    return new CacheTrust(false, new State(true, 0));
  }

  /** One of several instances: nothing is trusted until the change feed listens. */
  public static CacheTrust shared() {
    return new CacheTrust(true, new State(false, 0));
  }

  /** Whether other instances write the same players. */
  public boolean clustered() {
    return clustered;
  }

  /** The epoch to stamp on a player whose load starts now. */
  public long epoch() {
    return state.epoch();
  }

  /** Whether a player loaded in {@code epoch} may be served from memory. */
  public boolean trusts(long epoch) {
    State current = state;
    return current.listening() && current.epoch() == epoch;
  }

  /** Whether other instances' changes are being heard. */
  public boolean listening() {
    return state.listening();
  }

  /** The feed (re)subscribed or was lost. */
  public synchronized void listening(boolean listening) {
    state = new State(listening, state.epoch());
  }

  /** Changes may have been missed: everything loaded before now is suspect. */
  public synchronized void gap() {
    state = new State(state.listening(), state.epoch() + 1);
  }
}
