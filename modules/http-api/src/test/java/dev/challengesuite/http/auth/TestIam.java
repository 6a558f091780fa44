package dev.challengesuite.http.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for IAM on a loopback port: serves {@code GET /iam/v3/oauth/jwks} from whatever was
 * last {@link #publish published}, counts fetches, can answer with an error status, delay its
 * answers, or not listen at all yet.
 */
public final class TestIam {

  public final AtomicInteger fetches = new AtomicInteger();
  public volatile int status = 200;
  public volatile long delayMillis;

  private final Vertx vertx;
  private final int port;
  private volatile JsonObject jwks;
  private HttpServer server;

  private TestIam(Vertx vertx, int port, JsonObject jwks) {
    this.vertx = vertx;
    this.port = port;
    this.jwks = jwks;
  }

  /** Listening at once. */
  public static TestIam start(Vertx vertx, JsonObject jwks) {
    TestIam iam = notListening(vertx, jwks);
    iam.listen();
    return iam;
  }

  /** On a free port that nothing listens on until {@link #listen()}. */
  public static TestIam notListening(Vertx vertx, JsonObject jwks) {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new TestIam(vertx, socket.getLocalPort(), jwks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void listen() {
    server =
        vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1").await();
  }

  public void publish(JsonObject jwks) {
    this.jwks = jwks;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String jwksUrl() {
    return baseUrl() + JwksKeys.JWKS_PATH;
  }

  private void handle(HttpServerRequest request) {
    if (!request.path().equals(JwksKeys.JWKS_PATH)) {
      request.response().setStatusCode(404).end();
      return;
    }
    fetches.incrementAndGet();
    String body = jwks.encode();
    int answer = status;
    if (delayMillis > 0) {
      vertx.setTimer(delayMillis, id -> request.response().setStatusCode(answer).end(body));
    } else {
      request.response().setStatusCode(answer).end(body);
    }
  }
}
