package dev.challengesuite.events;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.GrpcConfig;
import dev.challengesuite.common.player.PlayerClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.health.HealthService;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcService;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcService;

/**
 * The gRPC server of the two AGS event services plus {@code grpc.health.v1.Health}. Several
 * instances share {@code grpc.port}.
 */
public final class EventIngestVerticle extends VerticleBase {

  private final AppConfig config;
  private final CatalogIndex catalog;
  private final MeterRegistry registry;
  private HttpServer server;

  public EventIngestVerticle(AppConfig config, CatalogIndex catalog, MeterRegistry registry) {
    this.config = config;
    this.catalog = catalog;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    GrpcConfig grpc = config.grpc();
    EventMapper mapper = new EventMapper(config.namespace(), catalog);
    PlayerClient players =
        new PlayerClient(vertx, config.players().partitions(), config.players().requestTimeoutMillis());

    EventMetrics metrics = new EventMetrics(registry);
    EventIngestor ingestor = new EventIngestor(players, metrics);

    GrpcServer grpcServer = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(grpc.maxMessageBytes()));
    grpcServer.callHandler(UserAuthenticationUserLoggedInServiceGrpcService.OnMessage, UnaryCalls.serving(
        (UserLoggedIn request) -> ingestor.ingest(EventMapper.LOGIN, () -> mapper.login(request)),
        () -> metrics.cancelled(EventMapper.LOGIN)));
    grpcServer.callHandler(StatisticStatItemUpdatedServiceGrpcService.OnMessage, UnaryCalls.serving(
        (StatItemUpdated request) -> ingestor.ingest(EventMapper.STATISTIC, () -> mapper.statistic(request)),
        () -> metrics.cancelled(EventMapper.STATISTIC)));
    grpcServer.addService(HealthService.create(vertx));

    server = vertx.createHttpServer(new HttpServerOptions().setHost(grpc.host()).setPort(grpc.port()))
        .requestHandler(grpcServer);
    return server.listen();
  }

  /** Stops accepting calls; calls in flight finish because the player partitions drain after us. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown();
  }
}
