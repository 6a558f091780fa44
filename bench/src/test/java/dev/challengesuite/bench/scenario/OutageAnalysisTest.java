package dev.challengesuite.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutageAnalysisTest {

  private static OutageAnalysis.SecondCounts ok(int second, long ok) {
    return new OutageAnalysis.SecondCounts(second, ok, Map.of(), 0, 2_000);
  }

  private static OutageAnalysis.SecondCounts failing(int second, long ok, long unavailable, long maxFailedMs) {
    return new OutageAnalysis.SecondCounts(second, ok, Map.of("UNAVAILABLE", unavailable), maxFailedMs * 1000, 2_000);
  }

  @Test
  @DisplayName("Failures all faster than the limit are fail-fast")
  void failFast() {
    var analysis = OutageAnalysis.of(List.of(ok(9, 500), failing(10, 0, 500, 120), ok(11, 500)), 10, 11, 500, 1000);

    assertThat(analysis.failFast()).isTrue();
    assertThat(analysis.maxFailedLatencyMs()).isEqualTo(120);
  }

  @Test
  @DisplayName("One failure slower than the limit is not fail-fast")
  void slowFailure() {
    var analysis = OutageAnalysis.of(List.of(failing(10, 0, 500, 1500)), 10, 11, 500, 1000);

    assertThat(analysis.failFast()).isFalse();
  }

  @Test
  @DisplayName("Recovery is the end of the first healthy whole second after the return")
  void recovery() {
    var analysis = OutageAnalysis.of(
        List.of(failing(10, 0, 500, 100), failing(25, 100, 400, 100), failing(26, 480, 20, 100), ok(27, 460), ok(28, 500)),
        10, 25.4, 500, 1000);

    // second 26 still had failures; 27 had 460 >= 90% of 500 and none
    assertThat(analysis.recoverySeconds()).isCloseTo(2.6, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  @DisplayName("A second that began before the return does not count as recovered")
  void partialSecondIgnored() {
    var analysis = OutageAnalysis.of(List.of(ok(25, 500), ok(26, 500)), 10, 25.4, 500, 1000);

    assertThat(analysis.recoverySeconds()).isCloseTo(1.6, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  @DisplayName("No healthy second after the return: no recovery")
  void neverRecovered() {
    var analysis = OutageAnalysis.of(List.of(failing(26, 100, 400, 10)), 10, 25, 500, 1000);

    assertThat(analysis.recoverySeconds()).isNull();
  }

  @Test
  @DisplayName("Outcomes while PostgreSQL was down are counted apart")
  void whileDown() {
    var analysis = OutageAnalysis.of(List.of(ok(8, 500), failing(10, 30, 470, 10), failing(12, 0, 500, 10), ok(20, 500)),
        10, 13, 500, 1000);

    assertThat(analysis.okWhileDown()).isEqualTo(30);
    assertThat(analysis.failedWhileDown()).isEqualTo(970);
    assertThat(analysis.failuresByStatus()).containsEntry("UNAVAILABLE", 970L);
  }
}
