package dev.challengesuite.http;

import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.config.HttpConfig;
import dev.challengesuite.common.config.PlayersConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.http.auth.MockUserHeader;
import dev.challengesuite.http.auth.PlayerIdentity;
import dev.challengesuite.http.render.GoalViewer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;

/**
 * One deployed {@link HttpApiVerticle} on a free loopback port, its fake collaborators, and a
 * client. The view rules are {@link TestViewer} (stored states shown as they are) unless started
 * {@link #startWithRules with the service's rules}.
 */
final class ApiHarness {

  static final String BASE = "/challenge";
  static final Instant NOW = Instant.parse("2025-01-15T10:30:00Z");
  static final int PARTITIONS = 4;
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int LIST_CACHE_MIB = 32;

  final Vertx vertx;
  final CatalogIndex catalog;
  final Fakes.Players players;
  final WebClient client;
  final int port;

  /** The deployed verticle, for tests that compare what it serves with documentation. */
  HttpApiVerticle verticle;

  private ApiHarness(Vertx vertx, CatalogIndex catalog, Fakes.Players players, int port) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.players = players;
    this.client = WebClient.create(vertx);
    this.port = port;
  }

  static ApiHarness start(Vertx vertx) {
    return start(vertx, 2_000);
  }

  /** Deploys with the given player request timeout and the x-mock-user-id identity. */
  static ApiHarness start(Vertx vertx, long playerTimeoutMillis) {
    CatalogIndex catalog = TestCatalog.index();
    return start(vertx, playerTimeoutMillis, catalog, new TestViewer(catalog), new MockUserHeader(), 1,
        LIST_CACHE_MIB);
  }

  /** Deploys over {@code catalog} with {@link TestViewer}. */
  static ApiHarness start(Vertx vertx, CatalogIndex catalog) {
    return start(vertx, catalog, new TestViewer(catalog), LIST_CACHE_MIB);
  }

  /** Deploys over {@code catalog} with {@code viewer} and the given {@code http.listCacheMiB}. */
  static ApiHarness start(Vertx vertx, CatalogIndex catalog, GoalViewer viewer, int listCacheMiB) {
    return start(vertx, 2_000, catalog, viewer, new MockUserHeader(), 1, listCacheMiB);
  }

  /** Deploys {@code instances} verticles sharing one identity (auth tests). */
  static ApiHarness start(Vertx vertx, PlayerIdentity identity, int instances) {
    CatalogIndex catalog = TestCatalog.index();
    return start(vertx, 2_000, catalog, new TestViewer(catalog), identity, instances, LIST_CACHE_MIB);
  }

  /** Deploys with the service's own display rules ({@code ProgressRules}). */
  static ApiHarness startWithRules(Vertx vertx) {
    CatalogIndex catalog = TestCatalog.index();
    return start(vertx, 2_000, catalog, GoalViewer.rules(catalog), new MockUserHeader(), 1, LIST_CACHE_MIB);
  }

  private static ApiHarness start(Vertx vertx, long playerTimeoutMillis, CatalogIndex catalog,
      GoalViewer viewer, PlayerIdentity identity, int instances, int listCacheMiB) {
    LocalCodec.register(vertx);
    Fakes.Players players = Fakes.Players.register(vertx, PARTITIONS);
    int port = freePort();
    AppConfig config = config(port, playerTimeoutMillis, !(identity instanceof MockUserHeader), listCacheMiB);
    HttpApiVerticle[] last = new HttpApiVerticle[1];
    vertx.deployVerticle(
        () -> last[0] = new HttpApiVerticle(config, catalog, ServiceClock.fixed(NOW), viewer, identity),
        new DeploymentOptions().setInstances(instances)).await();
    ApiHarness harness = new ApiHarness(vertx, catalog, players, port);
    harness.verticle = last[0];
    return harness;
  }

  static AppConfig config(int port, long playerTimeoutMillis, boolean authEnabled, int listCacheMiB) {
    return new AppConfig("test-ns", "unused", 0,
        new HttpConfig("127.0.0.1", port, BASE, 1, MAX_BODY_BYTES, listCacheMiB),
        null, null, null,
        new PlayersConfig(PARTITIONS, playerTimeoutMillis, 100),
        null,
        new AuthConfig(authEnabled, "", "", "", 600),
        null);
  }

  void databaseUp(boolean up) {
    Fakes.database(vertx, up).await();
  }

  HttpRequest<Buffer> request(HttpMethod method, String path) {
    return client.request(method, port, "127.0.0.1", path);
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, String userId) {
    HttpRequest<Buffer> request = request(method, path);
    if (userId != null) {
      request.putHeader("x-mock-user-id", userId);
    }
    return request.send().await();
  }

  HttpResponse<Buffer> get(String path, String userId) {
    return send(HttpMethod.GET, path, userId);
  }

  HttpResponse<Buffer> post(String path, String userId) {
    return send(HttpMethod.POST, path, userId);
  }

  /** Sends {@code body} as is (null: no body at all) for {@code userId}. */
  HttpResponse<Buffer> send(HttpMethod method, String path, String userId, String body) {
    HttpRequest<Buffer> request = request(method, path);
    if (userId != null) {
      request.putHeader("x-mock-user-id", userId);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
