package dev.challengesuite.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency-percentile chart ({@code latency.svg}), hand-written SVG: one polyline per
 * endpoint of the measured phases. The x axis is in "nines" (90%, 99%, 99.9%, ...: log scale of
 * 1/(1-p)) so that the tail is as wide as the body; the y axis is milliseconds on a log scale, so
 * that fast and slow endpoints fit one chart.
 */
public final class LatencyChart {

  /** One line: its legend label and its (x, ms) points. */
  public record Line(String label, List<double[]> points) {}

  static final int WIDTH = 960;
  static final int HEIGHT = 500;
  private static final int LEFT = 70;
  private static final int RIGHT = 300;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  };
  private static final String[] NINES = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};

  private LatencyChart() {}

  /** The lines of a report: every endpoint with successes in a measured phase (all phases if none is). */
  public static List<Line> lines(List<PhaseSummary> phases) {
    boolean anyMeasured = phases.stream().anyMatch(PhaseSummary::measured);
    List<Line> lines = new ArrayList<>();
    for (PhaseSummary phase : phases) {
      if (anyMeasured && !phase.measured()) {
        continue;
      }
      for (EndpointSummary endpoint : phase.endpoints()) {
        if (endpoint.latency().count() > 0) {
          lines.add(new Line(phase.name() + " · " + endpoint.endpoint(), endpoint.latency().curve()));
        }
      }
    }
    return lines;
  }

  public static String render(String title, List<Line> lines) {
    double maxX = 1;
    double minMs = Double.MAX_VALUE;
    double maxMs = 0;
    for (Line line : lines) {
      for (double[] point : line.points()) {
        maxX = Math.max(maxX, point[0]);
        if (point[1] > 0) {
          minMs = Math.min(minMs, point[1]);
        }
        maxMs = Math.max(maxMs, point[1]);
      }
    }
    int xTicks = (int) Math.min(5, Math.ceil(maxX - 1e-9));
    int yLow = minMs == Double.MAX_VALUE ? -1 : (int) Math.floor(Math.log10(Math.max(minMs, 0.01)));
    int yHigh = maxMs <= 0 ? 1 : Math.max((int) Math.ceil(Math.log10(maxMs)), yLow + 1);
    Axes axes = new Axes(xTicks, yLow, yHigh);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"15\">").append(escape(title))
        .append("</text>\n");
    for (int i = 0; i <= xTicks; i++) {
      double x = axes.x(i);
      svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#dddddd"));
      svg.append(text(x, HEIGHT - BOTTOM + 18, "middle", NINES[i]));
    }
    for (int power = yLow; power <= yHigh; power++) {
      double y = axes.y(Math.pow(10, power));
      svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#dddddd"));
      svg.append(text(LEFT - 6, y + 4, "end", msLabel(power)));
    }
    svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle", "percentile"));
    svg.append("<text x=\"16\" y=\"").append(fmt((TOP + HEIGHT - BOTTOM) / 2.0))
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").append(fmt((TOP + HEIGHT - BOTTOM) / 2.0))
        .append(")\">latency (ms, log scale)</text>\n");
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333333"));
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333333"));

    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String color = COLORS[i % COLORS.length];
      String dash = i < COLORS.length ? "" : " stroke-dasharray=\"6 3\"";
      svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"").append(dash)
          .append(" points=\"");
      for (double[] point : line.points()) {
        svg.append(fmt(axes.x(point[0]))).append(',').append(fmt(axes.y(point[1]))).append(' ');
      }
      svg.append("\"><title>").append(escape(line.label())).append("</title></polyline>\n");
      double legendY = TOP + 10 + i * 18;
      svg.append("<line x1=\"").append(WIDTH - RIGHT + 15).append("\" y1=\"").append(fmt(legendY))
          .append("\" x2=\"").append(WIDTH - RIGHT + 40).append("\" y2=\"").append(fmt(legendY))
          .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"").append(dash).append("/>\n");
      svg.append(text(WIDTH - RIGHT + 46, legendY + 4, "start", line.label()));
    }
    if (lines.isEmpty()) {
      svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT / 2.0, "middle", "no successful requests"));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Maps data to pixels. */
  private record Axes(int xTicks, int yLow, int yHigh) {
    double x(double nines) {
      return LEFT + Math.min(nines, xTicks) / xTicks * (WIDTH - LEFT - RIGHT);
    }

    double y(double ms) {
      double log = Math.log10(Math.max(ms, Math.pow(10, yLow)));
      return HEIGHT - BOTTOM - (log - yLow) / (yHigh - yLow) * (HEIGHT - TOP - BOTTOM);
    }
  }

  private static String msLabel(int power) {
    if (power >= 3) {
      return fmt(Math.pow(10, power - 3)) + " s";
    }
    return (power >= 0 ? fmt(Math.pow(10, power)) : String.format(Locale.ROOT, "%." + (-power) + "f", Math.pow(10, power)))
        + " ms";
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + color + "\"/>\n";
  }

  private static String text(double x, double y, String anchor, String content) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
        + "</text>\n";
  }

  private static String fmt(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
