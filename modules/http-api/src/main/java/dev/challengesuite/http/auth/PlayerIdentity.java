package dev.challengesuite.http.auth;

import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Who the player behind a request is. Fails with a {@link ChallengeException}: UNAUTHENTICATED
 * (401; the error handler adds {@code WWW-Authenticate}) when the request carries no usable
 * identity, INVALID_ARGUMENT or PERMISSION_DENIED when it carries one that cannot be accepted. One
 * instance serves every HTTP verticle instance, so implementations are thread-safe.
 */
@FunctionalInterface
public interface PlayerIdentity {

  Future<String> userId(RoutingContext ctx);

  /** False while no player can be accepted at all (JWT: no signing key loaded yet). */
  default boolean ready() {
    return true;
  }

  /** Releases background work (JWKS refresh); called once when the service stops. */
  default void close() {}

  /**
   * The identity the configuration asks for: JWTs checked against the IAM JWKS when {@code
   * auth.enabled} (the first key fetch starts now and does not delay startup), the {@code
   * x-mock-user-id} header otherwise. Create it once per Vert.x instance and share it.
   */
  static PlayerIdentity forConfig(Vertx vertx, AuthConfig auth, String namespace) {
    if (auth != null && auth.enabled()) {
      return JwtPlayerIdentity.start(vertx, auth, namespace);
    }
    return new MockUserHeader();
  }
}
