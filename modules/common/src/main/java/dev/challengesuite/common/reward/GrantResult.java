package dev.challengesuite.common.reward;

import java.util.Objects;

/**
 * The outcome of a reward grant. Failures are values, not exceptions, so that their
 * classification survives the event bus; a failed future means the rewards service did not answer.
 */
public sealed interface GrantResult {

  /** HTTP attempts made (0 when the grant was refused before sending). */
  int attempts();

  /** The platform accepted the grant. */
  record Granted(int attempts) implements GrantResult {}

  /**
   * The grant failed.
   *
   * @param message neutral and safe to show (no platform response text); the caller adds context
   *     such as the goal id
   */
  record Failed(GrantFailure failure, String message, int attempts) implements GrantResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(message, "message");
    }
  }
}
