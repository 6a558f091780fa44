package dev.challengesuite.common.error;

/**
 * Every error the service reports, with the gRPC code that goes in the JSON envelope's
 * {@code code} (and in gRPC statuses) and the HTTP status (reference §2.2, DECISIONS.md).
 */
public enum ErrorCode {
  CANCELLED(1, 499),
  INVALID_ARGUMENT(3, 400),
  DEADLINE_EXCEEDED(4, 504),
  NOT_FOUND(5, 404),
  ALREADY_EXISTS(6, 409),
  PERMISSION_DENIED(7, 403),
  RESOURCE_EXHAUSTED(8, 429),
  /** Request body over the size limit: gRPC code 8 like the reference, HTTP 413. */
  PAYLOAD_TOO_LARGE(8, 413),
  FAILED_PRECONDITION(9, 400),
  ABORTED(10, 409),
  OUT_OF_RANGE(11, 400),
  UNIMPLEMENTED(12, 501),
  /** A known path with the wrong method: gRPC code 12, HTTP 405. */
  METHOD_NOT_ALLOWED(12, 405),
  INTERNAL(13, 500),
  /**
   * A reward grant that certainly failed (reference §2.7): gRPC 13 and HTTP 500 like {@link
   * #INTERNAL}, but its message is ours and safe, so it is shown rather than replaced.
   */
  REWARD_GRANT_FAILED(13, 500, 1),
  UNAVAILABLE(14, 503),
  UNAUTHENTICATED(16, 401);

  private final int grpcCode;
  private final int httpStatus;
  /** Tells apart constants that share a gRPC code and an HTTP status (0 for the first). */
  private final int variant;

  ErrorCode(int grpcCode, int httpStatus) {
    this(grpcCode, httpStatus, 0);
  }

  ErrorCode(int grpcCode, int httpStatus, int variant) {
    this.grpcCode = grpcCode;
    this.httpStatus = httpStatus;
    this.variant = variant;
  }

  public int grpcCode() {
    return grpcCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The failure code used on the event bus: unique per constant, stable across releases. */
  public int busCode() {
    return variant * 100_000 + httpStatus * 100 + grpcCode;
  }

  /** The constant with this {@link #busCode()}, or null. */
  public static ErrorCode fromBusCode(int busCode) {
    for (ErrorCode code : values()) {
      if (code.busCode() == busCode) {
        return code;
      }
    }
    return null;
  }
}
