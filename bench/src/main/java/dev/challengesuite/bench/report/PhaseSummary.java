package dev.challengesuite.bench.report;

import dev.challengesuite.bench.load.EndpointStats;
import dev.challengesuite.bench.load.PhaseStats;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The figures of one phase: per endpoint, and all endpoints together.
 *
 * @param targetRate the schedule's arrival rate (all endpoints)
 * @param sendLag how late the generator sent the phase's requests (part of their latency)
 */
public record PhaseSummary(
    String name, boolean measured, double targetRate, double seconds, List<EndpointSummary> endpoints,
    EndpointSummary all, Latency sendLag) {

  public static PhaseSummary of(PhaseStats phase) {
    double seconds = phase.seconds();
    List<EndpointStats> stats = phase.endpoints();
    Histogram ok = new Histogram(3);
    Histogram failed = new Histogram(3);
    java.util.Map<String, Long> errors = new java.util.TreeMap<>();
    long due = 0;
    long okCount = 0;
    long errorCount = 0;
    for (EndpointStats endpoint : stats) {
      ok.add(endpoint.okLatency());
      failed.add(endpoint.failedLatency());
      endpoint.errorCounts().forEach((status, count) -> errors.merge(status, count, Long::sum));
      due += endpoint.due();
      okCount += endpoint.ok();
      errorCount += endpoint.errors();
    }
    EndpointSummary all = new EndpointSummary("all", due, okCount, errorCount, okCount / seconds,
        java.util.Map.copyOf(errors), Latency.of(ok), Latency.of(failed));
    return new PhaseSummary(phase.name(), phase.measured(), phase.targetRate(), seconds,
        stats.stream().map(s -> EndpointSummary.of(s, seconds)).toList(), all, Latency.of(phase.sendLag()));
  }
}
