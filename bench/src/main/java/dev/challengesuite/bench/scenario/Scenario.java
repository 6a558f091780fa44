package dev.challengesuite.bench.scenario;

import java.util.List;
import java.util.Optional;

/** A named benchmark; one command runs one. */
public interface Scenario {

  String name();

  /** What it measures, one line (shown by --help and in the report). */
  String description();

  /** False when the scenario starts the managed service itself (cold-burst). */
  default boolean startsServerFirst() {
    return true;
  }

  void run(BenchSession session) throws Exception;

  static List<Scenario> all() {
    return List.of(new StepScenario.EventsMax(), new StepScenario.ListMax(), new MixedScenario(),
        new InitOnlyScenario(), new ColdBurstScenario(), new KillTestScenario(), new OutageTestScenario());
  }

  static Optional<Scenario> byName(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
