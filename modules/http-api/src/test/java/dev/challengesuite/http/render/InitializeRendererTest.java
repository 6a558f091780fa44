package dev.challengesuite.http.render;

import static dev.challengesuite.http.render.HandMadeViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.http.StrictJson;
import dev.challengesuite.http.TestCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InitializeRendererTest {

  private static final Instant ASSIGNED = Instant.parse("2025-01-15T10:30:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2025-01-16T00:00:00Z");

  private final InitializeRenderer renderer = new InitializeRenderer(TestCatalog.catalog().challenges());

  private static HandMadeViews allActive() {
    HandMadeViews views = new HandMadeViews();
    for (String id : new String[] {"kill-snowmen", "tricky", "daily-login", "a-goal"}) {
      views.with(id, view(GoalStatus.NOT_STARTED, 0, true, ASSIGNED, null, null, null, 0, false));
    }
    return views;
  }

  @Test
  @DisplayName("assigned goals are the active ones, ordered by challenge id then goal id")
  void orderAndFilter() {
    HandMadeViews views = allActive()
        .with("tricky", view(GoalStatus.NOT_STARTED, 0, false, null, null, null, null, 0, true));
    JsonArray goals = StrictJson.parse(renderer.render(views, 0).toString()).getJsonArray("assignedGoals");

    assertThat(goals.stream().map(g -> ((JsonObject) g).getString("challengeId") + "/"
        + ((JsonObject) g).getString("goalId")))
        .containsExactly("daily/a-goal", "daily/daily-login", "winter/kill-snowmen");
  }

  @Test
  @DisplayName("every item carries every key, with the player's values and the catalog's")
  void itemShape() {
    HandMadeViews views = new HandMadeViews().with("daily-login",
        view(GoalStatus.IN_PROGRESS, 1, true, ASSIGNED, null, null, MIDNIGHT, 48_600, false));
    JsonObject item = StrictJson.parse(renderer.render(views, 1).toString())
        .getJsonArray("assignedGoals").getJsonObject(0);

    assertThat(item).isEqualTo(new JsonObject()
        .put("challengeId", "daily").put("goalId", "daily-login").put("name", "Daily Login")
        .put("description", "Log in today").put("isActive", true)
        .put("assignedAt", "2025-01-15T10:30:00Z").put("expiresAt", "2025-01-16T00:00:00Z")
        .put("progress", 1).put("target", 1).put("status", "in_progress")
        .put("requirement", new JsonObject().put("statCode", "login").put("operator", ">=").put("targetValue", 1))
        .put("reward", new JsonObject().put("type", "WALLET").put("rewardId", "GEMS").put("quantity", 5)));
  }

  @Test
  @DisplayName("empty descriptions and missing timestamps are empty strings, not omitted")
  void emptyValuesPresent() {
    HandMadeViews views = new HandMadeViews()
        .with("tricky", view(GoalStatus.NOT_STARTED, 0, true, null, null, null, null, 0, true));
    JsonObject item = StrictJson.parse(renderer.render(views, 0).toString())
        .getJsonArray("assignedGoals").getJsonObject(0);

    assertThat(item.getString("description")).isEmpty();
    assertThat(item.getString("assignedAt")).isEmpty();
    assertThat(item.getString("expiresAt")).isEmpty();
  }

  @Test
  @DisplayName("newAssignments is the count given and totalActive the number of items")
  void counters() {
    JsonObject body = StrictJson.parse(renderer.render(allActive(), 2).toString());

    assertThat(body.getInteger("newAssignments")).isEqualTo(2);
    assertThat(body.getInteger("totalActive")).isEqualTo(4);
  }

  @Test
  @DisplayName("a player with no active goal gets an empty list")
  void nothingActive() {
    assertThat(renderer.render(new HandMadeViews(), 0).toString())
        .isEqualTo("{\"assignedGoals\":[],\"newAssignments\":0,\"totalActive\":0}");
  }
}
