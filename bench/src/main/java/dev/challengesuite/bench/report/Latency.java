package dev.challengesuite.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds (NaN when nothing was recorded), and the percentile curve
 * the chart draws: points (x, ms) where x = log10(1 / (1 - percentile/100)), so x = 1 is p90,
 * 2 is p99, 3 is p99.9.
 */
public record Latency(
    long count, double p50, double p90, double p95, double p99, double p999, double max, double mean,
    List<double[]> curve) {

  public static final Latency NONE =
      new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());

  /** From a histogram of microseconds. */
  public static Latency of(Histogram micros) {
    long count = micros.getTotalCount();
    if (count == 0) {
      return NONE;
    }
    return new Latency(count, ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getMean() / 1000, curve(micros));
  }

  /** Up to p99.999, and never past the resolution the sample count gives (x ≤ log10(count)). */
  private static List<double[]> curve(Histogram micros) {
    double lastX = Math.min(5, Math.log10(micros.getTotalCount()));
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i * 0.1 < lastX; i++) {
      double x = i * 0.1;
      double percentile = 100 * (1 - Math.pow(10, -x));
      points.add(new double[] {x, ms(micros.getValueAtPercentile(percentile))});
    }
    points.add(new double[] {Math.max(lastX, 0), ms(micros.getMaxValue())});
    return List.copyOf(points);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
