package dev.challengesuite.rewards;

import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.reward.GrantResult;

/**
 * What the rewards verticle reports per grant. Micrometer is optional for this module, so the
 * verticle sees only this interface; {@link MicrometerRewardMetrics} is the real one.
 */
public interface RewardMetrics {

  RewardMetrics NONE = (type, result, nanos) -> {};

  void grantFinished(RewardType type, GrantResult result, long nanos);

  /** The outcome tag of a result: {@code granted}, {@code retryable_exhausted} or {@code rejected}. */
  static String outcome(GrantResult result) {
    return switch (result) {
      case GrantResult.Granted granted -> "granted";
      case GrantResult.Failed failed -> failed.failure().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
