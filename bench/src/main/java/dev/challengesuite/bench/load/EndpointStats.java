package dev.challengesuite.bench.load;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What happened to the requests of one endpoint in one phase: latency of successes and of
 * failures (HdrHistogram, microseconds, measured from the intended send time) and counts per
 * status. Requests dropped by the generator's outstanding cap count as errors with their own
 * status, never as silently skipped.
 */
public final class EndpointStats {

  /** Ten minutes: anything slower is recorded as ten minutes. */
  static final long MAX_MICROS = 600_000_000L;

  private final String endpoint;
  private final Histogram okLatency = new Histogram(MAX_MICROS, 3);
  private final Histogram failedLatency = new Histogram(MAX_MICROS, 3);
  private final Map<String, Long> statusCounts = new TreeMap<>();
  private final Map<String, Long> errorCounts = new TreeMap<>();
  private long due;
  private long ok;
  private long errors;

  EndpointStats(String endpoint) {
    this.endpoint = endpoint;
  }

  void countDue() {
    due++;
  }

  void completed(Outcome outcome, long latencyMicros) {
    long micros = Math.clamp(latencyMicros, 0, MAX_MICROS);
    statusCounts.merge(outcome.status(), 1L, Long::sum);
    if (outcome.ok()) {
      ok++;
      okLatency.recordValue(micros);
    } else {
      errors++;
      errorCounts.merge(outcome.status(), 1L, Long::sum);
      failedLatency.recordValue(micros);
    }
  }

  void dropped() {
    due++;
    statusCounts.merge(Outcome.DROPPED, 1L, Long::sum);
    errorCounts.merge(Outcome.DROPPED, 1L, Long::sum);
    errors++;
  }

  public String endpoint() {
    return endpoint;
  }

  /** Requests that were due (sent or dropped). */
  public long due() {
    return due;
  }

  public long ok() {
    return ok;
  }

  /** Failed and dropped requests. */
  public long errors() {
    return errors;
  }

  public long count(String status) {
    return statusCounts.getOrDefault(status, 0L);
  }

  /** Counts per status label, successes included (e.g. {@code 200}, {@code 404}, {@code OK}). */
  public Map<String, Long> statusCounts() {
    return Collections.unmodifiableMap(statusCounts);
  }

  /** Errors per status label: failures and drops, no successes. */
  public Map<String, Long> errorCounts() {
    return Collections.unmodifiableMap(errorCounts);
  }

  /** Latency of successful requests. */
  public Histogram okLatency() {
    return okLatency;
  }

  /** Latency of failed requests (until the failure was known). */
  public Histogram failedLatency() {
    return failedLatency;
  }
}
