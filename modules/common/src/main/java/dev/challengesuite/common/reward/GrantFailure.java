package dev.challengesuite.common.reward;

/** Why a reward grant failed; the claim flow words the client message from it. */
public enum GrantFailure {
  /**
   * Every attempt met a retryable failure (timeout, connection error, 408, 429, 5xx) until the
   * attempts or the time budget ran out. This does not prove that nothing was granted: an attempt
   * that timed out may have been applied by the platform.
   */
  RETRYABLE_EXHAUSTED,
  /**
   * The platform refused the grant (a 4xx other than 408/429, or 401 again after a fresh token),
   * or the grant was invalid before sending. Nothing was granted; retrying unchanged will not help.
   */
  REJECTED
}
