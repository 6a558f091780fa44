package dev.challengesuite.rewards;

import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.reward.GrantResult;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Grants by reward type and outcome with their duration ({@code challenge.rewards.grant}) and the
 * HTTP attempts each took ({@code challenge.rewards.attempts}).
 */
public final class MicrometerRewardMetrics implements RewardMetrics {

  private final MeterRegistry registry;

  public MicrometerRewardMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void grantFinished(RewardType type, GrantResult result, long nanos) {
    String outcome = RewardMetrics.outcome(result);
    // Micrometer caches meters by id, so building on each grant (a rare event) costs a lookup
    Timer.builder("challenge.rewards.grant")
        .description("Reward grants by type and outcome, retries included")
        .tags("type", type.name(), "outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    DistributionSummary.builder("challenge.rewards.attempts")
        .description("HTTP attempts per reward grant")
        .tags("type", type.name())
        .register(registry)
        .record(result.attempts());
  }
}
