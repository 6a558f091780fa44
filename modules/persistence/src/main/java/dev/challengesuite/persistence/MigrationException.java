package dev.challengesuite.persistence;

/** The schema cannot be brought up to date; startup must stop with this message. */
public final class MigrationException extends RuntimeException {

  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
