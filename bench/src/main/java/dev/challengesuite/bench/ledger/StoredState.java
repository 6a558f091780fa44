package dev.challengesuite.bench.ledger;

import java.util.Map;
import java.util.Set;

/**
 * What the database holds for the ledger's players after a run.
 *
 * @param players per user: login count and stored {@code games_played} value
 * @param receipts per user: the event ids in {@code event_receipt}
 */
public record StoredState(Map<String, StoredPlayer> players, Map<String, Set<String>> receipts) {

  /** One {@code player} row; {@code gamesPlayed} is -1 when the stat is absent. */
  public record StoredPlayer(int loginCount, long gamesPlayed) {}
}
