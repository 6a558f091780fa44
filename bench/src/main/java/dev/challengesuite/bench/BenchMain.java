package dev.challengesuite.bench;

import dev.challengesuite.bench.scenario.Scenario;
import dev.challengesuite.bench.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java -jar bench/target/challenge-bench.jar <scenario> [--flag value]...}: runs one
 * scenario against a service it starts (or an external one) and writes a Markdown and a JSON
 * report, with a latency chart, into {@code bench-results/<scenario>-<timestamp>/}.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    int status;
    try {
      BenchOptions options = BenchOptions.parse(args);
      if (options.has("help") || options.scenario() == null || options.scenario().equals("help")) {
        System.out.println(BenchOptions.usage());
        Scenario.all().forEach(s -> System.out.printf("  %-12s %s%n", s.name(), s.description()));
        System.exit(options.scenario() == null && !options.has("help") ? 2 : 0);
        return;
      }
      Optional<Scenario> scenario = Scenario.byName(options.scenario());
      if (scenario.isEmpty()) {
        throw new BenchOptions.UsageException("unknown scenario '" + options.scenario() + "' (see --help)");
      }
      Path report = ScenarioRunner.run(scenario.get(), options);
      System.out.println("report: " + report.resolve("report.md"));
      status = 0;
    } catch (BenchOptions.UsageException e) {
      System.err.println(e.getMessage());
      status = 2;
    } catch (Exception e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }
}
