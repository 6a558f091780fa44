package dev.challengesuite.events;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.player.PlayerEvent;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;

/**
 * Validates AGS event messages and maps them to {@link PlayerEvent}s (reference §7.2): invalid
 * messages are rejected with INVALID_ARGUMENT; events for another namespace, with a negative
 * value, or that no goal listens to are acknowledged and skipped.
 */
public final class EventMapper {

  /** Longest user id and event id accepted: the database columns' size. */
  static final int MAX_ID_LENGTH = 100;

  public static final String LOGIN = "login";
  public static final String STATISTIC = "statistic";

  private final String namespace;
  private final CatalogIndex catalog;

  public EventMapper(String namespace, CatalogIndex catalog) {
    this.namespace = namespace;
    this.catalog = catalog;
  }

  public EventDecision login(UserLoggedIn message) {
    requireId("userId", message.getUserId());
    requireIdLength("id", message.getId());
    if (!namespace.equals(message.getNamespace())) {
      return new EventDecision.Skip(LOGIN, "namespace_mismatch");
    }
    if (catalog.loginGoals().isEmpty()) {
      return new EventDecision.Skip(LOGIN, "no_matching_goal");
    }
    return new EventDecision.Apply(LOGIN, new PlayerEvent.Login(message.getId(), message.getUserId()));
  }

  public EventDecision statistic(StatItemUpdated message) {
    requireId("userId", message.getUserId());
    requireIdLength("id", message.getId());
    if (!message.hasPayload()) {
      throw ChallengeException.invalid("payload cannot be nil");
    }
    StatItem payload = message.getPayload();
    if (payload.getStatCode().isEmpty()) {
      throw ChallengeException.invalid("statCode cannot be empty");
    }
    requireIdLength("statCode", payload.getStatCode());
    int value = truncate("payload.latestValue", payload.getLatestValue());
    int inc = truncate("payload.inc", payload.getInc());
    if (!namespace.equals(message.getNamespace())) {
      return new EventDecision.Skip(STATISTIC, "namespace_mismatch");
    }
    if (catalog.statisticGoals(payload.getStatCode()).isEmpty()) {
      return new EventDecision.Skip(STATISTIC, "no_matching_goal");
    }
    if (value < 0) {
      return new EventDecision.Skip(STATISTIC, "negative_value");
    }
    return new EventDecision.Apply(
        STATISTIC, new PlayerEvent.Stat(message.getId(), message.getUserId(), payload.getStatCode(), value, inc));
  }

  /** Toward zero, saturating at the int range (DECISIONS: values above int32 saturate). */
  static int truncate(String field, double value) {
    if (Double.isNaN(value)) {
      throw ChallengeException.invalid(field + " must be a number");
    }
    return (int) value; // Java's narrowing truncates toward zero and saturates, infinities included
  }

  private static void requireId(String field, String value) {
    if (value.isEmpty()) {
      throw ChallengeException.invalid(field + " cannot be empty");
    }
    requireIdLength(field, value);
  }

  /** Also refuses control characters: PostgreSQL cannot store NUL, and none belongs in an id. */
  private static void requireIdLength(String field, String value) {
    if (value.length() > MAX_ID_LENGTH) {
      throw ChallengeException.invalid(field + " must be at most " + MAX_ID_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw ChallengeException.invalid(field + " must not contain control characters");
      }
    }
  }
}
