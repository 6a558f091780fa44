package dev.challengesuite.common.reward;

import dev.challengesuite.common.catalog.Reward;
import java.util.Objects;

/**
 * A request to grant one goal's reward to one player.
 *
 * @param namespace the AGS namespace of the player and of the item or currency
 * @param userId the player
 * @param reward what to grant (from the catalog)
 * @param claimId a stable id of this claim's attempt series, for example
 *     {@code <userId>:<goalId>:<periodStart>}: the same for every retry of the same claim, so that
 *     the grants AGS records can be traced back and reconciled
 */
public record RewardGrant(String namespace, String userId, Reward reward, String claimId) {

  public RewardGrant {
    requireText(namespace, "namespace");
    requireText(userId, "userId");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(reward.type(), "reward.type");
    requireText(claimId, "claimId");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
