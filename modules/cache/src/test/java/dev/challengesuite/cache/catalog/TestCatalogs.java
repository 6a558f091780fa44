package dev.challengesuite.cache.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Builders of small valid catalogs (as JSON) that a test then breaks in exactly one place. */
final class TestCatalogs {

  private TestCatalogs() {}

  /** A valid absolute statistic goal without rotation. */
  static JsonObject goal(String id) {
    return new JsonObject()
        .put("goalId", id)
        .put("name", "Goal " + id)
        .put("description", "Defeat 10 enemies")
        .put("eventSource", "statistic")
        .put("defaultAssigned", false)
        .put(
            "requirement",
            new JsonObject()
                .put("statCode", "enemy_kills")
                .put("operator", ">=")
                .put("targetValue", 10)
                .put("progressMode", "absolute"))
        .put("reward", new JsonObject().put("type", "ITEM").put("rewardId", "sword").put("quantity", 1))
        .put("prerequisites", new JsonArray());
  }

  /** A valid relative goal rotating on {@code schedule}. */
  static JsonObject rotatingGoal(String id, String schedule) {
    JsonObject goal = goal(id);
    goal.getJsonObject("requirement").put("progressMode", "relative");
    return goal.put(
        "rotation",
        new JsonObject()
            .put("enabled", true)
            .put("type", "global")
            .put("schedule", schedule)
            .put(
                "onExpiry",
                new JsonObject().put("resetProgress", true).put("allowReselection", true)));
  }

  static JsonObject challenge(String id, JsonObject... goals) {
    return new JsonObject()
        .put("challengeId", id)
        .put("name", "Challenge " + id)
        .put("description", "About " + id)
        .put("goals", new JsonArray(new ArrayList<>(List.of((Object[]) goals))));
  }

  static JsonObject catalog(JsonObject... challenges) {
    return new JsonObject().put("challenges", new JsonArray(new ArrayList<>(List.of((Object[]) challenges))));
  }

  /** Challenge {@code c1} with goal {@code g1}: the smallest valid catalog. */
  static JsonObject oneGoal() {
    return catalog(challenge("c1", goal("g1")));
  }

  static JsonObject challengeAt(JsonObject catalog, int index) {
    return catalog.getJsonArray("challenges").getJsonObject(index);
  }

  static JsonObject goalAt(JsonObject catalog, int challenge, int goal) {
    return challengeAt(catalog, challenge).getJsonArray("goals").getJsonObject(goal);
  }

  static JsonObject firstGoal(JsonObject catalog) {
    return goalAt(catalog, 0, 0);
  }
}
