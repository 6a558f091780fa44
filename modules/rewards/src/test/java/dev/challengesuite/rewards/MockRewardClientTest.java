package dev.challengesuite.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MockRewardClientTest {

  private static RewardGrant grant(int i) {
    return new RewardGrant("test-ns", "user-" + i, new Reward(RewardType.ITEM, "sword", 1), "claim-" + i);
  }

  private static List<GrantResult> grantMany(MockRewardClient client, int count) {
    return Future.all(IntStream.range(0, count).mapToObj(i -> client.grant(grant(i))).toList())
        .await().<GrantResult>list();
  }

  @Test
  @DisplayName("with no latency and no failure rate every grant succeeds at once")
  void succeedsImmediately(Vertx vertx) {
    Future<GrantResult> result = new MockRewardClient(vertx, 0, 0.0, new Random(1)).grant(grant(1));

    assertThat(result.isComplete()).isTrue();
    assertThat(result.result()).isEqualTo(new GrantResult.Granted(1));
  }

  @Test
  @DisplayName("the configured latency delays the answer without blocking the caller")
  void latency(Vertx vertx) {
    MockRewardClient client = new MockRewardClient(vertx, 200, 0.0, new Random(1));
    long start = System.nanoTime();

    Future<GrantResult> result = client.grant(grant(1));
    long returnedAfterMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.isComplete()).isFalse();
    GrantResult answer = result.await();

    assertThat(returnedAfterMillis).isLessThan(100);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(195);
    assertThat(answer).isEqualTo(new GrantResult.Granted(1));
  }

  @Test
  @DisplayName("a failure rate of 1 fails every grant as RETRYABLE_EXHAUSTED")
  void alwaysFails(Vertx vertx) {
    List<GrantResult> results = grantMany(new MockRewardClient(vertx, 0, 1.0, new Random(1)), 20);

    assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(GrantResult.Failed.class,
        failed -> assertThat(failed.failure()).isEqualTo(GrantFailure.RETRYABLE_EXHAUSTED)));
  }

  @Test
  @DisplayName("a seeded random makes the failures of a failure rate reproducible")
  void seededFailureRate(Vertx vertx) {
    List<GrantResult> results = grantMany(new MockRewardClient(vertx, 0, 0.3, new Random(42)), 1_000);

    Random same = new Random(42);
    List<Boolean> expectedFailures = IntStream.range(0, 1_000).mapToObj(i -> same.nextDouble() < 0.3).toList();
    assertThat(results.stream().map(result -> result instanceof GrantResult.Failed).toList())
        .isEqualTo(expectedFailures);
    assertThat(expectedFailures.stream().filter(failed -> failed).count()).isBetween(250L, 350L);
  }
}
