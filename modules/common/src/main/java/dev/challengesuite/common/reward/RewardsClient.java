package dev.challengesuite.common.reward;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * Typed client of the rewards verticle. The future succeeds with the {@link GrantResult} (granted
 * or a classified failure) and fails with a {@link dev.challengesuite.common.error.ChallengeException}
 * only when the verticle gave no answer — then the outcome is unknown.
 */
public final class RewardsClient {

  /**
   * Default send timeout: above the real client's total retry budget (8 s, token fetch included),
   * so a slow grant is answered rather than cut off while it may still succeed.
   */
  public static final long DEFAULT_TIMEOUT_MILLIS = 12_000;

  private final Vertx vertx;
  private final DeliveryOptions options;

  public RewardsClient(Vertx vertx) {
    this(vertx, DEFAULT_TIMEOUT_MILLIS);
  }

  public RewardsClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  public Future<GrantResult> grant(RewardGrant grant) {
    return vertx.eventBus()
        .<GrantResult>request(Addresses.REWARDS_GRANT, grant, options)
        .map(Message::body)
        .recover(error -> Future.failedFuture(BusFailures.toChallenge(error)));
  }
}
