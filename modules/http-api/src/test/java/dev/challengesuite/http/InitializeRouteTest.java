package dev.challengesuite.http;

import static dev.challengesuite.http.TestPlayers.player;
import static dev.challengesuite.http.TestPlayers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.player.InitializeOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.progress.GoalStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InitializeRouteTest {

  private static final String INITIALIZE = ApiHarness.BASE + "/v1/challenges/initialize";

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.start(vertx);
    // carol: defaults assigned now, a-goal activated earlier, tricky deactivated
    api.players.outcomes.put("carol", new InitializeOutcome(
        player("carol", ApiHarness.NOW,
            state("a-goal", "daily", true, GoalStatus.IN_PROGRESS, 3,
                Instant.parse("2025-01-01T00:00:00Z"), null, null),
            state("tricky", "winter", false, GoalStatus.NOT_STARTED, 0, null, null, null)),
        List.of("kill-snowmen", "daily-login")));
  }

  private JsonObject initialize(String userId) {
    HttpResponse<Buffer> response = api.post(INITIALIZE, userId);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    return StrictJson.parse(response.bodyAsString());
  }

  @Test
  @DisplayName("the response lists the active goals ordered by challenge id, then goal id")
  void ordering() {
    JsonArray goals = initialize("carol").getJsonArray("assignedGoals");

    assertThat(goals.stream().map(g -> ((JsonObject) g).getString("challengeId") + "/"
        + ((JsonObject) g).getString("goalId")))
        .containsExactly("daily/a-goal", "daily/daily-login", "winter/kill-snowmen");
  }

  @Test
  @DisplayName("newAssignments counts the goals this call assigned and totalActive all active goals")
  void counters() {
    JsonObject body = initialize("carol");

    assertThat(body.fieldNames()).containsExactlyInAnyOrder("assignedGoals", "newAssignments", "totalActive");
    assertThat(body.getValue("newAssignments")).isEqualTo(2);
    assertThat(body.getValue("totalActive")).isEqualTo(3);
  }

  @Test
  @DisplayName("each item carries all keys with the player's values and the catalog's")
  void itemShape() {
    JsonObject daily = initialize("carol").getJsonArray("assignedGoals").getJsonObject(1);

    assertThat(daily.fieldNames()).containsExactlyInAnyOrder("challengeId", "goalId", "name",
        "description", "isActive", "assignedAt", "expiresAt", "progress", "target", "status",
        "requirement", "reward");
    assertThat(daily.getValue("isActive")).isEqualTo(true);
    assertThat(daily.getValue("assignedAt")).isEqualTo("2025-01-15T10:30:00Z");
    assertThat(daily.getValue("expiresAt")).isEqualTo("2025-01-16T00:00:00Z");
    assertThat(daily.getValue("progress")).isEqualTo(0);
    assertThat(daily.getValue("target")).isEqualTo(1);
    assertThat(daily.getValue("status")).isEqualTo("not_started");
  }

  @Test
  @DisplayName("non-rotating goals have an empty expiresAt")
  void noExpiry() {
    JsonObject aGoal = initialize("carol").getJsonArray("assignedGoals").getJsonObject(0);

    assertThat(aGoal.getString("expiresAt")).isEmpty();
    assertThat(aGoal.getInteger("progress")).isEqualTo(3);
  }

  @Test
  @DisplayName("a player with nothing to assign gets an empty list, never null")
  void emptyOutcome() {
    JsonObject body = initialize("nobody");

    assertThat(body.getJsonArray("assignedGoals")).isEmpty();
    assertThat(body.getInteger("totalActive")).isZero();
  }

  @Test
  @DisplayName("the body is ignored and the partition gets an Initialize for the header's user")
  void bodyIgnored() {
    HttpResponse<Buffer> response = api.request(HttpMethod.POST, INITIALIZE)
        .putHeader("x-mock-user-id", "carol")
        .sendBuffer(Buffer.buffer("not json at all")).await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.players.received).containsExactly(new PlayerCommand.Initialize("carol"));
  }
}
