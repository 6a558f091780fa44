package dev.challengesuite.rewards.ags;

import static dev.challengesuite.rewards.ags.AgsClientHarness.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class RetryBehaviourTest {

  private AgsClientHarness harness;
  private FakeAgsServer ags;
  private AgsRewardClient client;

  @BeforeEach
  void start(Vertx vertx) {
    harness = new AgsClientHarness(vertx);
    ags = harness.ags;
    client = harness.client;
  }

  @AfterEach
  void stop() {
    client.close();
    ags.close().await();
  }

  @Test
  @DisplayName("a 503 is retried and the reward is granted exactly once")
  void retries503() {
    ags.failNext(1, 503);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(2));
    assertThat(ags.platformRequestCount()).isEqualTo(2);
    ags.assertGrantedExactlyOnce("c1");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 429, 500, 503})
  @DisplayName("timeouts, rate limits and server errors are retried")
  void retriesRetryableStatuses(int status) {
    ags.failNext(1, status);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(2));
    ags.assertGrantedExactlyOnce("c1");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 403, 404, 409, 422})
  @DisplayName("client errors are final after one request: REJECTED with the status")
  void doesNotRetryClientErrors(int status) {
    ags.failNext(1, status);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.REJECTED, "reward grant rejected by the platform (HTTP " + status + ")", 1));
    assertThat(ags.platformRequestCount()).isEqualTo(1);
    assertThat(ags.grants()).isEmpty();
  }

  @Test
  @DisplayName("after 4 failed attempts the grant gives up as RETRYABLE_EXHAUSTED")
  void givesUpAfterFourAttempts() {
    ags.failNext(10, 500);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.RETRYABLE_EXHAUSTED, "reward service unavailable after 4 attempts", 4));
    assertThat(ags.platformRequestCount()).isEqualTo(4);
    assertThat(ags.grants()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {502, 504})
  @DisplayName("a gateway error says nothing about the grant: not retried, outcome unknown")
  void gatewayErrorsAreUncertain(int status) {
    ags.failNext(1, status);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.OUTCOME_UNKNOWN, "reward service did not confirm the grant", 1));
    assertThat(ags.platformRequestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a request the Platform never answers is cut at the attempt timeout and not retried: outcome unknown")
  void hangingRequestIsNotRetried() {
    ags.hangNext(1);
    long start = System.nanoTime();

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.OUTCOME_UNKNOWN, "reward service did not confirm the grant", 1));
    assertThat(elapsedMillis).isBetween(1_000L, 2_000L);
    assertThat(ags.platformRequestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("an IAM that never answers is retried and given up within the total budget")
  void boundedByBudget(Vertx vertx) {
    RetryPolicy policy = new RetryPolicy(
        4, Duration.ofMillis(50), Duration.ofMillis(200), 0.2, Duration.ofMillis(300), Duration.ofMillis(800));
    AgsRewardClient bounded = harness.client(vertx, ags.settings(), policy);
    ags.hangNextTokenRequests(10);
    long start = System.nanoTime();

    GrantResult result = bounded.grant(item("alice", "sword", 1, "c1")).await();

    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result).isInstanceOfSatisfying(GrantResult.Failed.class,
        failed -> assertThat(failed.failure()).isEqualTo(GrantFailure.RETRYABLE_EXHAUSTED));
    assertThat(result.attempts()).isLessThan(4);
    assertThat(elapsedMillis).isBetween(600L, 1_500L);
    bounded.close();
  }

  @Test
  @DisplayName("a grant that landed but answered too late is not sent again: granted once, outcome unknown")
  void lateAnswerIsNotSentAgain() {
    ags.delayNext(1, 1_500); // longer than the 1 s attempt timeout

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    // AGS has no idempotency key for these endpoints: a retry here would grant twice
    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.OUTCOME_UNKNOWN, "reward service did not confirm the grant", 1));
    ags.assertGrantedExactlyOnce("c1");
    assertThat(ags.platformRequestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a hanging IAM token request counts as a failed attempt and is retried")
  void retriesHangingTokenRequest() {
    ags.hangNextTokenRequests(1);

    GrantResult result = client.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Granted(2));
    assertThat(ags.tokenRequestCount()).isEqualTo(2);
    ags.assertGrantedExactlyOnce("c1");
  }

  @Test
  @DisplayName("a refused connection is retried, then given up as RETRYABLE_EXHAUSTED")
  void retriesRefusedConnection(Vertx vertx) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AgsSettings nowhere = new AgsSettings(ags.baseUrl(), "http://127.0.0.1:" + closedPort,
        FakeAgsServer.CLIENT_ID, FakeAgsServer.CLIENT_SECRET);
    AgsRewardClient unreachable = harness.client(vertx, nowhere, AgsClientHarness.FAST);

    GrantResult result = unreachable.grant(item("alice", "sword", 1, "c1")).await();

    assertThat(result).isEqualTo(new GrantResult.Failed(
        GrantFailure.RETRYABLE_EXHAUSTED, "reward service unavailable after 4 attempts", 4));
    unreachable.close();
  }
}
