package dev.challengesuite.cache.player;

import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.Future;

/**
 * Where a partition sends reward grants ({@code RewardsClient} in production). The future fails
 * only when nobody answered; then the grant's outcome is unknown unless nobody was listening.
 */
@FunctionalInterface
public interface RewardGranter {

  Future<GrantResult> grant(RewardGrant grant);
}
