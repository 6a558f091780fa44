package dev.challengesuite.common.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored claim of one (player, goal, rotation period), as far as the claim flow needs it.
 *
 * @param claimId sent to the reward service with this attempt's grant, e.g. {@code
 *     <user>:<goal>:<period>:<attempt>}; traces a grant back to its claim
 * @param attempts how many times a grant was (or is being) sent for this claim
 * @param verified the reward service confirmed the grant; false when it was settled without an
 *     answer (an operator may reconcile it with the platform by {@code claimId})
 * @param updatedAt the last transition (for a pending claim: when its grant was sent)
 * @param grantedAt when the claim became {@link ClaimState#GRANTED}; null before
 */
public record ClaimRecord(
    String claimId,
    ClaimState state,
    int attempts,
    boolean verified,
    Instant updatedAt,
    Instant grantedAt) {

  public ClaimRecord {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
