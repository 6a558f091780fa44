package dev.challengesuite.common.error;

/**
 * The one domain exception: a code from {@link ErrorCode} and a message that is safe to show to
 * clients (never SQL or stack traces).
 */
public final class ChallengeException extends RuntimeException {

  private final ErrorCode code;

  public ChallengeException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ChallengeException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static ChallengeException invalid(String message) {
    return new ChallengeException(ErrorCode.INVALID_ARGUMENT, message);
  }

  public static ChallengeException notFound(String message) {
    return new ChallengeException(ErrorCode.NOT_FOUND, message);
  }

  public static ChallengeException unavailable(String message, Throwable cause) {
    return new ChallengeException(ErrorCode.UNAVAILABLE, message, cause);
  }

  public static ChallengeException internal(String message, Throwable cause) {
    return new ChallengeException(ErrorCode.INTERNAL, message, cause);
  }
}
