package dev.challengesuite.bench.data;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark catalog: {@code challenges × goalsPerChallenge} goals, all default-assigned, no
 * rotation, no prerequisites. In each challenge one goal in ten is a login goal (stat code
 * {@code login_count}); the others are statistic goals spread evenly over {@link #STAT_CODES}
 * (which include {@code login_count}, so a login and a statistic goal share that stat code, as
 * real catalogs do). Targets vary from 1 to 1000, so events complete goals all along a run.
 */
public final class BenchCatalog {

  public static final List<String> STAT_CODES =
      List.of("enemy_kills", "login_count", "games_played", "headshots", "wins");
  static final int[] TARGETS = {1, 3, 5, 10, 25, 50, 100, 250, 500, 1000};

  /** A goal of the catalog, as the REST paths name it. */
  public record GoalRef(String challengeId, String goalId, boolean login) {}

  private final List<GoalRef> goals;
  private final int challenges;

  private BenchCatalog(int challenges, List<GoalRef> goals) {
    this.challenges = challenges;
    this.goals = goals;
  }

  /** 10 challenges × 50 goals: 500 default goals per player. */
  public static BenchCatalog standard() {
    return of(10, 50);
  }

  public static BenchCatalog of(int challenges, int goalsPerChallenge) {
    List<GoalRef> goals = new ArrayList<>();
    for (int c = 1; c <= challenges; c++) {
      for (int g = 1; g <= goalsPerChallenge; g++) {
        boolean login = g % 10 == 0;
        goals.add(new GoalRef(challengeId(c), "bench-c%02d-g%02d".formatted(c, g), login));
      }
    }
    return new BenchCatalog(challenges, List.copyOf(goals));
  }

  private static String challengeId(int c) {
    return "bench-challenge-%02d".formatted(c);
  }

  public List<GoalRef> goals() {
    return goals;
  }

  public int challengeCount() {
    return challenges;
  }

  /** The catalog file, in the service's schema (reference §4.1). */
  public JsonObject toJson() {
    JsonArray challengeArray = new JsonArray();
    JsonArray currentGoals = null;
    String currentChallenge = null;
    int statisticIndex = 0;
    int goalIndex = 0;
    for (GoalRef goal : goals) {
      if (!goal.challengeId().equals(currentChallenge)) {
        currentChallenge = goal.challengeId();
        currentGoals = new JsonArray();
        statisticIndex = 0;
        goalIndex = 0;
        challengeArray.add(new JsonObject()
            .put("challengeId", currentChallenge)
            .put("name", "Benchmark " + currentChallenge.substring(currentChallenge.lastIndexOf('-') + 1))
            .put("description", "Generated for load tests.")
            .put("goals", currentGoals));
      }
      String statCode = goal.login() ? "login_count" : STAT_CODES.get(statisticIndex++ % STAT_CODES.size());
      int target = TARGETS[goalIndex++ % TARGETS.length];
      currentGoals.add(new JsonObject()
          .put("goalId", goal.goalId())
          .put("name", "Goal " + goal.goalId())
          .put("description", (goal.login() ? "Log in " : "Reach ") + target + " " + statCode)
          .put("eventSource", goal.login() ? "login" : "statistic")
          .put("defaultAssigned", true)
          .put("requirement", new JsonObject()
              .put("statCode", statCode)
              .put("operator", ">=")
              .put("targetValue", target)
              .put("progressMode", "absolute"))
          .put("reward", goalIndex % 2 == 0
              ? new JsonObject().put("type", "WALLET").put("rewardId", "COINS").put("quantity", 10)
              : new JsonObject().put("type", "ITEM").put("rewardId", "bench-item").put("quantity", 1))
          .put("prerequisites", new JsonArray()));
    }
    return new JsonObject().put("challenges", challengeArray);
  }

  /** Writes the catalog to a new temporary file and returns its path. */
  public Path writeTempFile() throws IOException {
    Path file = Files.createTempFile("bench-challenges-", ".json");
    Files.writeString(file, toJson().encodePrettily());
    file.toFile().deleteOnExit();
    return file;
  }
}
