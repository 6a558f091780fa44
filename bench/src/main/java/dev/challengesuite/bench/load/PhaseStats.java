package dev.challengesuite.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoints of one phase, in the order they first appeared, and when the phase ran. */
public final class PhaseStats {

  private final String name;
  private final boolean measured;
  private final double targetRate;
  private final Map<String, EndpointStats> endpoints = new LinkedHashMap<>();
  private final org.HdrHistogram.Histogram sendLag = new org.HdrHistogram.Histogram(EndpointStats.MAX_MICROS, 3);
  private long startNanos;
  private long endNanos;

  PhaseStats(String name, boolean measured, double targetRate, long startNanos) {
    this.name = name;
    this.measured = measured;
    this.targetRate = targetRate;
    this.startNanos = startNanos;
    this.endNanos = startNanos;
  }

  EndpointStats endpoint(String endpoint) {
    return endpoints.computeIfAbsent(endpoint, EndpointStats::new);
  }

  void sentLate(long lagMicros) {
    sendLag.recordValue(Math.clamp(lagMicros, 0, EndpointStats.MAX_MICROS));
  }

  /** How late the generator sent this phase's requests (microseconds): its own share of the latency. */
  public org.HdrHistogram.Histogram sendLag() {
    return sendLag;
  }

  void ended(long nanos) {
    endNanos = nanos;
  }

  public String name() {
    return name;
  }

  public boolean measured() {
    return measured;
  }

  /** The schedule's (peak) arrival rate, all endpoints together. */
  public double targetRate() {
    return targetRate;
  }

  public long startNanos() {
    return startNanos;
  }

  /** Seconds from the first to the last due arrival. */
  public double seconds() {
    return Math.max(endNanos - startNanos, 1) / 1e9;
  }

  public List<EndpointStats> endpoints() {
    return new ArrayList<>(endpoints.values());
  }

  public EndpointStats get(String endpoint) {
    return endpoints.get(endpoint);
  }

  public long ok() {
    return endpoints.values().stream().mapToLong(EndpointStats::ok).sum();
  }

  public long errors() {
    return endpoints.values().stream().mapToLong(EndpointStats::errors).sum();
  }

  public long due() {
    return endpoints.values().stream().mapToLong(EndpointStats::due).sum();
  }
}
