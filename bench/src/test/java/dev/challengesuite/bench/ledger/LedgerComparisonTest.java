package dev.challengesuite.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerComparisonTest {

  private final EventLedger ledger = new EventLedger();

  @BeforeEach
  void twoLoginsAndTwoValues() {
    ledger.loginSent("a", "l1");
    ledger.loginAcked("a", "l1");
    ledger.loginSent("a", "l2"); // sent, never acknowledged
    ledger.statAcked("a", ledger.nextValue("a"));
    ledger.statAcked("a", ledger.nextValue("a"));
  }

  @Test
  @DisplayName("A database holding every acknowledged event shows no mismatch")
  void allGood() {
    LedgerComparison c = LedgerComparison.compare(ledger, stored(1, 2, Set.of("l1")));

    assertThat(c.mismatches()).isZero();
    assertThat(c.ackedLogins()).isEqualTo(1);
    assertThat(c.ackedStats()).isEqualTo(2);
  }

  @Test
  @DisplayName("An unacknowledged login that was applied anyway is no mismatch")
  void unacknowledgedButApplied() {
    assertThat(LedgerComparison.compare(ledger, stored(2, 2, Set.of("l1", "l2"))).mismatches()).isZero();
  }

  @Test
  @DisplayName("An acknowledged login without its receipt is a mismatch")
  void missingReceipt() {
    LedgerComparison c = LedgerComparison.compare(ledger, stored(1, 2, Set.of()));

    assertThat(c.missingReceipts()).isEqualTo(1);
    assertThat(c.examples()).anySatisfy(e -> assertThat(e).contains("l1"));
  }

  @Test
  @DisplayName("A login count below the acknowledged logins is a mismatch")
  void loginCountTooLow() {
    assertThat(LedgerComparison.compare(ledger, stored(0, 2, Set.of("l1"))).loginCountBelowAcked()).isEqualTo(1);
  }

  @Test
  @DisplayName("A login count above the distinct logins sent (a double count) is a mismatch")
  void loginCountTooHigh() {
    assertThat(LedgerComparison.compare(ledger, stored(3, 2, Set.of("l1"))).loginCountAboveSent()).isEqualTo(1);
  }

  @Test
  @DisplayName("A stored value below the largest acknowledged one (a lost update) is a mismatch")
  void valueLost() {
    assertThat(LedgerComparison.compare(ledger, stored(1, 1, Set.of("l1"))).valueBelowAcked()).isEqualTo(1);
  }

  @Test
  @DisplayName("A player with acknowledged events but no row is a mismatch")
  void missingPlayer() {
    LedgerComparison c = LedgerComparison.compare(ledger, new StoredState(Map.of(), Map.of()));

    assertThat(c.missingPlayers()).isEqualTo(1);
    assertThat(c.mismatches()).isEqualTo(1);
  }

  @Test
  @DisplayName("Values handed out per player strictly increase")
  void increasingValues() {
    EventLedger fresh = new EventLedger();

    assertThat(fresh.nextValue("b")).isEqualTo(1);
    assertThat(fresh.nextValue("b")).isEqualTo(2);
    assertThat(fresh.nextValue("c")).isEqualTo(1);
  }

  @Test
  @DisplayName("A login acknowledged before the receipt cut-off may lack its receipt (purged with the dedup window)")
  void oldLoginWithoutReceipt() {
    EventLedger old = ledgerWithOneLoginAckedAt(Instant.parse("2025-01-01T10:00:00Z"));

    LedgerComparison c = LedgerComparison.compare(old, stored(1, -1, Set.of()), Instant.parse("2025-01-01T10:05:00Z"));

    assertThat(c.missingReceipts()).isZero();
    assertThat(c.receiptsUnchecked()).isEqualTo(1);
  }

  @Test
  @DisplayName("A login acknowledged at or after the receipt cut-off still needs its receipt")
  void recentLoginWithoutReceipt() {
    EventLedger recent = ledgerWithOneLoginAckedAt(Instant.parse("2025-01-01T10:05:00Z"));

    LedgerComparison c = LedgerComparison.compare(recent, stored(1, -1, Set.of()), Instant.parse("2025-01-01T10:05:00Z"));

    assertThat(c.missingReceipts()).isEqualTo(1);
  }

  @Test
  @DisplayName("A login from before the receipt cut-off still counts in the login_count bounds")
  void oldLoginStillCounted() {
    EventLedger old = ledgerWithOneLoginAckedAt(Instant.parse("2025-01-01T10:00:00Z"));

    LedgerComparison c = LedgerComparison.compare(old, stored(0, -1, Set.of()), Instant.parse("2025-01-01T10:05:00Z"));

    assertThat(c.loginCountBelowAcked()).isEqualTo(1);
  }

  @Test
  @DisplayName("Receipts must be kept for acknowledgements within the dedup window less a minute")
  void receiptCutOff() {
    Instant checkedAt = Instant.parse("2025-01-01T10:20:00Z");

    assertThat(LedgerComparison.receiptsKeptSince(checkedAt, Duration.ofSeconds(600)))
        .isEqualTo(Instant.parse("2025-01-01T10:11:00Z"));
  }

  private static EventLedger ledgerWithOneLoginAckedAt(Instant at) {
    EventLedger ledger = new EventLedger();
    ledger.loginSent("a", "l1");
    ledger.loginAcked("a", "l1", at);
    return ledger;
  }

  private static StoredState stored(int loginCount, long gamesPlayed, Set<String> receipts) {
    return new StoredState(Map.of("a", new StoredState.StoredPlayer(loginCount, gamesPlayed)), Map.of("a", receipts));
  }
}
