package dev.challengesuite.common.player;

import dev.challengesuite.common.catalog.Reward;
import java.time.Instant;

/**
 * A claimed goal's reward, once the claim is durable (reference §2.7).
 *
 * @param claimedAt the service's time when the claim was recorded
 */
public record ClaimOutcome(String goalId, Reward reward, Instant claimedAt) {}
