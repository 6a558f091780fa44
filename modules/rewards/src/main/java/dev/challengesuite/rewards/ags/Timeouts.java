package dev.challengesuite.rewards.ags;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeoutException;

/** A hard bound on a future: the HTTP client's idle timeout alone lets a slow trickle run on. */
final class Timeouts {

  private Timeouts() {}

  static <T> Future<T> within(Vertx vertx, Future<T> future, long millis, String what) {
    if (millis <= 0) {
      return Future.failedFuture(new TimeoutException(what + ": no time left"));
    }
    Promise<T> promise = Promise.promise();
    long timer = vertx.setTimer(millis, id -> promise.tryFail(new TimeoutException(what + " timed out after " + millis + " ms")));
    future.onComplete(result -> {
      vertx.cancelTimer(timer);
      if (result.succeeded()) {
        promise.tryComplete(result.result());
      } else {
        promise.tryFail(result.cause());
      }
    });
    return promise.future();
  }
}
