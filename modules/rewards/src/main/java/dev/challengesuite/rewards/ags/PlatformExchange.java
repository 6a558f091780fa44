package dev.challengesuite.rewards.ags;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Platform request under a hard time bound that knows whether it may have reached the
 * Platform. The Platform has no idempotency key, so the difference decides whether a failed
 * attempt may be retried: a failure while waiting for a connection is a {@link NotSentException};
 * any failure once the request was handed to a connection (timeout, reset, closed connection) may
 * hide a grant that was applied, and is reported as it is.
 */
final class PlatformExchange {

  /** The status and body of the Platform's answer. */
  record Answer(int status, String body) {}

  private static final int WAITING = 0;
  private static final int SENT = 1;
  private static final int GIVEN_UP = 2;

  private PlatformExchange() {}

  static Future<Answer> send(
      Vertx vertx, HttpClient http, RequestOptions options, Buffer body, long timeoutMillis) {
    Promise<Answer> answer = Promise.promise();
    // Callbacks may run on different threads when called from outside Vert.x (tests): one atomic
    // decides whether the request goes out or the attempt is given up before it did.
    AtomicInteger stage = new AtomicInteger(WAITING);
    long timer = vertx.setTimer(timeoutMillis, id -> {
      TimeoutException timeout = new TimeoutException("Platform request timed out after " + timeoutMillis + " ms");
      answer.tryFail(stage.compareAndSet(WAITING, GIVEN_UP) ? new NotSentException(timeout) : timeout);
    });
    answer.future().onComplete(done -> vertx.cancelTimer(timer));
    http.request(options).onComplete(obtained -> {
      if (obtained.failed()) {
        answer.tryFail(new NotSentException(obtained.cause()));
        return;
      }
      HttpClientRequest request = obtained.result();
      if (!stage.compareAndSet(WAITING, SENT)) {
        request.reset(); // the attempt was given up while waiting for this connection
        return;
      }
      request.send(body)
          .compose(response -> response.body().map(text -> new Answer(response.statusCode(), text.toString())))
          .onComplete(result -> {
            if (result.succeeded()) {
              answer.tryComplete(result.result());
            } else {
              answer.tryFail(result.cause());
            }
          });
    });
    return answer.future();
  }
}
