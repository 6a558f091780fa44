package dev.challengesuite.jmh;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import java.util.ArrayList;
import java.util.List;

/**
 * The load bench's catalog ({@code bench/.../data/BenchCatalog}) built as records: 10 challenges
 * × 50 goals, all default-assigned, absolute, no rotation, no prerequisites; in each challenge
 * every tenth goal is a login goal, the others spread over five stat codes, targets 1 to 1000.
 */
final class BenchCatalogs {

  static final List<String> STAT_CODES =
      List.of("enemy_kills", "login_count", "games_played", "headshots", "wins");
  private static final int[] TARGETS = {1, 3, 5, 10, 25, 50, 100, 250, 500, 1000};

  private BenchCatalogs() {}

  static CatalogIndex standard() {
    return of(10, 50);
  }

  static CatalogIndex of(int challengeCount, int goalsPerChallenge) {
    List<Challenge> challenges = new ArrayList<>();
    for (int c = 1; c <= challengeCount; c++) {
      String challengeId = "bench-challenge-%02d".formatted(c);
      List<Goal> goals = new ArrayList<>();
      int statisticIndex = 0;
      for (int g = 1; g <= goalsPerChallenge; g++) {
        boolean login = g % 10 == 0;
        String statCode =
            login ? "login_count" : STAT_CODES.get(statisticIndex++ % STAT_CODES.size());
        int target = TARGETS[(g - 1) % TARGETS.length];
        String goalId = "bench-c%02d-g%02d".formatted(c, g);
        Reward reward = g % 2 == 0
            ? new Reward(RewardType.WALLET, "COINS", 10)
            : new Reward(RewardType.ITEM, "bench-item", 1);
        String description = (login ? "Log in " : "Reach ") + target + " " + statCode;
        goals.add(new Goal(goalId, "Goal " + goalId, description, challengeId,
            login ? EventSource.LOGIN : EventSource.STATISTIC, true,
            new Requirement(statCode, ">=", target, ProgressMode.ABSOLUTE), reward, List.of(),
            null));
      }
      challenges.add(new Challenge(challengeId, "Benchmark " + "%02d".formatted(c),
          "Generated for load tests.", goals));
    }
    return new CatalogIndex(new Catalog(challenges), "bench-jmh");
  }
}
