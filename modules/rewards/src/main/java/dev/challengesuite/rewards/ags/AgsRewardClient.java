package dev.challengesuite.rewards.ags;

import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.rewards.RewardClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rewards.mode=real}: grants through the AGS Platform REST API with the service's
 * client-credentials token. ITEM posts an entitlement, WALLET credits the wallet.
 *
 * <p>One retry layer ({@link RetryPolicy}): each attempt is bounded; an attempt that certainly
 * granted nothing (no token, no connection, 408, 429, 500, 503, ...) is retried after a backoff
 * with jitter, until the attempts or the total budget run out. A 401 drops the token and repeats
 * the request once with a fresh one inside the same attempt; a second 401 is final. AGS offers no
 * idempotency key for these endpoints, so an attempt that may have landed without an answer
 * saying so (a timeout or broken connection after sending, 502/504 from a gateway) is never
 * retried: the grant ends as {@link GrantFailure#OUTCOME_UNKNOWN} and the claim flow decides
 * (docs/claims.md). The claim id in each request lets such grants be found.
 */
public final class AgsRewardClient implements RewardClient {

  private static final Logger LOG = LoggerFactory.getLogger(AgsRewardClient.class);
  private static final int LOGGED_BODY_CHARS = 300;
  private static final String USER_AGENT = "challenge-suite-rewards";

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final WebClient client;
  private final String platformBaseUrl;
  private final RetryPolicy policy;
  private final RandomGenerator jitter;
  private final ClientCredentialsTokens tokens;

  public AgsRewardClient(Vertx vertx, AgsSettings settings, RetryPolicy policy) {
    this(vertx, settings, policy, new Random(), System::currentTimeMillis);
  }

  /**
   * @param jitter source of the backoff jitter
   * @param wallClockMillis the clock token expiry is measured on
   */
  public AgsRewardClient(Vertx vertx, AgsSettings settings, RetryPolicy policy, RandomGenerator jitter,
      LongSupplier wallClockMillis) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) policy.attemptTimeout().toMillis()));
    this.client = WebClient.wrap(http, new WebClientOptions()
        .setUserAgent(USER_AGENT)
        .setFollowRedirects(false)
        .setConnectTimeout((int) policy.attemptTimeout().toMillis()));
    this.platformBaseUrl = settings.platformBaseUrl();
    this.policy = policy;
    this.jitter = jitter;
    this.tokens = new ClientCredentialsTokens(vertx, client, settings, wallClockMillis);
  }

  /** Fetches the first token: rejected credentials fail the start, an unreachable IAM only warns. */
  @Override
  public Future<Void> warmUp() {
    return tokens.token(policy.attemptTimeout().toMillis())
        .<Void>mapEmpty()
        .recover(error -> {
          if (error instanceof CredentialsRejectedException) {
            return Future.failedFuture(new IllegalStateException(
                error.getMessage() + ": check AB_CLIENT_ID / AB_CLIENT_SECRET and AB_BASE_URL", error));
          }
          LOG.warn("IAM not reachable at startup ({}); the token will be fetched on the first grant", error.toString());
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<GrantResult> grant(RewardGrant grant) {
    PlatformCall call;
    try {
      call = PlatformCall.of(grant);
    } catch (IllegalArgumentException invalid) {
      LOG.error("reward grant not sent, claim {}: {}", grant.claimId(), invalid.getMessage());
      return Future.succeededFuture(new GrantResult.Failed(GrantFailure.REJECTED, "invalid reward grant", 0));
    }
    return attempt(grant, call, 1, System.nanoTime() + policy.totalBudget().toNanos());
  }

  @Override
  public Future<Void> close() {
    client.close();
    return http.close();
  }

  private Future<GrantResult> attempt(RewardGrant grant, PlatformCall call, int number, long budgetEnd) {
    long attemptEnd = Math.min(budgetEnd, System.nanoTime() + policy.attemptTimeout().toNanos());
    return attemptOnce(call, attemptEnd).compose(outcome -> switch (outcome) {
      case AttemptOutcome.Accepted accepted -> {
        LOG.info("reward granted: {} {} x{} to {} (claim {}, attempt {})", grant.reward().type(),
            grant.reward().rewardId(), grant.reward().quantity(), grant.userId(), grant.claimId(), number);
        yield Future.succeededFuture(new GrantResult.Granted(number));
      }
      case AttemptOutcome.Rejected rejected -> {
        LOG.error("reward grant rejected, claim {} (attempt {}): {}", grant.claimId(), number, rejected.message());
        yield Future.succeededFuture(new GrantResult.Failed(GrantFailure.REJECTED, rejected.message(), number));
      }
      case AttemptOutcome.Uncertain uncertain -> {
        LOG.error("reward grant outcome unknown, claim {} (attempt {}): {}; not retried, it may have been applied",
            grant.claimId(), number, uncertain.cause());
        yield Future.succeededFuture(new GrantResult.Failed(
            GrantFailure.OUTCOME_UNKNOWN, "reward service did not confirm the grant", number));
      }
      case AttemptOutcome.Retryable retryable -> retryOrGiveUp(grant, call, number, budgetEnd, retryable);
    });
  }

  private Future<GrantResult> retryOrGiveUp(
      RewardGrant grant, PlatformCall call, int number, long budgetEnd, AttemptOutcome.Retryable cause) {
    long delay = policy.delayMillis(number, jitter.nextDouble());
    long leftAfterDelay = TimeUnit.NANOSECONDS.toMillis(budgetEnd - System.nanoTime()) - delay;
    if (number >= policy.maxAttempts() || leftAfterDelay < policy.minAttemptMillis()) {
      LOG.error("reward grant given up after {} attempts, claim {}: {}", number, grant.claimId(), cause.cause());
      return Future.succeededFuture(new GrantResult.Failed(
          GrantFailure.RETRYABLE_EXHAUSTED, "reward service unavailable after " + number + " attempts", number));
    }
    LOG.warn("reward grant attempt {} failed, claim {}: {}; retrying in {} ms", number, grant.claimId(), cause.cause(), delay);
    return vertx.timer(delay).compose(waited -> attempt(grant, call, number + 1, budgetEnd));
  }

  /** One attempt: token, request, and on a 401 one fresh token and one repeat. Never fails. */
  private Future<AttemptOutcome> attemptOnce(PlatformCall call, long attemptEnd) {
    return send(call, attemptEnd)
        .compose(first -> first.answer().status() == 401
            ? refreshAndResend(call, first.token(), attemptEnd)
            : Future.succeededFuture(classify(first.answer())))
        .recover(error -> Future.succeededFuture(switch (error) {
          case CredentialsRejectedException rejected ->
              new AttemptOutcome.Rejected("reward service credentials rejected (HTTP " + rejected.status() + ")");
          case NotSentException notSent -> new AttemptOutcome.Retryable(notSent.getCause().toString());
          default -> new AttemptOutcome.Uncertain(error.toString());
        }));
  }

  private Future<AttemptOutcome> refreshAndResend(PlatformCall call, String refusedToken, long attemptEnd) {
    LOG.info("Platform answered 401: refreshing the client token");
    tokens.invalidate(refusedToken);
    return send(call, attemptEnd).map(second -> second.answer().status() == 401
        ? new AttemptOutcome.Rejected("reward service credentials rejected (HTTP 401)")
        : classify(second.answer()));
  }

  private record Sent(String token, PlatformExchange.Answer answer) {}

  /**
   * Token and request. Fails with {@link NotSentException} when the request certainly did not reach
   * the Platform, with {@link CredentialsRejectedException} when IAM refused the credentials.
   */
  private Future<Sent> send(PlatformCall call, long attemptEnd) {
    return tokens.token(millisUntil(attemptEnd))
        .recover(error -> Future.failedFuture(
            error instanceof CredentialsRejectedException ? error : new NotSentException(error)))
        .compose(token -> {
          long left = millisUntil(attemptEnd);
          if (left < 1) {
            return Future.failedFuture(new NotSentException(
                new TimeoutException("no time left for the Platform request")));
          }
          RequestOptions options = new RequestOptions()
              .setMethod(call.method())
              .setAbsoluteURI(platformBaseUrl + call.path())
              .setConnectTimeout(left)
              .setIdleTimeout(left)
              .setFollowRedirects(false)
              .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
              .putHeader(HttpHeaders.ACCEPT, "application/json")
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
              .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
          return PlatformExchange.send(vertx, http, options, call.bodyBuffer(), left)
              .map(answer -> new Sent(token, answer));
        });
  }

  private AttemptOutcome classify(PlatformExchange.Answer answer) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return new AttemptOutcome.Accepted();
    }
    String body = answer.body();
    String excerpt = body == null ? "" : body.substring(0, Math.min(body.length(), LOGGED_BODY_CHARS));
    if (RetryPolicy.mayHaveBeenApplied(status)) {
      return new AttemptOutcome.Uncertain("HTTP " + status + " " + excerpt);
    }
    if (RetryPolicy.isRetryableStatus(status)) {
      return new AttemptOutcome.Retryable("HTTP " + status + " " + excerpt);
    }
    // the platform's text stays in the log: it may name internals
    LOG.warn("Platform refused a grant with HTTP {}: {}", status, excerpt);
    return new AttemptOutcome.Rejected("reward grant rejected by the platform (HTTP " + status + ")");
  }

  private static long millisUntil(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
  }
}
