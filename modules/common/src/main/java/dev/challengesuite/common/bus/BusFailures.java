package dev.challengesuite.common.bus;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link ChallengeException}s across the event bus: a consumer fails a message with the
 * code's {@link ErrorCode#busCode()}, the requester turns the reply back into the same exception.
 */
public final class BusFailures {

  private static final Logger LOG = LoggerFactory.getLogger(BusFailures.class);

  private BusFailures() {}

  /** Fails {@code message} with {@code error}; unexpected errors become INTERNAL and are logged. */
  public static void fail(Message<?> message, Throwable error) {
    ChallengeException failure = toChallenge(error);
    if (failure.code() == ErrorCode.INTERNAL) {
      LOG.error("request to {} failed", message.address(), error);
    }
    message.fail(failure.code().busCode(), failure.getMessage());
  }

  /**
   * The {@link ChallengeException} a bus failure stands for: our own codes map back; timeouts and
   * missing consumers are UNAVAILABLE (the service is overloaded or starting); anything else is
   * INTERNAL with a message that reveals nothing.
   */
  public static ChallengeException toChallenge(Throwable error) {
    if (error instanceof ChallengeException challenge) {
      return challenge;
    }
    if (error instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        ErrorCode code = ErrorCode.fromBusCode(reply.failureCode());
        if (code != null) {
          return new ChallengeException(code, reply.getMessage());
        }
      } else {
        return ChallengeException.unavailable("service temporarily unavailable", reply);
      }
    }
    return ChallengeException.internal("Internal server error", error);
  }
}
