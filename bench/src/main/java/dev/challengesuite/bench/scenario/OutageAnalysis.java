package dev.challengesuite.bench.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an outage of PostgreSQL did to the event stream, from per-second counts: whether failed
 * calls failed fast (all under {@code failFastLimitMs}), and how long after PostgreSQL's return
 * the stream was healthy again: the end of the first whole second after the return in which at
 * least 90% of the intended events were OK and none failed (an upper bound, to the second).
 */
record OutageAnalysis(
    double maxFailedLatencyMs,
    boolean failFast,
    Double recoverySeconds,
    long okWhileDown,
    long failedWhileDown,
    Map<String, Long> failuresByStatus) {

  /** The outcomes of the calls intended in one second of the run. */
  record SecondCounts(int second, long ok, Map<String, Long> failures, long maxFailedMicros, long maxOkMicros) {
    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static final double HEALTHY_SHARE = 0.9;

  /**
   * @param downAt second (since the run start) PostgreSQL was stopped
   * @param backAt second its start command returned
   * @param rate the intended events per second
   */
  static OutageAnalysis of(List<SecondCounts> seconds, double downAt, double backAt, double rate, double failFastLimitMs) {
    long maxFailedMicros = 0;
    long okWhileDown = 0;
    long failedWhileDown = 0;
    Map<String, Long> failures = new TreeMap<>();
    Double recovery = null;
    for (SecondCounts s : seconds) {
      maxFailedMicros = Math.max(maxFailedMicros, s.maxFailedMicros());
      s.failures().forEach((status, count) -> failures.merge(status, count, Long::sum));
      boolean down = s.second() + 1 > downAt && s.second() < backAt;
      if (down) {
        okWhileDown += s.ok();
        failedWhileDown += s.failed();
      }
      if (recovery == null && s.second() >= backAt && s.ok() >= HEALTHY_SHARE * rate && s.failed() == 0) {
        recovery = s.second() + 1 - backAt;
      }
    }
    double maxFailedMs = maxFailedMicros / 1000.0;
    return new OutageAnalysis(maxFailedMs, maxFailedMs < failFastLimitMs, recovery, okWhileDown, failedWhileDown, failures);
  }
}
