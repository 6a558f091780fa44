package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.OpenLoopDriver;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.Workload;
import dev.challengesuite.bench.report.EndpointSummary;
import dev.challengesuite.bench.report.Format;
import dev.challengesuite.bench.report.PhaseSummary;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.report.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Steps the rate up (e.g. 1k, 2k, 5k, 10k, 15k/s, 20 s each, after a warm-up) and finds the highest
 * step with p99 under the limit and no error. Stops after the first failed step unless
 * --all-steps: beyond it the service is only queueing.
 */
abstract class StepScenario implements Scenario {

  abstract List<Integer> defaultSteps();

  abstract Workload workload(BenchSession session, int maxRate);

  @Override
  public void run(BenchSession session) {
    List<Integer> steps = session.options.rates("steps", defaultSteps());
    int stepSeconds = session.options.integer("step-seconds", 20);
    int warmupSeconds = session.options.integer("warmup", 10);
    double p99Limit = session.options.decimal("p99-ms", 50);
    boolean allSteps = session.options.flag("all-steps");
    session.settings.put("steps", steps + "/s, " + stepSeconds + " s each, warm-up " + warmupSeconds + " s at " + steps.getFirst() + "/s");
    session.settings.put("pass", "p99 < " + Format.one(p99Limit) + " ms and no errors");
    // the workload first: it sizes the client's connection pool for the highest step
    Workload workload = workload(session, steps.stream().max(Integer::compare).orElseThrow());
    session.initializePlayers(session.players.count());
    OpenLoopDriver driver = session.driver();
    if (warmupSeconds > 0) {
      driver.run(List.of(Phase.warmUp(ArrivalSchedule.constant(steps.getFirst(), Duration.ofSeconds(warmupSeconds)), workload))).await();
    }
    List<StepVerdict> verdicts = new ArrayList<>();
    for (int rate : steps) {
      String name = "step " + rate + "/s";
      int left = driver.run(List.of(Phase.measured(name, ArrivalSchedule.constant(rate, Duration.ofSeconds(stepSeconds)), workload))).await();
      if (left > 0) {
        session.notes.add(name + ": " + left + " requests still unanswered after the drain timeout");
      }
      StepVerdict verdict = StepVerdict.judge(rate, PhaseSummary.of(session.recorder.phase(name)), p99Limit);
      verdicts.add(verdict);
      System.out.printf("%s: OK/s %.1f, p99 %s ms, errors %d, generator lag p99 %s ms -> %s%n", name,
          verdict.all().achievedRate(), Format.ms(verdict.all().latency().p99()), verdict.all().errors(),
          Format.ms(verdict.sendLag().p99()), verdict.passed() ? "pass" : "FAIL");
      if (!verdict.passed() && !allSteps) {
        break;
      }
    }
    session.section(section(verdicts, p99Limit));
  }

  static Section section(List<StepVerdict> verdicts, double p99Limit) {
    Table.Builder table = Table.builder("step /s", "achieved OK/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
        "errors by status", "generator lag p99 ms", "verdict");
    for (StepVerdict v : verdicts) {
      EndpointSummary all = v.all();
      table.row(v.rate(), Format.one(all.achievedRate()), Format.ms(all.latency().p50()), Format.ms(all.latency().p95()),
          Format.ms(all.latency().p99()), Format.ms(all.latency().max()), all.errors(), Format.counts(all.errorsByStatus()),
          Format.ms(v.sendLag().p99()), v.passed() ? "pass" : "FAIL");
    }
    Optional<Integer> best = StepVerdict.highestPassing(verdicts);
    String verdictLine = best.map(rate -> "**Highest step with p99 < " + Format.one(p99Limit) + " ms and no errors: "
            + rate + "/s.**")
        .orElse("**No step had p99 < " + Format.one(p99Limit) + " ms and no errors.**");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("highestPassingRate", best.orElse(null));
    figures.put("p99LimitMs", p99Limit);
    return new Section("Steps", List.of(verdictLine), figures, table.build());
  }

  /** Events over gRPC: 80% statistic updates, 20% logins, over all players. */
  static final class EventsMax extends StepScenario {
    @Override
    public String name() {
      return "events-max";
    }

    @Override
    public String description() {
      return "highest event rate (80% statistic, 20% login) with p99 < 50 ms and no errors";
    }

    @Override
    List<Integer> defaultSteps() {
      return List.of(1000, 2000, 5000, 10000, 15000);
    }

    @Override
    Workload workload(BenchSession session, int maxRate) {
      return Workloads.randomEvents(session.events(), session.players,
          new SplittableRandom(session.options.number("seed", 42)), "ev" + System.currentTimeMillis(), 0.2);
    }
  }

  /** GET /v1/challenges for random players (500 goals each). */
  static final class ListMax extends StepScenario {
    @Override
    public String name() {
      return "list-max";
    }

    @Override
    public String description() {
      return "highest GET /v1/challenges rate with p99 < 50 ms and no errors";
    }

    @Override
    List<Integer> defaultSteps() {
      return List.of(100, 200, 500, 1000, 2000);
    }

    @Override
    Workload workload(BenchSession session, int maxRate) {
      return Workloads.list(session.listCalls(maxRate), session.players, new SplittableRandom(session.options.number("seed", 42)));
    }
  }
}
