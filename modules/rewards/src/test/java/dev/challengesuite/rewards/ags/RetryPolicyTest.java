package dev.challengesuite.rewards.ags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.reward.RewardsClient;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  private final RetryPolicy standard = RetryPolicy.STANDARD;

  @Test
  @DisplayName("without jitter the waits are 500 ms, 1 s, 2 s and stay at 2 s")
  void backoff() {
    assertThat(standard.delayMillis(1, 0.5)).isEqualTo(500);
    assertThat(standard.delayMillis(2, 0.5)).isEqualTo(1_000);
    assertThat(standard.delayMillis(3, 0.5)).isEqualTo(2_000);
    assertThat(standard.delayMillis(4, 0.5)).isEqualTo(2_000);
  }

  @Test
  @DisplayName("jitter spreads each wait within plus or minus 20 percent")
  void jitter() {
    assertThat(standard.delayMillis(2, 0.0)).isEqualTo(800);
    assertThat(standard.delayMillis(2, 0.999_999)).isEqualTo(1_200);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  @DisplayName("timeouts, rate limits and 5xx are retryable")
  void retryable(int status) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isTrue();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 302, 400, 401, 403, 404, 409, 422})
  @DisplayName("other statuses are not retryable")
  void notRetryable(int status) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isFalse();
  }

  @Test
  @DisplayName("the bus timeout of RewardsClient outlasts the whole retry budget")
  void busTimeoutOutlastsBudget() {
    assertThat(RewardsClient.DEFAULT_TIMEOUT_MILLIS).isGreaterThan(standard.totalBudget().toMillis());
  }

  @Test
  @DisplayName("a budget shorter than one attempt is refused")
  void refusesInconsistentPolicy() {
    assertThatThrownBy(() -> new RetryPolicy(
        4, Duration.ofMillis(500), Duration.ofSeconds(2), 0.2, Duration.ofSeconds(3), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
