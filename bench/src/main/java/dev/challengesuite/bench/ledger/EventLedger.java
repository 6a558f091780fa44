package dev.challengesuite.bench.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the generator sent and what the service acknowledged, per player, for the robustness
 * scenarios: login event ids (sent, acknowledged) and the {@code games_played} values, which
 * strictly increase per player so that "the stored value is at least the largest acknowledged
 * one" is a sound check. The scenarios keep at most one event per player in flight, so the
 * service sees each player's values in order. A login's acknowledgement time is kept too: the
 * service purges receipts older than its dedup window, so only recent ones must still be there.
 */
public final class EventLedger {

  public static final String STAT_CODE = "games_played";

  /** One player's part of the ledger. */
  public static final class PlayerLedger {
    private final Set<String> sentLogins = new HashSet<>();
    private final Map<String, Instant> ackedLogins = new HashMap<>();
    private long lastValue;
    private long maxAckedValue = -1;
    private long ackedStats;

    public synchronized Set<String> sentLogins() {
      return Set.copyOf(sentLogins);
    }

    public synchronized Set<String> ackedLogins() {
      return Set.copyOf(ackedLogins.keySet());
    }

    /** The acknowledged login ids with the time of their acknowledgement. */
    public synchronized Map<String, Instant> ackedLoginTimes() {
      return Map.copyOf(ackedLogins);
    }

    /** The largest acknowledged {@code games_played} value, or -1. */
    public synchronized long maxAckedValue() {
      return maxAckedValue;
    }

    public synchronized long ackedStats() {
      return ackedStats;
    }
  }

  private final Map<String, PlayerLedger> players = new ConcurrentHashMap<>();

  /** The next {@code games_played} value for the player: 1, 2, 3, ... */
  public long nextValue(String userId) {
    PlayerLedger player = player(userId);
    synchronized (player) {
      return ++player.lastValue;
    }
  }

  public void loginSent(String userId, String eventId) {
    PlayerLedger player = player(userId);
    synchronized (player) {
      player.sentLogins.add(eventId);
    }
  }

  public void loginAcked(String userId, String eventId) {
    loginAcked(userId, eventId, Instant.now());
  }

  /** The login was acknowledged at {@code at} (wall clock, as the service's receipt times). */
  public void loginAcked(String userId, String eventId, Instant at) {
    PlayerLedger player = player(userId);
    synchronized (player) {
      player.ackedLogins.putIfAbsent(eventId, at);
    }
  }

  public void statAcked(String userId, long value) {
    PlayerLedger player = player(userId);
    synchronized (player) {
      player.maxAckedValue = Math.max(player.maxAckedValue, value);
      player.ackedStats++;
    }
  }

  public Map<String, PlayerLedger> players() {
    return Collections.unmodifiableMap(players);
  }

  public long ackedLogins() {
    return players.values().stream().mapToLong(p -> p.ackedLogins().size()).sum();
  }

  public long ackedStats() {
    return players.values().stream().mapToLong(PlayerLedger::ackedStats).sum();
  }

  private PlayerLedger player(String userId) {
    return players.computeIfAbsent(userId, id -> new PlayerLedger());
  }
}
