package dev.challengesuite.common.store;

import dev.challengesuite.common.catalog.Reward;
import java.time.Instant;

/**
 * Reply: {@link ClaimStart}. Inserts the claim of (user, goal, period) as {@code pending}, or moves
 * a {@code failed} one back to {@code pending} with one more attempt; either way the caller then
 * owns the grant. Any other existing claim is left as it is and returned.
 *
 * @param periodKey "" for goals that do not rotate, else the start of the rotation period claimed
 *     (ISO-8601, UTC)
 * @param claimIdPrefix the attempt number is appended to it to make the claim id
 * @param reward what will be granted, recorded with the claim
 */
public record BeginClaim(
    String userId,
    String goalId,
    String periodKey,
    String claimIdPrefix,
    Reward reward,
    Instant at) {}
