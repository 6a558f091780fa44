package dev.challengesuite.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.config.RewardsConfig;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.common.reward.RewardsClient;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RewardVerticleTest {

  private static final RewardGrant GRANT =
      new RewardGrant("test-ns", "alice", new Reward(RewardType.WALLET, "GOLD", 50), "alice:g1:-");

  private RewardsClient rewards;

  @BeforeEach
  void setUp(Vertx vertx) {
    LocalCodec.register(vertx);
    rewards = new RewardsClient(vertx, 5_000);
  }

  private static AppConfig config(String mode, String agsUrl, String secret) {
    return new AppConfig("test-ns", "unused", 0, null, null, null, null, null, null,
        new AuthConfig(false, agsUrl, FakeAgsServer.CLIENT_ID, secret, 600),
        new RewardsConfig(mode, agsUrl, 0, 0.0));
  }

  private static Throwable failureOf(Future<?> future) {
    return future.transform(Future::succeededFuture).await().cause();
  }

  @Test
  @DisplayName("in real mode a grant sent over the bus reaches AGS once and the result comes back")
  void grantsThroughAgs(Vertx vertx) {
    FakeAgsServer ags = FakeAgsServer.start(vertx).await();
    vertx.deployVerticle(new RewardVerticle(config("real", ags.baseUrl(), FakeAgsServer.CLIENT_SECRET),
        RewardMetrics.NONE)).await();

    GrantResult result = rewards.grant(GRANT).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(1));
    assertThat(ags.assertGrantedExactlyOnce("alice:g1:-").rewardId()).isEqualTo("GOLD");
  }

  @Test
  @DisplayName("in real mode the deployment fails when IAM refuses the credentials")
  void refusesBadCredentials(Vertx vertx) {
    FakeAgsServer ags = FakeAgsServer.start(vertx).await();

    Throwable failure = failureOf(vertx.deployVerticle(
        new RewardVerticle(config("real", ags.baseUrl(), "wrong"), RewardMetrics.NONE)));

    assertThat(failure).hasMessageContaining("IAM rejected the client credentials");
  }

  @Test
  @DisplayName("in mock mode a grant succeeds without any AGS")
  void mockMode(Vertx vertx) {
    vertx.deployVerticle(new RewardVerticle(config("mock", "", ""), RewardMetrics.NONE)).await();

    assertThat(rewards.grant(GRANT).await()).isEqualTo(new GrantResult.Granted(1));
  }

  @Test
  @DisplayName("a classified failure crosses the bus as a reply, classification and message intact")
  void failureIsAReply(Vertx vertx) {
    GrantResult.Failed rejected = new GrantResult.Failed(GrantFailure.REJECTED, "reward grant rejected (HTTP 404)", 1);
    vertx.deployVerticle(new RewardVerticle(v -> grant -> Future.succeededFuture(rejected), RewardMetrics.NONE))
        .await();

    assertThat(rewards.grant(GRANT).await()).isEqualTo(rejected);
  }

  @Test
  @DisplayName("a defect in the client fails the request as INTERNAL without its text")
  void defectIsInternal(Vertx vertx) {
    vertx.deployVerticle(new RewardVerticle(
        v -> grant -> Future.failedFuture(new IllegalStateException("secret detail")), RewardMetrics.NONE)).await();

    Throwable failure = failureOf(rewards.grant(GRANT));

    assertThat(failure).isInstanceOfSatisfying(ChallengeException.class, error -> {
      assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(error.getMessage()).doesNotContain("secret detail");
    });
  }

  @Test
  @DisplayName("with no rewards verticle the request fails as UNAVAILABLE")
  void noVerticle() {
    Throwable failure = failureOf(rewards.grant(GRANT));

    assertThat(failure).isInstanceOfSatisfying(ChallengeException.class,
        error -> assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  @DisplayName("undeploying lets a grant in flight finish and answer")
  void drainsOnStop(Vertx vertx) {
    String id = vertx.deployVerticle(new RewardVerticle(
        v -> new MockRewardClient(v, 300, 0.0, new Random(1)), RewardMetrics.NONE)).await();

    Future<GrantResult> inFlight = rewards.grant(GRANT);
    vertx.timer(50).compose(waited -> vertx.undeploy(id)).await();

    assertThat(inFlight.isComplete()).isTrue();
    assertThat(inFlight.result()).isEqualTo(new GrantResult.Granted(1));
  }

  @Test
  @DisplayName("each grant is timed and counted by reward type and outcome")
  void metrics(Vertx vertx) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    vertx.deployVerticle(new RewardVerticle(v -> new MockRewardClient(v, 0, 1.0, new Random(1)),
        new MicrometerRewardMetrics(registry))).await();

    rewards.grant(GRANT).await();

    assertThat(registry.get("challenge.rewards.grant")
        .tags("type", "WALLET", "outcome", "retryable_exhausted").timer().count()).isEqualTo(1);
    assertThat(registry.get("challenge.rewards.attempts").tags("type", "WALLET").summary().totalAmount())
        .isEqualTo(1.0);
  }
}
