package dev.challengesuite.rewards.ags;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The service's OAuth2 client-credentials token from IAM ({@code POST /iam/v3/oauth/token}, HTTP
 * Basic client id and secret), cached until shortly before {@code expires_in} ends. Concurrent
 * callers share one fetch. A token the Platform refused is dropped by {@link #invalidate}.
 *
 * <p>Failures: {@link CredentialsRejectedException} when IAM answers a non-retryable 4xx; any
 * other failure (timeout, connection, 5xx, unreadable body) is transient.
 */
final class ClientCredentialsTokens {

  /** Refresh this long before expiry at most (a fifth of the lifetime for short-lived tokens). */
  private static final long MAX_REFRESH_MARGIN_MILLIS = 60_000;

  private final Vertx vertx;
  private final WebClient client;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final LongSupplier nowMillis;

  private Token cached;
  private Future<Token> pending;

  private record Token(String value, long refreshAtMillis) {}

  ClientCredentialsTokens(Vertx vertx, WebClient client, AgsSettings settings, LongSupplier nowMillis) {
    this.vertx = vertx;
    this.client = client;
    this.tokenUrl = settings.iamBaseUrl() + "/iam/v3/oauth/token";
    this.clientId = settings.clientId();
    this.clientSecret = settings.clientSecret();
    this.nowMillis = nowMillis;
  }

  /** A valid token: the cached one, or a fresh one within {@code timeoutMillis}. */
  synchronized Future<String> token(long timeoutMillis) {
    if (cached != null && nowMillis.getAsLong() < cached.refreshAtMillis()) {
      return Future.succeededFuture(cached.value());
    }
    if (pending == null) {
      if (timeoutMillis < 1) {
        return Future.failedFuture(new TimeoutException("no time left for the IAM token request"));
      }
      Future<Token> fetch = fetch(timeoutMillis);
      pending = fetch;
      fetch.onComplete(result -> finished(fetch, result.succeeded() ? result.result() : null));
    }
    return pending.map(Token::value);
  }

  /** Forgets {@code token} after the Platform answered 401 to it, unless a newer one replaced it. */
  synchronized void invalidate(String token) {
    if (cached != null && cached.value().equals(token)) {
      cached = null;
    }
  }

  private synchronized void finished(Future<Token> fetch, Token token) {
    if (pending == fetch) {
      pending = null;
    }
    if (token != null) {
      cached = token;
    }
  }

  private Future<Token> fetch(long timeoutMillis) {
    long requestedAt = nowMillis.getAsLong();
    Future<HttpResponse<Buffer>> response = client.postAbs(tokenUrl)
        .basicAuthentication(clientId, clientSecret)
        .putHeader("accept", "application/json")
        .connectTimeout(timeoutMillis)
        .idleTimeout(timeoutMillis)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"));
    return Timeouts.within(vertx, response, timeoutMillis, "IAM token request")
        .compose(answer -> read(answer, requestedAt));
  }

  private static Future<Token> read(HttpResponse<Buffer> response, long requestedAt) {
    int status = response.statusCode();
    if (status >= 400 && status < 500 && !RetryPolicy.isRetryableStatus(status)) {
      return Future.failedFuture(new CredentialsRejectedException(status));
    }
    if (status != 200) {
      return Future.failedFuture(new IOException("IAM token request answered HTTP " + status));
    }
    try {
      JsonObject body = response.bodyAsJsonObject();
      String accessToken = body == null ? null : body.getString("access_token");
      if (accessToken == null || accessToken.isEmpty()) {
        return Future.failedFuture(new IOException("IAM token response has no access_token"));
      }
      long lifetimeMillis = Math.max(0, body.getLong("expires_in", 0L)) * 1000;
      long margin = Math.min(MAX_REFRESH_MARGIN_MILLIS, lifetimeMillis / 5);
      // timed from the request, not the answer, so a slow answer cannot stretch the lifetime
      return Future.succeededFuture(new Token(accessToken, requestedAt + lifetimeMillis - margin));
    } catch (RuntimeException unreadable) {
      return Future.failedFuture(new IOException("IAM token response is not readable JSON"));
    }
  }
}
