package dev.challengesuite.common.store;

/**
 * Reply to {@link BeginClaim}.
 *
 * @param owned true when this call made the claim {@code pending} (insert, or {@code failed →
 *     pending}): the caller, and no one else, may now send the grant, once, with {@code
 *     record.claimId()}
 * @param record the claim after the call
 */
public record ClaimStart(boolean owned, ClaimRecord record) {}
