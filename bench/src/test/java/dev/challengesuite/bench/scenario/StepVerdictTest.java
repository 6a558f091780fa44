package dev.challengesuite.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.load.Outcome;
import dev.challengesuite.bench.load.PhaseStats;
import dev.challengesuite.bench.load.Recorder;
import dev.challengesuite.bench.report.PhaseSummary;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

  private final Recorder recorder = new Recorder(0);

  @Test
  @DisplayName("A step with p99 under the limit and no error passes")
  void passes() {
    assertThat(StepVerdict.judge(1000, phase("a", 10, 0), 50).passed()).isTrue();
  }

  @Test
  @DisplayName("A step with p99 at or over the limit fails")
  void slowFails() {
    assertThat(StepVerdict.judge(1000, phase("b", 60, 0), 50).passed()).isFalse();
  }

  @Test
  @DisplayName("A single error fails a step however fast it was")
  void errorFails() {
    assertThat(StepVerdict.judge(1000, phase("c", 1, 1), 50).passed()).isFalse();
  }

  @Test
  @DisplayName("The highest passing step is found even when a lower one failed")
  void highest() {
    List<StepVerdict> steps = List.of(
        StepVerdict.judge(1000, phase("d", 5, 0), 50),
        StepVerdict.judge(2000, phase("e", 80, 0), 50),
        StepVerdict.judge(5000, phase("f", 5, 0), 50),
        StepVerdict.judge(10000, phase("g", 5, 3), 50));

    assertThat(StepVerdict.highestPassing(steps)).hasValue(5000);
  }

  @Test
  @DisplayName("No passing step, no answer")
  void none() {
    assertThat(StepVerdict.highestPassing(List.of(StepVerdict.judge(1000, phase("h", 90, 0), 50)))).isEmpty();
  }

  @Test
  @DisplayName("The steps section states the verdict in words and figures")
  void section() {
    var section = StepScenario.section(List.of(StepVerdict.judge(1000, phase("i", 5, 0), 50)), 50);

    assertThat(section.lines().getFirst()).contains("1000/s");
    assertThat(section.figures()).containsEntry("highestPassingRate", 1000);
    assertThat(section.table().rows().getFirst().getLast()).isEqualTo("pass");
  }

  /** 100 successes of {@code ms} each, plus {@code errors} UNAVAILABLE. */
  private PhaseSummary phase(String name, long ms, int errors) {
    PhaseStats phase = recorder.phaseStarted(name, true, 100, 0);
    for (int i = 0; i < 100; i++) {
      recorder.completed(phase, "e", Outcome.ok("OK"), 0, ms * 1_000_000);
    }
    for (int i = 0; i < errors; i++) {
      recorder.completed(phase, "e", Outcome.failed("UNAVAILABLE"), 0, 1_000_000);
    }
    recorder.phaseEnded(phase, 1_000_000_000);
    return PhaseSummary.of(phase);
  }
}
