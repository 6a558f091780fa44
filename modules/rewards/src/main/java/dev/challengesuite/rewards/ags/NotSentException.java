package dev.challengesuite.rewards.ags;

/**
 * A grant attempt that failed before its request could reach the Platform (no token, no
 * connection, no time left): nothing can have been granted, so it is safe to try again.
 */
final class NotSentException extends Exception {

  NotSentException(Throwable cause) {
    super("not sent: " + cause, cause, false, false);
  }
}
