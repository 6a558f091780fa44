package dev.challengesuite.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.ledger.LedgerComparison;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerReportTest {

  @Test
  @DisplayName("A sample with no acknowledged event is not a pass: nothing was checked")
  void nothingAcknowledgedIsNotAPass() {
    LedgerComparison nothing = new LedgerComparison(1000, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    assertThat(LedgerReport.verdict(nothing)).startsWith("**Verdict: not checked**");
  }

  @Test
  @DisplayName("Acknowledged events all found in the database are a pass")
  void acknowledgedAndFoundIsAPass() {
    LedgerComparison found = new LedgerComparison(1000, 12, 40, 0, 0, 0, 0, 0, 0, List.of());

    assertThat(LedgerReport.verdict(found)).startsWith("**Verdict: PASS**");
  }
}
