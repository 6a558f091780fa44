package dev.challengesuite.bench.load;

import dev.challengesuite.bench.client.Failures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open-model generator: sends every request at its intended time (phase start + schedule
 * offset) whether or not earlier requests have answered, and measures latency from that intended
 * time (no coordinated omission). A 1 ms timer sends everything that is due; when the generator
 * falls behind, the late requests go out at once and their lateness counts in their latency.
 *
 * <p>At most {@code maxOutstanding} requests are in flight: a due request beyond that is recorded
 * as an error ({@link Outcome#DROPPED}), never silently skipped. All sends happen on one Vert.x
 * context, so the clients' connections live on one event loop (the machine is small).
 */
public final class OpenLoopDriver {

  private final Vertx vertx;
  private final Context context;
  private final Recorder recorder;
  private final int maxOutstanding;
  private final Duration drainTimeout;
  private final AtomicInteger outstanding = new AtomicInteger();

  public OpenLoopDriver(Vertx vertx, Context context, Recorder recorder, int maxOutstanding, Duration drainTimeout) {
    this.vertx = vertx;
    this.context = context;
    this.recorder = recorder;
    this.maxOutstanding = maxOutstanding;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Runs the phases back to back and completes once every sent request has answered (or the drain
   * timeout passed), with the number of requests still unanswered then.
   */
  public Future<Integer> run(List<Phase> phases) {
    if (phases.isEmpty()) {
      return Future.succeededFuture(0);
    }
    Run run = new Run(phases);
    context.runOnContext(v -> run.start());
    return run.done.future();
  }

  /** Requests in flight right now. */
  public int outstanding() {
    return outstanding.get();
  }

  private final class Run {
    final List<Phase> phases;
    final Promise<Integer> done = Promise.promise();
    final AtomicBoolean draining = new AtomicBoolean();
    int index;
    Phase phase;
    PhaseStats stats;
    long phaseStart;
    long k;
    long timerId;

    Run(List<Phase> phases) {
      this.phases = phases;
    }

    void start() {
      begin(System.nanoTime());
      timerId = vertx.setPeriodic(1, id -> tick());
      tick();
    }

    void begin(long startNanos) {
      phase = phases.get(index);
      phaseStart = startNanos;
      k = 0;
      stats = recorder.phaseStarted(phase.name(), phase.measured(), phase.schedule().peakRate(), startNanos);
    }

    void tick() {
      if (draining.get()) {
        return;
      }
      long now = System.nanoTime();
      while (true) {
        long offset = phase.schedule().offsetNanos(k);
        if (offset == ArrivalSchedule.END) {
          long end = phaseStart + phase.schedule().endOffsetNanos(k);
          recorder.phaseEnded(stats, end);
          if (++index == phases.size()) {
            drain();
            return;
          }
          begin(end);
          continue;
        }
        long intended = phaseStart + offset;
        if (intended > now) {
          return;
        }
        issue(stats, intended, now);
        k++;
      }
    }

    void issue(PhaseStats phaseStats, long intended, long now) {
      Call call = phase.workload().next();
      if (outstanding.get() >= maxOutstanding) {
        recorder.dropped(phaseStats, call.endpoint(), intended);
        return;
      }
      recorder.sent(phaseStats, call.endpoint(), now - intended);
      outstanding.incrementAndGet();
      Future<Outcome> sent;
      try {
        sent = call.send().get();
      } catch (RuntimeException e) {
        sent = Future.failedFuture(e);
      }
      sent.onComplete((outcome, failure) -> {
        long doneNanos = System.nanoTime();
        Outcome result = failure == null ? outcome : Outcome.failed(Failures.label(failure));
        recorder.completed(phaseStats, call.endpoint(), result, intended, doneNanos);
        if (outstanding.decrementAndGet() == 0 && draining.get()) {
          done.tryComplete(0);
        }
      });
    }

    void drain() {
      vertx.cancelTimer(timerId);
      draining.set(true);
      if (outstanding.get() == 0) {
        done.tryComplete(0);
        return;
      }
      vertx.setTimer(Math.max(drainTimeout.toMillis(), 1), id -> done.tryComplete(outstanding.get()));
    }
  }
}
