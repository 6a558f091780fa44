package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.report.EndpointSummary;
import dev.challengesuite.bench.report.PhaseSummary;
import java.util.List;
import java.util.Optional;

/**
 * One step of a stepped search: a step passes when it had no error at all (failures and drops)
 * and the p99 of all its requests is under the limit.
 */
record StepVerdict(int rate, EndpointSummary all, dev.challengesuite.bench.report.Latency sendLag, double p99LimitMs,
    boolean passed) {

  static StepVerdict judge(int rate, PhaseSummary phase, double p99LimitMs) {
    EndpointSummary all = phase.all();
    boolean passed = all.errors() == 0 && all.latency().count() > 0 && all.latency().p99() < p99LimitMs;
    return new StepVerdict(rate, all, phase.sendLag(), p99LimitMs, passed);
  }

  /** The highest rate among the passing steps. */
  static Optional<Integer> highestPassing(List<StepVerdict> steps) {
    return steps.stream().filter(StepVerdict::passed).map(StepVerdict::rate).max(Integer::compare);
  }
}
