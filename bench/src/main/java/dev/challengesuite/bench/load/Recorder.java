package dev.challengesuite.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything measured during a run, per phase and endpoint, plus the per-second timeline and the
 * generator's own send lag (how late it sent compared to the schedule: a late generator is
 * visible rather than hidden). Methods are synchronized: completions may arrive on any thread.
 */
public final class Recorder {

  private final long runStartNanos;
  private final Map<String, PhaseStats> phases = new LinkedHashMap<>();
  private final Timeline timeline = new Timeline();
  private final Histogram sendLag = new Histogram(EndpointStats.MAX_MICROS, 3);

  public Recorder(long runStartNanos) {
    this.runStartNanos = runStartNanos;
  }

  public long runStartNanos() {
    return runStartNanos;
  }

  /** Starts (or continues, when the name is known) a phase. */
  public synchronized PhaseStats phaseStarted(String name, boolean measured, double targetRate, long nanos) {
    return phases.computeIfAbsent(name, n -> new PhaseStats(n, measured, targetRate, nanos));
  }

  public synchronized void phaseEnded(PhaseStats phase, long nanos) {
    phase.ended(nanos);
  }

  /** A request became due and was sent; {@code lagNanos} is how late the generator sent it. */
  public synchronized void sent(PhaseStats phase, String endpoint, long lagNanos) {
    phase.endpoint(endpoint).countDue();
    phase.sentLate(lagNanos / 1000);
    sendLag.recordValue(Math.clamp(lagNanos / 1000, 0, EndpointStats.MAX_MICROS));
  }

  /** A request became due but the generator had too many outstanding: an error, not a skip. */
  public synchronized void dropped(PhaseStats phase, String endpoint, long intendedNanos) {
    phase.endpoint(endpoint).dropped();
    timeline.dropped(secondOf(intendedNanos));
  }

  /** A request ended; latency runs from its intended send time to {@code doneNanos}. */
  public synchronized void completed(
      PhaseStats phase, String endpoint, Outcome outcome, long intendedNanos, long doneNanos) {
    long micros = (doneNanos - intendedNanos) / 1000;
    phase.endpoint(endpoint).completed(outcome, micros);
    timeline.completed(secondOf(intendedNanos), outcome, micros);
  }

  private long secondOf(long nanos) {
    return (nanos - runStartNanos) / 1_000_000_000L;
  }

  public synchronized List<PhaseStats> phases() {
    return new ArrayList<>(phases.values());
  }

  public synchronized PhaseStats phase(String name) {
    return phases.get(name);
  }

  public synchronized Timeline timeline() {
    return timeline;
  }

  /** How late requests were sent compared to their intended time (microseconds). */
  public synchronized Histogram sendLag() {
    return sendLag.copy();
  }
}
