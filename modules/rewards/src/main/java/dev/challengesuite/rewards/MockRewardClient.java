package dev.challengesuite.rewards;

import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rewards.mode=mock}: logs each grant and succeeds after {@code latencyMillis} (a timer, no
 * blocking); with probability {@code failureRate} it fails as RETRYABLE_EXHAUSTED instead, so
 * tests and benchmarks can exercise the claim flow's failure path.
 */
public final class MockRewardClient implements RewardClient {

  private static final Logger LOG = LoggerFactory.getLogger(MockRewardClient.class);

  private final Vertx vertx;
  private final long latencyMillis;
  private final double failureRate;
  private final Random random;

  public MockRewardClient(Vertx vertx, long latencyMillis, double failureRate, Random random) {
    if (latencyMillis < 0 || failureRate < 0 || failureRate > 1) {
      throw new IllegalArgumentException("latency must be >= 0 and failure rate within [0, 1]");
    }
    this.vertx = vertx;
    this.latencyMillis = latencyMillis;
    this.failureRate = failureRate;
    this.random = random;
  }

  @Override
  public Future<GrantResult> grant(RewardGrant grant) {
    // drawn now, not when the timer fires, so a seeded Random gives the same outcomes in call order
    boolean fails = failureRate > 0 && random.nextDouble() < failureRate;
    Future<Void> latency = latencyMillis > 0 ? vertx.timer(latencyMillis).mapEmpty() : Future.succeededFuture();
    return latency.map(done -> {
      LOG.info("mock reward {}: {} {} x{} to {} in {} (claim {})", fails ? "failed" : "granted",
          grant.reward().type(), grant.reward().rewardId(), grant.reward().quantity(), grant.userId(),
          grant.namespace(), grant.claimId());
      return fails
          ? new GrantResult.Failed(GrantFailure.RETRYABLE_EXHAUSTED, "reward service unavailable (mock failure)", 1)
          : new GrantResult.Granted(1);
    });
  }
}
