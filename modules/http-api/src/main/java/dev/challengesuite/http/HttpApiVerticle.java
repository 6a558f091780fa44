package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.HttpConfig;
import dev.challengesuite.common.player.PlayerClient;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.http.auth.PlayerIdentity;
import dev.challengesuite.http.render.GoalViewer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * The REST API on {@code http.host:http.port} under {@code http.basePath}. Instances share the
 * port; each holds its own pre-rendered catalog JSON and keeps no player state. The {@link
 * PlayerIdentity} is made once by the caller ({@link PlayerIdentity#forConfig}) and shared by all
 * instances, so N instances keep one JWKS cache and fetch it once.
 */
public final class HttpApiVerticle extends VerticleBase {

  static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final long SHUTDOWN_GRACE_SECONDS = 30;

  private final AppConfig config;
  private final CatalogIndex catalog;
  private final ServiceClock clock;
  private final GoalViewer viewer;
  private final PlayerIdentity identity;
  private List<String> served = List.of();
  private HttpServer server;
  private ChallengeRoutes challenges;

  public HttpApiVerticle(
      AppConfig config, CatalogIndex catalog, ServiceClock clock, PlayerIdentity identity) {
    this(config, catalog, clock, GoalViewer.rules(catalog), identity);
  }

  /** With other display rules than {@code ProgressRules} (tests of the HTTP layer). */
  HttpApiVerticle(AppConfig config, CatalogIndex catalog, ServiceClock clock, GoalViewer viewer,
      PlayerIdentity identity) {
    this.config = config;
    this.catalog = catalog;
    this.clock = clock;
    this.viewer = viewer;
    this.identity = identity;
  }

  /** The routes this instance serves ("METHOD /path"), for checking the API document against. */
  List<String> served() {
    return served;
  }

  /** The list bodies this instance keeps, for tests of the cache's bookkeeping. */
  ListBodyCache listBodies() {
    return challenges.listBodies();
  }

  @Override
  public Future<?> start() {
    HttpConfig http = config.http();
    int maxBodyBytes = http.maxBodyBytes() > 0 ? http.maxBodyBytes() : DEFAULT_MAX_BODY_BYTES;
    long requestTimeout = config.players().requestTimeoutMillis();
    // a claim waits for its grant on top of its database work (loading, the claim record, the write)
    PlayerClient players = new PlayerClient(vertx, config.players().partitions(), requestTimeout,
        2 * requestTimeout + config.claims().grantTimeoutMillis());
    // pooled direct memory, outside the heap, per instance; 32 MiB hold about 170 lists of the
    // 500-goal bench catalog
    challenges = new ChallengeRoutes(catalog, players, viewer, clock, http.listCacheBytes());
    SelectionRoutes selection = new SelectionRoutes(catalog, players, viewer, clock);
    ClaimRoutes claims = new ClaimRoutes(catalog, players);
    RotationRoutes rotation = new RotationRoutes(catalog, clock);
    HealthRoutes health =
        new HealthRoutes(vertx, catalog, identity::ready, HealthRoutes.PING_TIMEOUT_MILLIS);
    HttpApiRouter routes =
        new HttpApiRouter(vertx, http.basePath(), maxBodyBytes, identity)
            .player(HttpMethod.GET, "/v1/challenges", challenges::list)
            .player(HttpMethod.POST, "/v1/challenges/initialize", true, challenges::initialize)
            .player(HttpMethod.PUT, "/v1/challenges/:challengeId/goals/:goalId/active", true,
                selection::setActive)
            .player(HttpMethod.POST, "/v1/challenges/:challengeId/goals/batch-select", true,
                selection::batchSelect)
            .player(HttpMethod.POST, "/v1/challenges/:challengeId/goals/random-select", true,
                selection::randomSelect)
            .player(HttpMethod.POST, "/v1/challenges/:challengeId/goals/:goalId/claim", true,
                claims::claim)
            .player(HttpMethod.GET, "/v1/challenges/:challengeId/rotation", false, rotation::status)
            .open(HttpMethod.GET, "/healthz", health::healthz)
            .open(HttpMethod.GET, "/readyz", health::readyz)
            .open(HttpMethod.GET, "/apidocs/api.json", new ApiDocsRoutes(http.basePath())::apiJson);
    served = routes.served();
    Router router = routes.build();
    server = vertx
        .createHttpServer(new HttpServerOptions().setHost(http.host()).setPort(http.port())
            // Long enough that an absurd id or header reaches the router and gets a 400 with the
            // JSON envelope; beyond these the HTTP codec answers 414/431 itself.
            .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
            .setMaxHeaderSize(MAX_HEADER_BYTES))
        .requestHandler(router);
    return server.listen();
  }

  /**
   * Stops accepting connections and lets requests in flight finish (a claim waiting for its
   * grant included) before the partitions behind it are undeployed.
   */
  @Override
  public Future<?> stop() {
    Future<Void> stopped = server == null
        ? Future.succeededFuture()
        : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return stopped.andThen(done -> {
      if (challenges != null) {
        challenges.close();
      }
    });
  }
}
