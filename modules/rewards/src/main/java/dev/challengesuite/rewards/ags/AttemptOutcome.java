package dev.challengesuite.rewards.ags;

/** How one attempt at a grant ended. */
sealed interface AttemptOutcome {

  record Accepted() implements AttemptOutcome {}

  /** Worth another attempt; {@code cause} is for the log only. */
  record Retryable(String cause) implements AttemptOutcome {}

  /** Final; {@code message} is neutral and safe to show. */
  record Rejected(String message) implements AttemptOutcome {}
}
