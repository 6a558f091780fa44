package dev.challengesuite.common.store;

/**
 * Part of a {@link PlayerWrite}: the claim sent with {@code claimId} is granted ({@code pending →
 * granted}), committed in the same transaction as the goal's {@code claimed} state. A claim no
 * longer pending with that id is left alone.
 *
 * @param verified the reward service confirmed the grant (false: settled without an answer)
 */
public record ClaimGranted(String goalId, String periodKey, String claimId, boolean verified) {}
