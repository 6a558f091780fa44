package dev.challengesuite.bench.report;

import dev.challengesuite.bench.load.Outcome;
import dev.challengesuite.bench.load.PhaseStats;
import dev.challengesuite.bench.load.Recorder;
import dev.challengesuite.bench.sample.Series;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small report built the way a run builds one, for the renderer tests. */
final class Reports {

  private Reports() {}

  static Report sample() {
    Recorder recorder = new Recorder(0);
    PhaseStats warmUp = recorder.phaseStarted("warm-up", false, 100, 0);
    recorder.completed(warmUp, "gRPC stat", Outcome.ok("OK"), 0, 90_000_000);
    recorder.phaseEnded(warmUp, 1_000_000_000);
    PhaseStats step = recorder.phaseStarted("step 100/s", true, 100, 1_000_000_000);
    for (int i = 0; i < 100; i++) {
      recorder.sent(step, "gRPC stat", 0);
      recorder.completed(step, "gRPC stat", Outcome.ok("OK"), 1_000_000_000L + i * 10_000_000L,
          1_000_000_000L + i * 10_000_000L + (i + 1) * 100_000L);
    }
    recorder.sent(step, "PUT goal active", 5_000_000);
    recorder.completed(step, "PUT goal active", Outcome.http(404), 1_000_000_000, 1_002_000_000);
    recorder.dropped(step, "gRPC stat", 1_500_000_000);
    recorder.phaseEnded(step, 2_000_000_000);

    Series cpu = new Series("server CPU", "% of a core");
    cpu.add(1, 50);
    cpu.add(12, 70);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("players", "10");
    Section section = new Section("Steps", List.of("**Highest step: 100/s.**"), Map.of("highestPassingRate", 100),
        Table.builder("step /s", "verdict").row(100, "pass").build());
    return new Report("events-max", "java -jar bench/target/challenge-bench.jar events-max", Instant.parse("2025-01-01T00:00:00Z"),
        20, new MachineInfo(2, "Test CPU", 24000, "Linux", "JDK 25", "JDK 25"), settings,
        recorder.phases().stream().map(PhaseSummary::of).toList(), Latency.of(recorder.sendLag()), List.of(cpu),
        List.of(section), List.of("a note | with a pipe"));
  }
}
