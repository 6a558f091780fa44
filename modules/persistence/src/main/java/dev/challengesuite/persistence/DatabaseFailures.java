package dev.challengesuite.persistence;

import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns database failures into the domain exception. Connection problems, timeouts, overload and
 * retryable conflicts are UNAVAILABLE (the caller may retry later); anything else is a server
 * fault (INTERNAL). Client-facing messages never carry SQL; the cause keeps it for the logs.
 */
final class DatabaseFailures {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

  /**
   * SQLSTATE classes that mean "not now" rather than "wrong": 08 connection exception, 28 bad
   * credentials, 3D unknown database, 40 serialization failure/deadlock, 53 insufficient
   * resources, 57 operator intervention (shutdown, cancel, statement timeout), 58 system error.
   */
  private static final Set<String> UNAVAILABLE_CLASSES =
      Set.of("08", "28", "3D", "40", "53", "57", "58");

  private DatabaseFailures() {}

  static <T> Future<T> failed(Throwable error) {
    return Future.failedFuture(toChallenge(error));
  }

  static ChallengeException toChallenge(Throwable error) {
    if (error instanceof ChallengeException challenge) {
      return challenge;
    }
    if (isUnavailable(error)) {
      LOG.warn("database unavailable: {}", error.toString());
      return ChallengeException.unavailable("database unavailable", error);
    }
    return ChallengeException.internal("Internal server error", error);
  }

  private static boolean isUnavailable(Throwable error) {
    if (error instanceof DatabaseException database) {
      String state = database.getSqlState();
      return state != null && state.length() >= 2
          && UNAVAILABLE_CLASSES.contains(state.substring(0, 2));
    }
    // Vert.x reports closed connections, pool exhaustion and connect failures as VertxException
    // (or IOException causes); our own bugs surface as NPE, IllegalArgumentException, ...
    return error instanceof TimeoutException
        || error instanceof IOException
        || error instanceof VertxException;
  }
}
