package dev.challengesuite.bench.sample;

import java.util.ArrayList;
import java.util.List;

/** One measured quantity over time: a value per sample, at seconds since the start of the run. */
public final class Series {

  /** min / median / max / mean of the samples. */
  public record Summary(double min, double median, double max, double mean, int samples) {}

  private record Point(double second, double value) {}

  private final String name;
  private final String unit;
  private final List<Point> points = new ArrayList<>();

  public Series(String name, String unit) {
    this.name = name;
    this.unit = unit;
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  public synchronized void add(double second, double value) {
    points.add(new Point(second, value));
  }

  public synchronized int size() {
    return points.size();
  }

  public synchronized Summary summary() {
    if (points.isEmpty()) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] values = points.stream().mapToDouble(Point::value).sorted().toArray();
    int n = values.length;
    double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
    return new Summary(values[0], median, values[n - 1], mean, n);
  }

  /**
   * The mean of the samples in each window {@code [i*w, (i+1)*w)} from 0 to {@code untilSecond};
   * NaN for a window without samples.
   */
  public synchronized List<Double> windowMeans(double windowSeconds, double untilSecond) {
    int windows = (int) Math.max(1, Math.ceil(untilSecond / windowSeconds));
    double[] sums = new double[windows];
    int[] counts = new int[windows];
    for (Point point : points) {
      int window = (int) Math.floor(point.second() / windowSeconds);
      if (window >= 0 && window < windows) {
        sums[window] += point.value();
        counts[window]++;
      }
    }
    List<Double> means = new ArrayList<>(windows);
    for (int i = 0; i < windows; i++) {
      means.add(counts[i] == 0 ? Double.NaN : sums[i] / counts[i]);
    }
    return means;
  }
}
