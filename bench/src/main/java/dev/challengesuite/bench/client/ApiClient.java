package dev.challengesuite.bench.client;

import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The REST calls of the scenarios, as a game client makes them with auth off (the player is the
 * {@code x-mock-user-id} header). HTTP/1.1 keep-alive with a pool sized for the rate; bodies are
 * read and discarded (the generator's CPU is precious on a small machine).
 */
public final class ApiClient implements ListCalls {

  public static final String INITIALIZE = "POST initialize";
  public static final String LIST = "GET challenges";
  public static final String LIST_ACTIVE = "GET challenges?active_only";
  public static final String SET_ACTIVE = "PUT goal active";
  public static final String CLAIM = "POST goal claim";

  private static final byte[] ACTIVE_TRUE = "{\"isActive\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ACTIVE_FALSE = "{\"isActive\":false}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  static final int MAX_CHUNK_BYTES = 1 << 20;

  private final WebClient client;
  private final String host;
  private final int port;
  private final String basePath;
  private final int timeoutMillis;

  /**
   * @param baseUrl the service's REST root, e.g. {@code http://127.0.0.1:8000/challenge}
   * @param connections the HTTP/1.1 pool size (about rate × latency, with room)
   */
  public ApiClient(Vertx vertx, URI baseUrl, int connections, int timeoutMillis) {
    this.host = baseUrl.getHost();
    this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : 80;
    String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.timeoutMillis = timeoutMillis;
    this.client = WebClient.create(
        vertx,
        new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true).setUserAgentEnabled(false)
            // A list body is ~175 KB: with the default 8 KB chunks the decoder hands each one
            // through the pipeline in ~22 pieces; whole socket reads cost the generator less CPU.
            .setMaxChunkSize(MAX_CHUNK_BYTES),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  public Future<Outcome> initialize(String userId) {
    return send(request(HttpMethod.POST, "/v1/challenges/initialize", userId), EMPTY_OBJECT);
  }

  @Override
  public Future<Outcome> list(String userId, boolean activeOnly) {
    String path = activeOnly ? "/v1/challenges?active_only=true" : "/v1/challenges";
    return send(request(HttpMethod.GET, path, userId), null);
  }

  public Future<Outcome> setActive(String userId, String challengeId, String goalId, boolean active) {
    String path = "/v1/challenges/" + challengeId + "/goals/" + goalId + "/active";
    return send(request(HttpMethod.PUT, path, userId), active ? ACTIVE_TRUE : ACTIVE_FALSE);
  }

  public Future<Outcome> claim(String userId, String challengeId, String goalId) {
    String path = "/v1/challenges/" + challengeId + "/goals/" + goalId + "/claim";
    return send(request(HttpMethod.POST, path, userId), EMPTY_OBJECT);
  }

  /** {@code GET {base}/readyz}: 200 once the service can serve. */
  public Future<Outcome> ready() {
    return send(client.request(HttpMethod.GET, port, host, basePath + "/readyz")
        .connectTimeout(timeoutMillis).idleTimeout(timeoutMillis).as(BodyCodec.none()), null);
  }

  public void close() {
    client.close();
  }

  private HttpRequest<Void> request(HttpMethod method, String path, String userId) {
    return client.request(method, port, host, basePath + path)
        .putHeader("x-mock-user-id", userId)
        // waiting for a pooled connection, then for the answer, each bounded
        .connectTimeout(timeoutMillis)
        .idleTimeout(timeoutMillis)
        .as(BodyCodec.none());
  }

  private static Future<Outcome> send(HttpRequest<Void> request, byte[] body) {
    Future<io.vertx.ext.web.client.HttpResponse<Void>> response = body == null
        ? request.send()
        : request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body));
    return response.map(r -> Outcome.http(r.statusCode()));
  }
}
