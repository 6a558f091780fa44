package dev.challengesuite.rewards.ags;

import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** A fake AGS, a real client pointed at it with short timings, and a wall clock the test moves. */
final class AgsClientHarness {

  static final String NAMESPACE = "test-ns";

  /**
   * The standard shape (4 attempts, doubling waits, one budget) with short waits. The attempt
   * timeout stays at 1 s: a cold JVM on a busy machine can take several hundred ms for its first
   * request, which must not count as a failed attempt.
   */
  static final RetryPolicy FAST = new RetryPolicy(
      4, Duration.ofMillis(20), Duration.ofMillis(80), 0.2, Duration.ofSeconds(1), Duration.ofSeconds(5));

  final FakeAgsServer ags;
  final AtomicLong wallClock = new AtomicLong(1_700_000_000_000L);
  final AgsRewardClient client;

  AgsClientHarness(Vertx vertx) {
    this(vertx, FAST);
  }

  AgsClientHarness(Vertx vertx, RetryPolicy policy) {
    this.ags = FakeAgsServer.start(vertx).await();
    this.client = client(vertx, ags.settings(), policy);
  }

  AgsRewardClient client(Vertx vertx, AgsSettings settings, RetryPolicy policy) {
    return new AgsRewardClient(vertx, settings, policy, new Random(7), wallClock::get);
  }

  static RewardGrant item(String userId, String itemId, int quantity, String claimId) {
    return new RewardGrant(NAMESPACE, userId, new Reward(RewardType.ITEM, itemId, quantity), claimId);
  }

  static RewardGrant wallet(String userId, String currency, int amount, String claimId) {
    return new RewardGrant(NAMESPACE, userId, new Reward(RewardType.WALLET, currency, amount), claimId);
  }
}
