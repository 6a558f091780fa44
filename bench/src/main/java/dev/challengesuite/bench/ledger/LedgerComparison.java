package dev.challengesuite.bench.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger against the database. Acknowledged means durable, so: every acknowledged login id has
 * its receipt; each player's login count is at least its acknowledged logins (a retried,
 * unacknowledged login may have counted too) and at most the distinct logins sent (duplicates
 * never count twice); each player's stored {@code games_played} is at least the largest
 * acknowledged value. The service purges receipts older than its dedup window, so a run longer
 * than that checks receipts only for logins acknowledged since a cut-off ({@link
 * #receiptsKeptSince}); the older ones still count in the login_count bounds.
 *
 * @param receiptsUnchecked acknowledged logins from before the receipt cut-off (their receipts
 *     may have been purged legitimately)
 */
public record LedgerComparison(
    int players,
    long ackedLogins,
    long ackedStats,
    long receiptsUnchecked,
    long missingReceipts,
    long loginCountBelowAcked,
    long loginCountAboveSent,
    long valueBelowAcked,
    long missingPlayers,
    List<String> examples) {

  static final int MAX_EXAMPLES = 20;

  /**
   * Margin below the dedup window: an acknowledgement comes after the receipt's time by at most a
   * request timeout, and the clocks of the bench and an external service may differ a little.
   */
  static final Duration RECEIPT_MARGIN = Duration.ofSeconds(60);

  public long mismatches() {
    return missingReceipts + loginCountBelowAcked + loginCountAboveSent + valueBelowAcked + missingPlayers;
  }

  /**
   * The earliest acknowledgement time whose receipt must still be in the database at {@code
   * checkedAt}, for a service purging receipts older than {@code dedupWindow}.
   */
  public static Instant receiptsKeptSince(Instant checkedAt, Duration dedupWindow) {
    return checkedAt.minus(dedupWindow).plus(RECEIPT_MARGIN);
  }

  /** Compares with every acknowledged login's receipt required (runs shorter than the dedup window). */
  public static LedgerComparison compare(EventLedger ledger, StoredState stored) {
    return compare(ledger, stored, Instant.MIN);
  }

  /** Compares, requiring receipts only of logins acknowledged at or after {@code receiptsFrom}. */
  public static LedgerComparison compare(EventLedger ledger, StoredState stored, Instant receiptsFrom) {
    long ackedLogins = 0;
    long ackedStats = 0;
    long receiptsUnchecked = 0;
    long missingReceipts = 0;
    long below = 0;
    long above = 0;
    long valueBelow = 0;
    long missingPlayers = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, EventLedger.PlayerLedger> entry : ledger.players().entrySet()) {
      String user = entry.getKey();
      EventLedger.PlayerLedger expected = entry.getValue();
      Map<String, Instant> acked = expected.ackedLoginTimes();
      ackedLogins += acked.size();
      ackedStats += expected.ackedStats();
      StoredState.StoredPlayer row = stored.players().get(user);
      if (row == null) {
        if (!acked.isEmpty() || expected.maxAckedValue() >= 0) {
          missingPlayers++;
          example(examples, user + ": acknowledged events but no player row");
        }
        continue;
      }
      Set<String> receipts = stored.receipts().getOrDefault(user, Set.of());
      for (Map.Entry<String, Instant> login : acked.entrySet()) {
        String id = login.getKey();
        if (login.getValue().isBefore(receiptsFrom)) {
          receiptsUnchecked++;
        } else if (!receipts.contains(id)) {
          missingReceipts++;
          example(examples, user + ": acknowledged login " + id + " has no receipt");
        }
      }
      if (row.loginCount() < acked.size()) {
        below++;
        example(examples, user + ": login_count " + row.loginCount() + " < " + acked.size() + " acknowledged");
      }
      int sent = expected.sentLogins().size();
      if (row.loginCount() > sent) {
        above++;
        example(examples, user + ": login_count " + row.loginCount() + " > " + sent + " distinct logins sent");
      }
      if (row.gamesPlayed() < expected.maxAckedValue()) {
        valueBelow++;
        example(examples, user + ": games_played " + row.gamesPlayed() + " < acknowledged " + expected.maxAckedValue());
      }
    }
    return new LedgerComparison(ledger.players().size(), ackedLogins, ackedStats, receiptsUnchecked, missingReceipts,
        below, above, valueBelow, missingPlayers, List.copyOf(examples));
  }

  private static void example(List<String> examples, String text) {
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(text);
    }
  }
}
