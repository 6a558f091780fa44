package dev.challengesuite.bench.report;

import dev.challengesuite.bench.load.EndpointStats;
import java.util.Map;

/**
 * The figures of one endpoint in one phase.
 *
 * @param due requests that were due (sent or dropped)
 * @param achievedRate successful requests per second of the phase
 * @param errorsByStatus failures and drops per status label
 * @param latency of successful requests, from their intended send time
 * @param failedLatency of failed requests, until the failure was known
 */
public record EndpointSummary(
    String endpoint,
    long due,
    long ok,
    long errors,
    double achievedRate,
    Map<String, Long> errorsByStatus,
    Latency latency,
    Latency failedLatency) {

  public static EndpointSummary of(EndpointStats stats, double seconds) {
    return new EndpointSummary(stats.endpoint(), stats.due(), stats.ok(), stats.errors(), stats.ok() / seconds,
        Map.copyOf(stats.errorCounts()), Latency.of(stats.okLatency()), Latency.of(stats.failedLatency()));
  }
}
