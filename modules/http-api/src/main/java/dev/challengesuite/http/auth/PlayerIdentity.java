package dev.challengesuite.http.auth;

import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Who the player behind a request is. Fails with a {@link ChallengeException}: UNAUTHENTICATED
 * (401) when the request carries no usable identity, INVALID_ARGUMENT or PERMISSION_DENIED when it
 * carries one that cannot be accepted. An implementation may put its own {@code WWW-Authenticate}
 * header on the response before failing; otherwise the error handler uses the message.
 */
@FunctionalInterface
public interface PlayerIdentity {

  Future<String> userId(RoutingContext ctx);

  /** The identity the configuration asks for. */
  static PlayerIdentity forConfig(AuthConfig auth) {
    if (auth != null && auth.enabled()) {
      // Fail closed: never fall back to trusting a header when tokens were asked for.
      throw new IllegalStateException(
          "auth.enabled=true needs JWT validation, which this build does not have yet; "
              + "set PLUGIN_GRPC_SERVER_AUTH_ENABLED=false to run with x-mock-user-id");
    }
    return new MockUserHeader();
  }
}
