package dev.challengesuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecorderTest {

  private static final long MS = 1_000_000;

  private final Recorder recorder = new Recorder(0);

  @Test
  @DisplayName("Latency is measured from the intended send time, not from when the request went out")
  void latencyFromIntendedTime() {
    PhaseStats phase = recorder.phaseStarted("p", true, 100, 0);

    recorder.sent(phase, "e", 30 * MS);
    recorder.completed(phase, "e", Outcome.ok("OK"), 10 * MS, 50 * MS);

    assertThat(phase.get("e").okLatency().getMaxValue()).isBetween(39_900L, 40_100L);
  }

  @Test
  @DisplayName("A dropped request is due and an error with its own status, and has no latency")
  void droppedIsAnError() {
    PhaseStats phase = recorder.phaseStarted("p", true, 100, 0);

    recorder.dropped(phase, "e", 5 * MS);

    EndpointStats stats = phase.get("e");
    assertThat(stats.due()).isEqualTo(1);
    assertThat(stats.errors()).isEqualTo(1);
    assertThat(stats.errorCounts()).containsEntry(Outcome.DROPPED, 1L);
    assertThat(stats.okLatency().getTotalCount()).isZero();
  }

  @Test
  @DisplayName("Failures are counted by status and kept out of the success latency")
  void failuresByStatus() {
    PhaseStats phase = recorder.phaseStarted("p", true, 100, 0);

    recorder.completed(phase, "e", Outcome.http(404), 0, MS);
    recorder.completed(phase, "e", Outcome.http(404), 0, MS);
    recorder.completed(phase, "e", Outcome.failed("UNAVAILABLE"), 0, 3 * MS);
    recorder.completed(phase, "e", Outcome.http(200), 0, 2 * MS);

    EndpointStats stats = phase.get("e");
    assertThat(stats.errorCounts()).containsOnly(
        org.assertj.core.api.Assertions.entry("404", 2L), org.assertj.core.api.Assertions.entry("UNAVAILABLE", 1L));
    assertThat(stats.ok()).isEqualTo(1);
    assertThat(stats.okLatency().getTotalCount()).isEqualTo(1);
    assertThat(stats.failedLatency().getMaxValue()).isBetween(2_990L, 3_010L);
  }

  @Test
  @DisplayName("Warm-up and measured phases keep separate figures")
  void phasesApart() {
    PhaseStats warmUp = recorder.phaseStarted("warm-up", false, 100, 0);
    PhaseStats measured = recorder.phaseStarted("step", true, 100, 10 * MS);

    recorder.completed(warmUp, "e", Outcome.ok("OK"), 0, 500 * MS);
    recorder.completed(measured, "e", Outcome.ok("OK"), 10 * MS, 11 * MS);

    assertThat(measured.get("e").okLatency().getMaxValue()).isLessThan(1_100L);
    assertThat(recorder.phases()).extracting(PhaseStats::name).containsExactly("warm-up", "step");
  }

  @Test
  @DisplayName("The timeline puts each outcome in the second of its intended send time")
  void timelineBySecond() {
    PhaseStats phase = recorder.phaseStarted("p", true, 100, 0);

    recorder.completed(phase, "e", Outcome.ok("OK"), 500 * MS, 2_500 * MS);
    recorder.completed(phase, "e", Outcome.failed("UNAVAILABLE"), 1_200 * MS, 1_300 * MS);
    recorder.dropped(phase, "e", 1_900 * MS);

    var seconds = recorder.timeline().seconds();
    assertThat(seconds).hasSize(2);
    assertThat(seconds.get(0).ok()).isEqualTo(1);
    assertThat(seconds.get(1).failed("UNAVAILABLE")).isEqualTo(1);
    assertThat(seconds.get(1).failed(Outcome.DROPPED)).isEqualTo(1);
    assertThat(seconds.get(1).maxFailedMicros()).isEqualTo(100_000);
  }
}
