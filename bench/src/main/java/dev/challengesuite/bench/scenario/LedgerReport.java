package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.ledger.LedgerComparison;
import dev.challengesuite.bench.report.Table;
import java.util.ArrayList;
import java.util.List;

/** How a ledger comparison reads in a report: summary lines, a verdict and the table of checks. */
final class LedgerReport {

  private LedgerReport() {}

  static List<String> lines(LedgerComparison c) {
    List<String> lines = new ArrayList<>();
    lines.add("Ledger against the database: " + c.players() + " players, " + c.ackedLogins()
        + " acknowledged logins, " + c.ackedStats() + " acknowledged " + EventLedger.STAT_CODE + " updates. "
        + "**Mismatches: " + c.mismatches() + ".**");
    if (c.receiptsUnchecked() > 0) {
      lines.add("Receipts checked for the " + (c.ackedLogins() - c.receiptsUnchecked()) + " logins acknowledged "
          + "within the service's dedup window (less a margin); the " + c.receiptsUnchecked() + " older ones may "
          + "have been purged with it and are checked through login_count only.");
    }
    lines.add(c.examples().isEmpty() ? "No mismatch." : "First mismatches: " + String.join("; ", c.examples()));
    return lines;
  }

  /** The verdict for report.json: fail, not checked (nothing was acknowledged) or pass. */
  static String verdictKey(LedgerComparison c) {
    if (c.mismatches() > 0) {
      return "fail";
    }
    return c.ackedLogins() + c.ackedStats() == 0 ? "not checked" : "pass";
  }

  /** One bold line saying whether every acknowledged event's effect was found. */
  static String verdict(LedgerComparison c) {
    return switch (verdictKey(c)) {
      case "fail" -> "**Verdict: FAIL** — " + c.mismatches() + " mismatches between acknowledged events and the database.";
      case "not checked" ->
          notChecked("no event of the sample was acknowledged, so there was nothing to find in the database");
      default -> "**Verdict: PASS** — every acknowledged event's effect is in the database (" + c.players()
          + " players checked).";
    };
  }

  static String notChecked(String why) {
    return "**Verdict: not checked** — " + why + ".";
  }

  static Table table(LedgerComparison c) {
    return Table.builder("check", "mismatches")
        .row("acknowledged login id present in event_receipt", c.missingReceipts())
        .row("login_count >= acknowledged logins", c.loginCountBelowAcked())
        .row("login_count <= distinct logins sent", c.loginCountAboveSent())
        .row(EventLedger.STAT_CODE + " >= largest acknowledged value", c.valueBelowAcked())
        .row("player row present", c.missingPlayers())
        .build();
  }
}
