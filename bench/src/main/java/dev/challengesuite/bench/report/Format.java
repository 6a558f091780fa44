package dev.challengesuite.bench.report;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Number formatting shared by the renderers (fixed locale: reports are compared across machines). */
public final class Format {

  private Format() {}

  /** Milliseconds with precision that fits their size; "–" for no value. */
  public static String ms(double ms) {
    if (Double.isNaN(ms)) {
      return "–";
    }
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    if (ms < 100) {
      return String.format(Locale.ROOT, "%.1f", ms);
    }
    return String.format(Locale.ROOT, "%.0f", ms);
  }

  /** One decimal; "–" for no value. */
  public static String one(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A whole number; "–" for no value. */
  public static String whole(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  /** {@code 404: 12, UNAVAILABLE: 3}, or "–" for none. */
  public static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "–"
        : new java.util.TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
  }
}
