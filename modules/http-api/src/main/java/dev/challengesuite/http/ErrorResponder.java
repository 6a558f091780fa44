package dev.challengesuite.http;

import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.http.render.JsonText;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes errors: {@code {"code":<gRPC code>,"message":..,"details":[]}} with the
 * code's HTTP status, for failed routes and for requests no route matched. Unexpected failures
 * become 500 "Internal server error" and are logged, never shown.
 */
final class ErrorResponder implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
  private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");

  private static final String INTERNAL_MESSAGE = "Internal server error";

  private final int maxBodyBytes;

  ErrorResponder(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Failure handler: the route failed with an exception or a status. */
  @Override
  public void handle(RoutingContext ctx) {
    ChallengeException error = toChallenge(ctx.failure(), ctx.statusCode());
    if (error.code() == ErrorCode.INTERNAL) {
      // Whatever the text (it may come from another verticle), a fault shows the fixed message.
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      write(ctx, ErrorCode.INTERNAL, INTERNAL_MESSAGE);
      return;
    }
    write(ctx, error.code(), error.getMessage());
  }

  /** No route matched the path. */
  void notFound(RoutingContext ctx) {
    write(ctx, ErrorCode.NOT_FOUND, "Not Found");
  }

  static Buffer envelope(ErrorCode code, String message) {
    return Buffer.buffer(
        "{\"code\":" + code.grpcCode() + ",\"message\":" + JsonText.quote(message)
            + ",\"details\":[]}");
  }

  private ChallengeException toChallenge(Throwable failure, int status) {
    if (failure == null) {
      return fromStatus(status);
    }
    if (failure instanceof HttpException http) {
      return fromStatus(http.getStatusCode());
    }
    if (failure instanceof DecodeException) {
      return ChallengeException.invalid("malformed JSON body");
    }
    return BusFailures.toChallenge(failure);
  }

  private ChallengeException fromStatus(int status) {
    return switch (status) {
      case 400 -> ChallengeException.invalid("Bad Request");
      case 401 -> new ChallengeException(ErrorCode.UNAUTHENTICATED, "Unauthorized");
      case 403 -> new ChallengeException(ErrorCode.PERMISSION_DENIED, "Forbidden");
      case 404 -> ChallengeException.notFound("Not Found");
      case 405 -> new ChallengeException(ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed");
      case 413 ->
          new ChallengeException(
              ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds " + maxBodyBytes + " bytes");
      default -> ChallengeException.internal(INTERNAL_MESSAGE, null);
    };
  }

  /** RFC 6750 §3: the one challenge every 401 carries, with the message as description. */
  static String bearerChallenge(String message) {
    StringBuilder description = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      // error_description allows printable ASCII except '"' and '\' (RFC 6750 §3).
      description.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return "Bearer error=\"invalid_token\", error_description=\"" + description + '"';
  }

  private static void write(RoutingContext ctx, ErrorCode code, String message) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Too late for an envelope: cut the connection so the client sees a broken response.
      LOG.warn("{} {} failed after the response started: {}", ctx.request().method(),
          ctx.request().path(), message);
      response.reset();
      return;
    }
    if (code == ErrorCode.UNAUTHENTICATED) {
      response.putHeader(WWW_AUTHENTICATE, bearerChallenge(message));
    }
    response
        .setStatusCode(code.httpStatus())
        .putHeader(HttpHeaders.CONTENT_TYPE, HttpApiRouter.APPLICATION_JSON)
        .end(envelope(code, message));
  }
}
