package dev.challengesuite.http;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.store.PingDatabase;
import dev.challengesuite.http.render.JsonText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (liveness: the database answers) and {@code GET /readyz} (readiness: the
 * database answers, the catalog is loaded and, with auth on, the IAM signing keys are). The persistence verticle answers pings only once
 * its migrations are applied, so a good ping also means the schema is in place.
 */
final class HealthRoutes {

  static final long PING_TIMEOUT_MILLIS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
  private static final PingDatabase PING = new PingDatabase();
  private static final byte[] HEALTHY = JsonText.utf8("{\"status\":\"healthy\"}");
  private static final ChallengeException DATABASE_DOWN =
      new ChallengeException(ErrorCode.UNAVAILABLE, "database connectivity check failed");
  private static final ChallengeException NO_CATALOG =
      new ChallengeException(ErrorCode.UNAVAILABLE, "catalog not loaded");
  private static final ChallengeException NO_SIGNING_KEYS =
      new ChallengeException(ErrorCode.UNAVAILABLE, "token signing keys not loaded");

  private final Vertx vertx;
  private final DeliveryOptions pingOptions;
  private final BooleanSupplier identityReady;
  private final byte[] ready;

  HealthRoutes(Vertx vertx, CatalogIndex catalog, BooleanSupplier identityReady, long pingTimeoutMillis) {
    this.vertx = vertx;
    this.identityReady = identityReady;
    this.pingOptions = new DeliveryOptions().setSendTimeout(pingTimeoutMillis);
    boolean loaded = catalog != null && !catalog.challenges().isEmpty();
    this.ready = loaded
        ? JsonText.utf8("{\"status\":\"ready\",\"catalogHash\":" + JsonText.quote(catalog.hash()) + "}")
        : null;
  }

  Future<Buffer> healthz(RoutingContext ctx) {
    return pingDatabase().map(ok -> Buffer.buffer(HEALTHY));
  }

  Future<Buffer> readyz(RoutingContext ctx) {
    if (ready == null) {
      return Future.failedFuture(NO_CATALOG);
    }
    if (!identityReady.getAsBoolean()) {
      return Future.failedFuture(NO_SIGNING_KEYS);
    }
    return pingDatabase().map(ok -> Buffer.buffer(ready));
  }

  private Future<Void> pingDatabase() {
    return vertx.eventBus()
        .request(Addresses.PERSISTENCE_PING, PING, pingOptions)
        .<Void>mapEmpty()
        .recover(error -> {
          LOG.warn("database ping failed: {}", error.toString());
          return Future.failedFuture(DATABASE_DOWN);
        });
  }
}
