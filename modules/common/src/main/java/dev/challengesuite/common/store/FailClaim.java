package dev.challengesuite.common.store;

import java.time.Instant;

/**
 * Reply: {@code Boolean}, whether the claim changed. Records that the grant sent with {@code
 * claimId} certainly failed ({@code pending → failed}), so that a later claim may send it again. A
 * claim no longer pending with that id (settled meanwhile) is left alone.
 */
public record FailClaim(
    String userId, String goalId, String periodKey, String claimId, Instant at) {}
