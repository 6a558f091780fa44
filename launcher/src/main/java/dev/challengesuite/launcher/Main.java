package dev.challengesuite.launcher;

import dev.challengesuite.cache.catalog.CatalogException;
import dev.challengesuite.cache.catalog.CatalogLoader;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.launcher.config.ConfigException;
import dev.challengesuite.launcher.config.ConfigLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the runnable jar: configuration, catalog, embedded PostgreSQL when no database is
 * configured, then the verticles. Any startup problem prints one line and exits non-zero.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    AppConfig config;
    CatalogIndex catalog;
    try {
      config = ConfigLoader.loadFromProcess();
      catalog = CatalogLoader.load(Path.of(config.catalogPath()));
    } catch (ConfigException | CatalogException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Optional<EmbeddedDatabase> embedded = config.database().embedded()
        ? Optional.of(EmbeddedDatabase.start(config.database()))
        : Optional.empty();
    AppConfig effective = embedded.map(database -> config.withDatabase(database.connection())).orElse(config);
    log.info("database: {}; catalog {} ({} challenges)", effective.database(), catalog.hash(), catalog.challenges().size());

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new io.vertx.core.VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    LocalCodec.register(vertx);
    Application app;
    try {
      app = Application.start(vertx, effective, catalog, ServiceClock.system(config.clockOffsetSeconds()), registry)
          .await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      log.error("startup failed: {}", e.getMessage(), e);
      System.err.println("startup failed: " + e.getMessage());
      vertx.close();
      embedded.ifPresent(EmbeddedDatabase::close);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("shutting down: draining accepted events");
      try {
        app.stop().await(60, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("shutdown did not complete cleanly: {}", e.getMessage());
      }
      embedded.ifPresent(EmbeddedDatabase::close);
    }, "challenge-shutdown"));
  }

}
