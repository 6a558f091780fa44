package dev.challengesuite.http.auth;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Auth off (DECISIONS.md "Auth"): the player is the {@code x-mock-user-id} header. There is no
 * default user; ids the store could not hold sensibly are refused.
 */
public final class MockUserHeader implements PlayerIdentity {

  public static final String HEADER = "x-mock-user-id";
  public static final int MAX_LENGTH = 100;

  private static final ChallengeException MISSING =
      new ChallengeException(ErrorCode.UNAUTHENTICATED, "missing " + HEADER + " header");
  private static final ChallengeException INVALID =
      ChallengeException.invalid(
          "invalid " + HEADER + " header: at most " + MAX_LENGTH
              + " characters, no control characters");

  @Override
  public Future<String> userId(RoutingContext ctx) {
    String userId = ctx.request().getHeader(HEADER);
    if (userId == null || userId.isEmpty()) {
      return Future.failedFuture(MISSING);
    }
    if (userId.length() > MAX_LENGTH || hasControlCharacter(userId)) {
      return Future.failedFuture(INVALID);
    }
    return Future.succeededFuture(userId);
  }

  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
