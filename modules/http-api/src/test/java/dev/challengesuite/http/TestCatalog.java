package dev.challengesuite.http;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.time.Schedule;
import java.util.List;

/**
 * A small catalog covering what rendering cares about. Catalog order: winter (kill-snowmen,
 * tricky), daily (daily-login, a-goal). Initialize order: daily/a-goal, daily/daily-login,
 * winter/kill-snowmen, winter/tricky.
 */
public final class TestCatalog {

  public static final String TRICKY_NAME = "Say \"hi\" \\ to ☃ and 😀\u0001\n";

  private TestCatalog() {}

  public static CatalogIndex index() {
    return new CatalogIndex(catalog(), "hash-of-test-catalog");
  }

  /** The catalog with its one rotating goal made fixed: lists do not follow the clock, so they are cached. */
  public static CatalogIndex fixedIndex() {
    List<Challenge> challenges = catalog().challenges().stream()
        .map(challenge -> new Challenge(challenge.id(), challenge.name(), challenge.description(),
            challenge.goals().stream()
                .map(goal -> new Goal(goal.id(), goal.name(), goal.description(),
                    goal.challengeId(), goal.eventSource(), goal.defaultAssigned(),
                    goal.requirement(), goal.reward(), goal.prerequisites(), null))
                .toList()))
        .toList();
    return new CatalogIndex(new Catalog(challenges), "fixed");
  }

  public static Catalog catalog() {
    Goal killSnowmen = new Goal("kill-snowmen", "Kill 10 Snowmen", "Defeat 10 snowmen", "winter",
        EventSource.STATISTIC, true,
        new Requirement("snowmen_killed", ">=", 10, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "sword", 1), List.of(), null);
    Goal tricky = new Goal("tricky", TRICKY_NAME, "", "winter", EventSource.STATISTIC, false,
        new Requirement("tricks", ">=", 3, ProgressMode.RELATIVE),
        new Reward(RewardType.WALLET, "GOLD", 50), List.of("kill-snowmen"), null);
    Goal dailyLogin = new Goal("daily-login", "Daily Login", "Log in today", "daily",
        EventSource.LOGIN, true, new Requirement("login", ">=", 1, ProgressMode.ABSOLUTE),
        new Reward(RewardType.WALLET, "GEMS", 5), List.of(),
        new Rotation(Schedule.DAILY, true, true));
    Goal aGoal = new Goal("a-goal", "A Goal", "First by id", "daily", EventSource.STATISTIC, false,
        new Requirement("kills", ">=", 7, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "shield", 2), List.of(), null);
    return new Catalog(List.of(
        new Challenge("winter", "Winter Challenge", "Complete winter-themed goals",
            List.of(killSnowmen, tricky)),
        new Challenge("daily", "Daily", "", List.of(dailyLogin, aGoal))));
  }
}
