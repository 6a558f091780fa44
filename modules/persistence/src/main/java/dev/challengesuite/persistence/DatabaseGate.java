package dev.challengesuite.persistence;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Fails fast while the database is known to be down: after a connection-class failure, calls fail
 * at once with UNAVAILABLE for {@code coolDownMillis}, then are let through again. Callers (the
 * platform retrying an event, a client retrying a request) get an answer in microseconds rather
 * than waiting out connect timeouts, and a recovering database is not hit by a backlog of connects.
 * Runs on the persistence verticle's event loop only.
 */
final class DatabaseGate {

  private final long coolDownMillis;
  private final LongSupplier clockMillis;
  private long closedUntil;
  private long failures;

  DatabaseGate(long coolDownMillis, LongSupplier clockMillis) {
    this.coolDownMillis = coolDownMillis;
    this.clockMillis = clockMillis;
  }

  <T> Future<T> call(Supplier<Future<T>> operation) {
    if (clockMillis.getAsLong() < closedUntil) {
      return Future.failedFuture(ChallengeException.unavailable("database unavailable", null));
    }
    return operation.get().recover(error -> {
      ChallengeException failure = DatabaseFailures.toChallenge(error);
      if (failure.code() == ErrorCode.UNAVAILABLE) {
        failures++;
        closedUntil = clockMillis.getAsLong() + coolDownMillis;
      }
      return Future.failedFuture(failure);
    });
  }

  /** Whether calls are being refused right now. */
  boolean open() {
    return clockMillis.getAsLong() < closedUntil;
  }

  /** Connection-class failures seen so far (a metric). */
  long failures() {
    return failures;
  }
}
