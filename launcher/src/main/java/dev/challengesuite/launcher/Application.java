package dev.challengesuite.launcher;

import dev.challengesuite.cache.cluster.CacheTrust;
import dev.challengesuite.cache.cluster.ClusterVerticle;
import dev.challengesuite.cache.player.PlayerPartitionVerticle;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.ClusterConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.events.EventIngestVerticle;
import dev.challengesuite.http.HttpApiVerticle;
import dev.challengesuite.http.auth.PlayerIdentity;
import dev.challengesuite.persistence.PersistenceVerticle;
import dev.challengesuite.rewards.MicrometerRewardMetrics;
import dev.challengesuite.rewards.RewardClient;
import dev.challengesuite.rewards.RewardClients;
import dev.challengesuite.rewards.RewardVerticle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the verticles in dependency order — persistence (migrations first), rewards, the change
 * feed (with other instances only), player partitions, then the two servers — and undeploys them
 * in reverse, so that on shutdown the servers stop taking work before the partitions drain (claims
 * in flight included, which still need the rewards verticle and the pool; their last commits are
 * still announced) and the pool closes.
 */
public final class Application {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final Vertx vertx;
  private final List<String> deployments = new ArrayList<>();
  private HttpServer metricsServer;
  private PlayerIdentity identity;

  private Application(Vertx vertx) {
    this.vertx = vertx;
  }

  /** {@code config.database()} is the database actually used (the embedded one when it runs). */
  public static Future<Application> start(
      Vertx vertx, AppConfig config, CatalogIndex catalog, ServiceClock clock, PrometheusMeterRegistry registry) {
    return start(vertx, config, catalog, clock, registry, v -> RewardClients.fromConfig(v, config));
  }

  /** With the reward client made by {@code rewardClients} (tests: a real client with short timings). */
  static Future<Application> start(Vertx vertx, AppConfig config, CatalogIndex catalog, ServiceClock clock,
      PrometheusMeterRegistry registry, Function<Vertx, RewardClient> rewardClients) {
    Application app = new Application(vertx);
    // Made here, on the caller's thread, so its JWKS timer and client belong to no deployment.
    app.identity = PlayerIdentity.forConfig(vertx, config.auth(), config.namespace());
    ClusterConfig cluster = config.cluster();
    CacheTrust trust = cluster.clustered() ? CacheTrust.shared() : CacheTrust.alone();
    measureCatalog(catalog, registry);
    return app.deploy(() -> new PersistenceVerticle(config.database(), config.events(), clock), 1)
        .compose(done -> app.deploy(() -> new RewardVerticle(rewardClients, new MicrometerRewardMetrics(registry)), 1))
        .compose(done -> cluster.clustered()
            ? app.deploy(() -> new ClusterVerticle(cluster, config.players().partitions(), trust, registry), 1)
            : Future.succeededFuture())
        .compose(done -> app.deployPartitions(config, catalog, clock, registry, trust))
        .compose(done -> app.deployHttp(config, catalog, clock))
        .compose(done -> app.deploy(() -> new EventIngestVerticle(config, catalog, registry), config.grpc().instances()))
        .compose(done -> app.startMetrics(config, registry))
        .map(app)
        .onSuccess(started -> LOG.info("Challenge Suite ready: REST on {}:{}{}, gRPC on {}:{}, {} player partitions,"
            + " rewards {}, catalog {}, {}", config.http().host(), config.http().port(), config.http().basePath(),
            config.grpc().host(), config.grpc().port(), config.players().partitions(), config.rewards().mode(),
            catalog.hash(), cluster.clustered()
                ? "instance " + cluster.instanceId() + " sharing players through Redis"
                : "running alone (no cluster.redisUrl)"))
        .recover(error -> app.stop().transform(ignored -> Future.failedFuture(error)));
  }

  /** Undeploys in reverse order of deployment. */
  public Future<Void> stop() {
    Future<Void> chain = metricsServer == null ? Future.succeededFuture() : metricsServer.close();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(done -> vertx.undeploy(id).recover(error -> {
        LOG.warn("undeploying {} failed: {}", id, error.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain.onComplete(done -> {
      if (identity != null) {
        identity.close();
      }
    });
  }

  /** One player identity (and so one JWKS cache) shared by every HTTP verticle instance. */
  private Future<Void> deployHttp(AppConfig config, CatalogIndex catalog, ServiceClock clock) {
    return deploy(() -> new HttpApiVerticle(config, catalog, clock, identity), config.http().instances());
  }

  private Future<Void> deployPartitions(AppConfig config, CatalogIndex catalog, ServiceClock clock,
      PrometheusMeterRegistry registry, CacheTrust trust) {
    Future<Void> chain = Future.succeededFuture();
    for (int partition = 0; partition < config.players().partitions(); partition++) {
      int index = partition;
      chain = chain.compose(done -> deploy(
          () -> new PlayerPartitionVerticle(index, config, catalog, clock, registry, trust), 1));
    }
    return chain;
  }

  /**
   * {@code challenge_catalog_info{hash="…"} 1}: instances serving different catalogs show different
   * hashes side by side (as /readyz does per instance).
   */
  private static void measureCatalog(CatalogIndex catalog, PrometheusMeterRegistry registry) {
    Gauge.builder("challenge.catalog.info", () -> 1)
        .description("The catalog this instance serves, by hash; every instance of a deployment should show the same")
        .tag("hash", catalog.hash())
        .register(registry);
  }

  private Future<Void> deploy(java.util.function.Supplier<io.vertx.core.Deployable> verticle, int instances) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
        .onSuccess(deployments::add)
        .mapEmpty();
  }

  private Future<Void> startMetrics(AppConfig config, PrometheusMeterRegistry registry) {
    if (!config.metrics().enabled()) {
      return Future.succeededFuture();
    }
    return vertx.createHttpServer()
        .requestHandler(request -> {
          if ("/metrics".equals(request.path())) {
            request.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
          } else {
            request.response().setStatusCode(404).end();
          }
        })
        .listen(config.metrics().port(), config.metrics().host())
        .onSuccess(server -> metricsServer = server)
        .mapEmpty();
  }
}
