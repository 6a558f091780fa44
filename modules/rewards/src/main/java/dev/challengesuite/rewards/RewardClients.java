package dev.challengesuite.rewards;

import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.RewardsConfig;
import dev.challengesuite.rewards.ags.AgsRewardClient;
import dev.challengesuite.rewards.ags.AgsSettings;
import dev.challengesuite.rewards.ags.RetryPolicy;
import io.vertx.core.Vertx;
import java.util.Random;

/** Picks the reward client named by {@code rewards.mode} ({@code REWARD_CLIENT_MODE}). */
public final class RewardClients {

  private RewardClients() {}

  public static RewardClient fromConfig(Vertx vertx, AppConfig config) {
    RewardsConfig rewards = config.rewards();
    return switch (rewards.mode()) {
      case "real" -> new AgsRewardClient(vertx, AgsSettings.from(config), RetryPolicy.STANDARD);
      case "mock" -> new MockRewardClient(vertx, rewards.mockLatencyMillis(), rewards.mockFailureRate(), new Random());
      default -> throw new IllegalArgumentException("unknown rewards.mode: " + rewards.mode());
    };
  }
}
