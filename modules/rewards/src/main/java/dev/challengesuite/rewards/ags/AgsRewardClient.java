package dev.challengesuite.rewards.ags;

import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.rewards.RewardClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
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
 * <p>One retry layer ({@link RetryPolicy}): each attempt is bounded, retryable outcomes (timeouts,
 * connection errors, 408, 429, 5xx) wait with backoff and jitter, everything stops when the
 * attempts or the total budget run out. A 401 drops the token and repeats the request once with a
 * fresh one inside the same attempt; a second 401 is final. AGS offers no idempotency key for these
 * endpoints, so a retry after a timeout can grant twice if the first request did land; the claim
 * id in each request lets such grants be found.
 */
public final class AgsRewardClient implements RewardClient {

  private static final Logger LOG = LoggerFactory.getLogger(AgsRewardClient.class);
  private static final int LOGGED_BODY_CHARS = 300;

  private final Vertx vertx;
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
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("challenge-suite-rewards")
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
    return Future.succeededFuture();
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
        .compose(first -> first.response().statusCode() == 401
            ? refreshAndResend(call, first.token(), attemptEnd)
            : Future.succeededFuture(classify(first.response())))
        .recover(error -> Future.succeededFuture(error instanceof CredentialsRejectedException rejected
            ? new AttemptOutcome.Rejected("reward service credentials rejected (HTTP " + rejected.status() + ")")
            : new AttemptOutcome.Retryable(error.toString())));
  }

  private Future<AttemptOutcome> refreshAndResend(PlatformCall call, String refusedToken, long attemptEnd) {
    LOG.info("Platform answered 401: refreshing the client token");
    tokens.invalidate(refusedToken);
    return send(call, attemptEnd).map(second -> second.response().statusCode() == 401
        ? new AttemptOutcome.Rejected("reward service credentials rejected (HTTP 401)")
        : classify(second.response()));
  }

  private record Sent(String token, HttpResponse<Buffer> response) {}

  private Future<Sent> send(PlatformCall call, long attemptEnd) {
    return tokens.token(millisUntil(attemptEnd)).compose(token -> {
      long left = millisUntil(attemptEnd);
      if (left < 1) {
        return Future.failedFuture(new TimeoutException("no time left for the Platform request"));
      }
      Future<HttpResponse<Buffer>> response = client.requestAbs(call.method(), platformBaseUrl + call.path())
          .bearerTokenAuthentication(token)
          .putHeader("accept", "application/json")
          .connectTimeout(left)
          .idleTimeout(left)
          .sendJson(call.body());
      return Timeouts.within(vertx, response, left, "Platform request").map(answer -> new Sent(token, answer));
    });
  }

  private AttemptOutcome classify(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new AttemptOutcome.Accepted();
    }
    String body = response.bodyAsString();
    String excerpt = body == null ? "" : body.substring(0, Math.min(body.length(), LOGGED_BODY_CHARS));
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
