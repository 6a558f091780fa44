package dev.challengesuite.bench.load;

import java.time.Duration;

/**
 * When each request of a phase is due: arrival {@code k} is sent at the phase start plus {@link
 * #offsetNanos(long)}, whatever happened to the requests before it (open model). Latency is then
 * measured from this intended time, so a slow server cannot slow the generator down and hide.
 */
public sealed interface ArrivalSchedule {

  /** Returned by {@link #offsetNanos(long)} when the phase has no arrival {@code k}. */
  long END = -1;

  /** Offset from the phase start of arrival {@code k} (0-based), or {@link #END}. */
  long offsetNanos(long k);

  /** Where a phase that had {@code arrivals} arrivals ends: its time limit, or one interval after the last. */
  long endOffsetNanos(long arrivals);

  /** The rate the schedule reaches (per second), for reports. */
  double peakRate();

  /** {@code perSecond} arrivals every second for {@code duration}. */
  static ArrivalSchedule constant(double perSecond, Duration duration) {
    return new Constant(perSecond, duration.toNanos(), Long.MAX_VALUE);
  }

  /** {@code count} arrivals at {@code perSecond}. */
  static ArrivalSchedule count(double perSecond, long count) {
    return new Constant(perSecond, Long.MAX_VALUE, count);
  }

  /**
   * A rate rising linearly from {@code from} to {@code to} per second over {@code ramp}, then
   * staying at {@code to}, until {@code count} arrivals were due.
   */
  static ArrivalSchedule ramp(double from, double to, Duration ramp, long count) {
    return new Ramp(from, to, ramp.toNanos(), count);
  }

  /** Evenly spaced arrivals: {@code k / rate}. */
  record Constant(double perSecond, long limitNanos, long maxArrivals) implements ArrivalSchedule {

    public Constant {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException("rate must be positive, got " + perSecond);
      }
    }

    @Override
    public long offsetNanos(long k) {
      if (k >= maxArrivals) {
        return END;
      }
      long offset = Math.round(k * 1e9 / perSecond);
      return offset >= limitNanos ? END : offset;
    }

    @Override
    public long endOffsetNanos(long arrivals) {
      return Math.min(limitNanos, Math.round(arrivals * 1e9 / perSecond));
    }

    @Override
    public double peakRate() {
      return perSecond;
    }
  }

  /**
   * Arrivals whose rate grows linearly during the ramp. Arrivals due by time t (seconds) during the
   * ramp are {@code N(t) = from*t + (to-from)*t²/(2R)}; arrival k is due when N(t) = k.
   */
  record Ramp(double from, double to, long rampNanos, long maxArrivals) implements ArrivalSchedule {

    public Ramp {
      if (from < 0 || !(to > 0) || rampNanos <= 0) {
        throw new IllegalArgumentException("a ramp needs from >= 0, to > 0 and a positive duration");
      }
    }

    @Override
    public long offsetNanos(long k) {
      return k >= maxArrivals ? END : dueAt(k);
    }

    @Override
    public long endOffsetNanos(long arrivals) {
      return dueAt(arrivals);
    }

    private long dueAt(long k) {
      double rampSeconds = rampNanos / 1e9;
      double dueDuringRamp = (from + to) / 2 * rampSeconds;
      double seconds;
      if (k >= dueDuringRamp) {
        seconds = rampSeconds + (k - dueDuringRamp) / to;
      } else {
        double a = (to - from) / (2 * rampSeconds);
        // a*t² + from*t - k = 0; the stable form of the positive root avoids cancellation
        seconds = a == 0 ? k / from : 2 * k / (from + Math.sqrt(from * from + 4 * a * k));
      }
      return Math.round(seconds * 1e9);
    }

    @Override
    public double peakRate() {
      return Math.max(from, to);
    }
  }
}
