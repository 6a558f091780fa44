package dev.challengesuite.http;

import dev.challengesuite.common.error.ChallengeException;
import io.vertx.ext.web.RoutingContext;

/**
 * Challenge and goal ids from the path, URL-decoded. Catalog ids are short, so anything longer
 * than {@link #MAX_LENGTH} characters is refused before it reaches a lookup or an error message.
 */
final class PathIds {

  static final int MAX_LENGTH = 100;

  private PathIds() {}

  static String challengeId(RoutingContext ctx) {
    return id(ctx, "challengeId", "challenge_id");
  }

  static String goalId(RoutingContext ctx) {
    return id(ctx, "goalId", "goal_id");
  }

  /** @param wireName the reference's name of the field, used in messages */
  private static String id(RoutingContext ctx, String param, String wireName) {
    String value = ctx.pathParam(param);
    if (value == null || value.isEmpty()) {
      throw ChallengeException.invalid(wireName + " is required");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw ChallengeException.invalid(
          wireName + " must be at most " + MAX_LENGTH + " characters");
    }
    return value;
  }
}
