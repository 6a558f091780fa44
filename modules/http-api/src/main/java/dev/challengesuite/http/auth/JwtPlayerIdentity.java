package dev.challengesuite.http.auth;

import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * Auth on (DECISIONS.md "Auth"): the player is the {@code sub} of an RS256 JWT signed by a key of
 * the IAM JWKS, sent as {@code Authorization: Bearer <jwt>} (scheme case-insensitive) or, as the
 * reference's gateway also accepts, as the bare token. Refusals are 401 code 16, except a token of
 * another namespace: 403 code 7.
 *
 * <p>Fast path: a token verified before is answered from {@link VerifiedTokens} after checking that
 * it has not expired and that the key that verified it is still the one published under its kid. A
 * token whose kid is unknown waits for one (coalesced, rate-limited) JWKS refresh before it is
 * refused.
 */
public final class JwtPlayerIdentity implements PlayerIdentity {

  static final int CACHED_TOKENS_PER_GENERATION = 5_000;

  private static final String BEARER = "Bearer";

  private final JwksKeys keys;
  private final JwtVerifier verifier;
  private final VerifiedTokens verified = new VerifiedTokens(CACHED_TOKENS_PER_GENERATION);

  public JwtPlayerIdentity(JwksKeys keys, String namespace, Clock clock) {
    this.keys = keys;
    this.verifier = new JwtVerifier(namespace, clock);
  }

  /**
   * Production wiring: keys from {@code auth.iamBaseUrl}, refreshed every {@code
   * jwksRefreshSeconds}.
   */
  static JwtPlayerIdentity start(Vertx vertx, AuthConfig auth, String namespace) {
    if (auth.iamBaseUrl() == null || auth.iamBaseUrl().isBlank()) {
      throw new IllegalArgumentException("auth.iamBaseUrl must be set when auth.enabled is true");
    }
    String base =
        auth.iamBaseUrl().endsWith("/")
            ? auth.iamBaseUrl().substring(0, auth.iamBaseUrl().length() - 1)
            : auth.iamBaseUrl();
    JwksKeys keys =
        JwksKeys.start(
            vertx,
            base + JwksKeys.JWKS_PATH,
            Duration.ofSeconds(auth.jwksRefreshSeconds()),
            JwksKeys.MIN_FORCED_INTERVAL);
    return new JwtPlayerIdentity(keys, namespace, Clock.systemUTC());
  }

  @Override
  public Future<String> userId(RoutingContext ctx) {
    return authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
  }

  /** The player named by an {@code Authorization} header value (null when absent). */
  public Future<String> authenticate(String authorization) {
    String token;
    try {
      token = tokenOf(authorization);
    } catch (ChallengeException e) {
      return Future.failedFuture(e);
    }
    VerifiedToken cached = verified.get(token);
    if (cached != null) {
      if (verifier.unexpired(cached) && cached.key().equals(keys.key(cached.keyId()))) {
        return Future.succeededFuture(cached.userId());
      }
      verified.remove(token);
    }
    try {
      CompactJws jws = CompactJws.parse(token);
      String kid = JwtVerifier.keyIdOf(jws);
      RSAPublicKey key = keys.key(kid);
      if (key != null) {
        return Future.succeededFuture(accept(token, jws, key));
      }
      Context caller = Vertx.currentContext();
      return onContext(keys.refreshForUnknownKey(), caller)
          .map(
              refreshed -> {
                RSAPublicKey rotated = keys.key(kid);
                if (rotated == null) {
                  throw TokenErrors.UNKNOWN_KEY;
                }
                return accept(token, jws, rotated);
              });
    } catch (ChallengeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public boolean ready() {
    return keys.loaded();
  }

  @Override
  public void close() {
    keys.close();
  }

  private String accept(String token, CompactJws jws, RSAPublicKey key) {
    VerifiedToken accepted = verifier.verify(jws, key);
    verified.put(token, accepted);
    return accepted.userId();
  }

  /** The token of {@code Bearer <token>} (any case) or of a bare token. */
  static String tokenOf(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw TokenErrors.MISSING_HEADER;
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0) {
      return value;
    }
    if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length()) || space != BEARER.length()) {
      throw TokenErrors.NOT_BEARER;
    }
    String token = value.substring(space + 1).strip();
    if (token.isEmpty()) {
      throw TokenErrors.MALFORMED;
    }
    return token;
  }

  /** The same outcome, delivered on the caller's event loop (the refresh may finish elsewhere). */
  private static <T> Future<T> onContext(Future<T> future, Context context) {
    if (context == null || future.isComplete()) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(ignored -> promise.handle(result)));
    return promise.future();
  }
}
