package dev.challengesuite.rewards.ags;

/** How one attempt at a grant ended. */
sealed interface AttemptOutcome {

  record Accepted() implements AttemptOutcome {}

  /** Nothing was applied and it is worth another attempt; {@code cause} is for the log only. */
  record Retryable(String cause) implements AttemptOutcome {}

  /**
   * The request may have been applied without an answer saying so (timeout or broken connection
   * after sending, 502/504 from a gateway). Final: sending it again could grant twice.
   */
  record Uncertain(String cause) implements AttemptOutcome {}

  /** Final; {@code message} is neutral and safe to show. */
  record Rejected(String message) implements AttemptOutcome {}
}
