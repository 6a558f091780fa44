package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.BenchOptions;
import java.nio.file.Path;

/** Opens a session, runs the scenario, writes the report (also after a failed run), closes. */
public final class ScenarioRunner {

  private ScenarioRunner() {}

  public static Path run(Scenario scenario, BenchOptions options) throws Exception {
    try (BenchSession session = BenchSession.open(options, scenario.name(), scenario.startsServerFirst())) {
      session.settings.put("scenario", scenario.description());
      try {
        scenario.run(session);
      } catch (Exception e) {
        session.notes.add("the run stopped early: " + e);
        session.writeReport();
        throw e;
      }
      session.consoleSummary().forEach(System.out::println);
      return session.writeReport();
    }
  }
}
