package dev.challengesuite.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A closed loop: {@code concurrency} workers, each starting its next task when the previous one
 * finished, until the task source returns null. For data preparation and robustness tests, where
 * the point is the outcome of each call, not latency under a given rate.
 */
public final class ConcurrentLoop {

  private ConcurrentLoop() {}

  /**
   * Runs tasks from {@code nextTask} (called on {@code context}; null = no more work) with the
   * given concurrency; completes when every worker has run out of work. A failed task does not
   * stop its worker: tasks handle and count their own failures.
   */
  public static Future<Void> run(Context context, int concurrency, Supplier<Future<?>> nextTask) {
    Promise<Void> done = Promise.promise();
    AtomicInteger running = new AtomicInteger(concurrency);
    context.runOnContext(v -> {
      for (int i = 0; i < concurrency; i++) {
        next(context, nextTask, running, done);
      }
    });
    return done.future();
  }

  private static void next(Context context, Supplier<Future<?>> nextTask, AtomicInteger running, Promise<Void> done) {
    Future<?> task;
    try {
      task = nextTask.get();
    } catch (RuntimeException e) {
      done.tryFail(e);
      return;
    }
    if (task == null) {
      if (running.decrementAndGet() == 0) {
        done.tryComplete();
      }
      return;
    }
    // through the context, so that tasks that complete at once cannot deepen the stack
    task.onComplete(ignored -> context.runOnContext(v -> next(context, nextTask, running, done)));
  }
}
