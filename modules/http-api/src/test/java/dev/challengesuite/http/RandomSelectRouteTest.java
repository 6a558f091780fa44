package dev.challengesuite.http;

import static dev.challengesuite.http.Responses.badRequest;
import static dev.challengesuite.http.Responses.notFound;
import static dev.challengesuite.http.Responses.ok;
import static dev.challengesuite.http.TestPlayers.player;
import static dev.challengesuite.http.TestPlayers.state;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class RandomSelectRouteTest {

  private static final Instant EARLIER = Instant.parse("2025-01-15T08:00:00Z");
  private static final Instant YESTERDAY = Instant.parse("2025-01-14T20:00:00Z");

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.startWithRules(vertx);
    // carol: both winter goals done
    api.players.progress.put("carol", player("carol", null,
        state("kill-snowmen", "winter", true, GoalStatus.CLAIMED, 10, EARLIER, EARLIER, EARLIER),
        state("tricky", "winter", false, GoalStatus.COMPLETED, 3, EARLIER, EARLIER, null)));
    // dave: a-goal active
    api.players.progress.put("dave", player("dave", null,
        state("a-goal", "daily", true, GoalStatus.IN_PROGRESS, 2, EARLIER, null, null)));
    // erin: a-goal completed today, daily-login completed yesterday (a past period)
    api.players.progress.put("erin", player("erin", null,
        state("a-goal", "daily", true, GoalStatus.COMPLETED, 7, EARLIER, EARLIER, null),
        state("daily-login", "daily", false, GoalStatus.COMPLETED, 1, YESTERDAY, YESTERDAY, null)));
  }

  private static String path(String challengeId) {
    return ApiHarness.BASE + "/v1/challenges/" + challengeId + "/goals/random-select";
  }

  private HttpResponse<Buffer> draw(String userId, String challengeId, String body) {
    return api.send(HttpMethod.POST, path(challengeId), userId, body);
  }

  private static JsonArray selectedIds(JsonObject body) {
    JsonArray ids = new JsonArray();
    body.getJsonArray("selectedGoals").forEach(g -> ids.add(((JsonObject) g).getString("goalId")));
    return ids;
  }

  @Test
  @DisplayName("draws among unlocked goals: a new player's only winter candidate is kill-snowmen")
  void drawsUnlocked() {
    JsonObject body = ok(draw("alice", "winter", "{\"count\":1}"));

    assertThat(body.fieldNames())
        .containsExactly("selectedGoals", "challengeId", "totalActiveGoals", "replacedGoals");
    JsonObject goal = body.getJsonArray("selectedGoals").getJsonObject(0);
    assertThat(goal.getString("goalId")).isEqualTo("kill-snowmen");
    assertThat(goal.fieldNames()).containsExactly("goalId", "name", "description", "requirement",
        "reward", "status", "progress", "target", "isActive", "assignedAt", "expiresAt");
    assertThat(goal.getString("status")).isEqualTo("not_started");
    assertThat(goal.getBoolean("isActive")).isTrue();
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(1);
  }

  @Test
  @DisplayName("fewer candidates than count: 200 with all of them")
  void partial() {
    JsonObject body = ok(draw("alice", "daily", "{\"count\":5}"));

    assertThat(selectedIds(body)).containsExactlyInAnyOrder("daily-login", "a-goal");
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(2);
  }

  @Test
  @DisplayName("no candidate is 400 INSUFFICIENT_GOALS")
  void insufficient() {
    badRequest(draw("carol", "winter", "{\"count\":2}"),
        "INSUFFICIENT_GOALS: no goals available for selection (available: 0, requested: 2)");
  }

  @Test
  @DisplayName("a daily goal completed in a past period can be drawn again and shows not_started")
  void staleCompletedDrawn() {
    JsonObject body = ok(draw("erin", "daily", "{\"count\":2}"));

    assertThat(selectedIds(body)).containsExactly("daily-login");
    assertThat(body.getJsonArray("selectedGoals").getJsonObject(0).getString("status"))
        .isEqualTo("not_started");
  }

  @Test
  @DisplayName("exclude_active (snake_case) leaves active goals out")
  void excludeActive() {
    JsonObject body = ok(draw("dave", "daily", "{\"count\":5,\"exclude_active\":true}"));

    assertThat(selectedIds(body)).containsExactly("daily-login");
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(2);
    assertThat(api.players.received)
        .containsExactly(new PlayerCommand.RandomSelect("dave", "daily", 5, false, true));
  }

  @Test
  @DisplayName("replaceExisting draws among inactive goals and replaces the active ones")
  void replace() {
    JsonObject body = ok(draw("dave", "daily", "{\"count\":5,\"replaceExisting\":true}"));

    assertThat(selectedIds(body)).containsExactly("daily-login");
    assertThat(body.getJsonArray("replacedGoals")).containsExactly("a-goal");
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(1);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"{}", "{\"count\":0}", "{\"count\":-1}", ""})
  @DisplayName("a count that is missing, zero or negative is 400 count must be greater than 0")
  void countNotPositive(String body) {
    badRequest(draw("alice", "daily", body), "count must be greater than 0");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a count above 1000 is 400")
  void countAbsurd() {
    badRequest(draw("alice", "daily", "{\"count\":1001}"), "count must not exceed 1000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"two\"", "2.5", "1e10", "true"})
  @DisplayName("a count that is not a 32-bit integer is 400")
  void countWrongType(String value) {
    badRequest(draw("alice", "daily", "{\"count\":" + value + "}"),
        "invalid value for field 'count': expected a 32-bit integer");
  }

  @Test
  @DisplayName("a quoted integer count is accepted, as by protobuf JSON")
  void quotedCount() {
    assertThat(ok(draw("alice", "daily", "{\"count\":\"1\"}")).getJsonArray("selectedGoals"))
        .hasSize(1);
  }

  @Test
  @DisplayName("an unknown challenge is 404")
  void unknownChallenge() {
    notFound(draw("alice", "nope", "{\"count\":1}"), "challenge 'nope' not found");
  }

  @Test
  @DisplayName("without a user it is 401")
  void needsPlayer() {
    Responses.error(draw(null, "daily", "{\"count\":1}"), 401, 16, "missing x-mock-user-id header");
  }
}
