package dev.challengesuite.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Event counters by type and outcome ({@code challenge_events_total}: received, applied, skipped
 * with a reason, rejected as invalid, failed as unavailable, answer cancelled by the client) and the time to a durable answer.
 */
public final class EventMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(String type, String outcome, String reason) {
    counters
        .computeIfAbsent(type + '|' + outcome + '|' + reason, key -> Counter.builder("challenge.events")
            .description("Game events by type and outcome")
            .tags("type", type, "outcome", outcome, "reason", reason)
            .register(registry))
        .increment();
  }

  /** The client cancelled the call before its answer was ready (the event may still be applied). */
  public void cancelled(String type) {
    count(type, "cancelled", "client");
  }

  public void durableAfter(String type, long startNanos) {
    timers
        .computeIfAbsent(type, key -> Timer.builder("challenge.events.ack")
            .description("Time from receiving an event to its durable acknowledgement")
            .tags("type", type)
            .publishPercentileHistogram()
            .register(registry))
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
