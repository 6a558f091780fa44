package dev.challengesuite.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Outcomes per second of intended send time since the start of the run, all endpoints together:
 * how many succeeded, how many failed with which status, and how slow they were. Shows what a
 * phase-wide percentile hides (a cold start, an outage, the recovery after it).
 */
public final class Timeline {

  /** One second of the run. */
  public static final class Second {
    private final int index;
    private final Histogram okLatency = new Histogram(60_000_000L, 2);
    private final Map<String, Long> failures = new TreeMap<>();
    private long ok;
    private long maxFailedMicros;

    Second(int index) {
      this.index = index;
    }

    public int index() {
      return index;
    }

    public long ok() {
      return ok;
    }

    public long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failed(String status) {
      return failures.getOrDefault(status, 0L);
    }

    /** Failures per status label. */
    public Map<String, Long> failures() {
      return failures;
    }

    public long maxFailedMicros() {
      return maxFailedMicros;
    }

    public Histogram okLatency() {
      return okLatency;
    }
  }

  private final List<Second> seconds = new ArrayList<>();

  void completed(long secondIndex, Outcome outcome, long latencyMicros) {
    Second second = at(secondIndex);
    if (outcome.ok()) {
      second.ok++;
      second.okLatency.recordValue(Math.clamp(latencyMicros, 0, 60_000_000L));
    } else {
      second.failures.merge(outcome.status(), 1L, Long::sum);
      second.maxFailedMicros = Math.max(second.maxFailedMicros, latencyMicros);
    }
  }

  void dropped(long secondIndex) {
    at(secondIndex).failures.merge(Outcome.DROPPED, 1L, Long::sum);
  }

  private Second at(long secondIndex) {
    int index = (int) Math.max(secondIndex, 0);
    while (seconds.size() <= index) {
      seconds.add(new Second(seconds.size()));
    }
    return seconds.get(index);
  }

  /** Every second from the start of the run to the last one with an outcome. */
  public List<Second> seconds() {
    return List.copyOf(seconds);
  }
}
