package dev.challengesuite.common.reward;

/** Why a reward grant failed; the claim flow words the client message from it. */
public enum GrantFailure {
  /**
   * Every attempt met a failure that proves nothing was applied (no connection, no token, 408, 429,
   * 500, 503, ...) until the attempts or the time budget ran out. Nothing was granted; a later
   * claim may try again.
   */
  RETRYABLE_EXHAUSTED,
  /**
   * An attempt may have reached the platform without an answer that says what happened (timeout or
   * broken connection after the request was sent, 502/504 from a gateway). It was not retried, as
   * the platform has no idempotency key: the reward may or may not have been granted.
   */
  OUTCOME_UNKNOWN,
  /**
   * The platform refused the grant (a 4xx other than 408/429, or 401 again after a fresh token),
   * or the grant was invalid before sending. Nothing was granted; retrying unchanged will not help.
   */
  REJECTED
}
