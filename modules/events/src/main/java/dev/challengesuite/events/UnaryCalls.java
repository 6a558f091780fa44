package dev.challengesuite.events;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.function.Function;

/**
 * Serves a unary RPC from a function returning its reply, like the generated service stubs, but
 * stays silent when the client cancelled the call (deadline passed, connection gone) before the
 * reply was ready: answering a reset stream would throw on the event loop. Such an event may still
 * have been applied; the platform sends it again with the same id, which changes nothing twice.
 */
final class UnaryCalls {

  private UnaryCalls() {}

  static <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> serving(
      Function<Req, Future<Resp>> service, Runnable onCancelled) {
    return request -> {
      boolean[] reset = {false};
      request.errorHandler(error -> reset[0] = true); // the client reset the stream (CANCELLED)
      request.handler(message -> service.apply(message).onComplete((reply, failure) -> {
        if (reset[0]) {
          onCancelled.run();
        } else if (failure == null) {
          request.response().end(reply);
        } else {
          request.response().fail(failure);
        }
      }));
    };
  }
}
