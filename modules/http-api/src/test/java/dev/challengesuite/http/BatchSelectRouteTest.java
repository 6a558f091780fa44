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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BatchSelectRouteTest {

  private static final Instant EARLIER = Instant.parse("2025-01-15T08:00:00Z");

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.startWithRules(vertx);
    // carol completed kill-snowmen earlier today
    api.players.progress.put("carol", player("carol", null,
        state("kill-snowmen", "winter", true, GoalStatus.COMPLETED, 10, EARLIER, EARLIER, null)));
    // dave has both daily goals active
    api.players.progress.put("dave", player("dave", null,
        state("daily-login", "daily", true, GoalStatus.NOT_STARTED, 0, EARLIER, null, null),
        state("a-goal", "daily", true, GoalStatus.IN_PROGRESS, 2, EARLIER, null, null)));
  }

  private static String path(String challengeId) {
    return ApiHarness.BASE + "/v1/challenges/" + challengeId + "/goals/batch-select";
  }

  private HttpResponse<Buffer> select(String userId, String challengeId, String body) {
    return api.send(HttpMethod.POST, path(challengeId), userId, body);
  }

  @Test
  @DisplayName("the response has the reference's keys, goals in request order with every item key")
  void shape() {
    JsonObject body = ok(select("carol", "winter", "{\"goalIds\":[\"tricky\",\"kill-snowmen\"]}"));

    assertThat(body.fieldNames())
        .containsExactly("selectedGoals", "challengeId", "totalActiveGoals", "replacedGoals");
    assertThat(body.getString("challengeId")).isEqualTo("winter");
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(2);
    assertThat(body.getJsonArray("replacedGoals")).isEqualTo(new JsonArray());
    JsonArray selected = body.getJsonArray("selectedGoals");
    assertThat(selected.stream().map(g -> ((JsonObject) g).getString("goalId")))
        .containsExactly("tricky", "kill-snowmen");
    assertThat(selected.getJsonObject(0).fieldNames()).containsExactly("goalId", "name",
        "description", "requirement", "reward", "status", "progress", "target", "isActive",
        "assignedAt", "expiresAt");
  }

  @Test
  @DisplayName("a newly selected goal shows the catalog's fields, not_started, 0, active, assigned now")
  void newGoalItem() {
    JsonObject tricky = ok(select("carol", "winter", "{\"goalIds\":[\"tricky\"]}"))
        .getJsonArray("selectedGoals").getJsonObject(0);

    assertThat(tricky).isEqualTo(new JsonObject()
        .put("goalId", "tricky")
        .put("name", TestCatalog.TRICKY_NAME)
        .put("description", "")
        .put("requirement", new JsonObject().put("statCode", "tricks").put("operator", ">=")
            .put("targetValue", 3))
        .put("reward", new JsonObject().put("type", "WALLET").put("rewardId", "GOLD")
            .put("quantity", 50))
        .put("status", "not_started")
        .put("progress", 0)
        .put("target", 3)
        .put("isActive", true)
        .put("assignedAt", "2025-01-15T10:30:00Z")
        .put("expiresAt", ""));
  }

  @Test
  @DisplayName("a selected goal shows its real status and progress (the reference always says not_started, 0)")
  void realStatus() {
    JsonObject snowmen = ok(select("carol", "winter", "{\"goalIds\":[\"kill-snowmen\"]}"))
        .getJsonArray("selectedGoals").getJsonObject(0);

    assertThat(snowmen.getString("status")).isEqualTo("completed");
    assertThat(snowmen.getInteger("progress")).isEqualTo(10);
    assertThat(snowmen.getString("assignedAt")).isEqualTo("2025-01-15T08:00:00Z");
  }

  @Test
  @DisplayName("a rotating goal's expiresAt is the next boundary")
  void rotatingExpiry() {
    JsonObject login = ok(select("alice", "daily", "{\"goalIds\":[\"daily-login\"]}"))
        .getJsonArray("selectedGoals").getJsonObject(0);

    assertThat(login.getString("expiresAt")).isEqualTo("2025-01-16T00:00:00Z");
  }

  @Test
  @DisplayName("without replace, other active goals of the challenge stay and are counted")
  void addsToActive() {
    JsonObject body = ok(select("dave", "daily", "{\"goalIds\":[\"a-goal\"]}"));

    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(2);
    assertThat(body.getJsonArray("replacedGoals")).isEmpty();
  }

  @Test
  @DisplayName("replace mode reports the goals active before and not after, and counts the selected")
  void replace() {
    JsonObject body =
        ok(select("dave", "daily", "{\"goalIds\":[\"a-goal\"],\"replaceExisting\":true}"));

    assertThat(body.getJsonArray("replacedGoals")).containsExactly("daily-login");
    assertThat(body.getInteger("totalActiveGoals")).isEqualTo(1);
    assertThat(body.getJsonArray("selectedGoals").getJsonObject(0).getString("assignedAt"))
        .isEqualTo("2025-01-15T08:00:00Z");
  }

  @Test
  @DisplayName("snake_case names goal_ids and replace_existing are accepted")
  void snakeCase() {
    JsonObject body =
        ok(select("dave", "daily", "{\"goal_ids\":[\"a-goal\"],\"replace_existing\":true}"));

    assertThat(body.getJsonArray("replacedGoals")).containsExactly("daily-login");
    assertThat(api.players.received).containsExactly(
        new PlayerCommand.BatchSelect("dave", "daily", List.of("a-goal"), true));
  }

  @Test
  @DisplayName("an empty goal list, or none at all, is 400 goal_ids cannot be empty")
  void empty() {
    badRequest(select("alice", "daily", "{\"goalIds\":[]}"), "goal_ids cannot be empty");
    badRequest(select("alice", "daily", null), "goal_ids cannot be empty");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a duplicate id is 400")
  void duplicate() {
    badRequest(select("alice", "daily", "{\"goalIds\":[\"a-goal\",\"a-goal\"]}"),
        "goal_ids contains duplicate goal 'a-goal'");
  }

  @Test
  @DisplayName("more ids than the challenge has goals is 400")
  void tooMany() {
    badRequest(select("alice", "daily", "{\"goalIds\":[\"a\",\"b\",\"c\"]}"),
        "goal_ids contains 3 goals but challenge 'daily' has only 2");
  }

  @Test
  @DisplayName("an unknown goal is 404")
  void unknownGoal() {
    notFound(select("alice", "daily", "{\"goalIds\":[\"a-goal\",\"nope\"]}"),
        "goal 'nope' not found");
  }

  @Test
  @DisplayName("a goal of another challenge is 404 (the reference answers 500)")
  void foreignGoal() {
    notFound(select("alice", "daily", "{\"goalIds\":[\"tricky\"]}"),
        "goal 'tricky' does not belong to challenge 'daily'");
  }

  @Test
  @DisplayName("an unknown challenge is 404")
  void unknownChallenge() {
    notFound(select("alice", "nope", "{\"goalIds\":[\"a-goal\"]}"), "challenge 'nope' not found");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("goalIds that is not an array of strings is 400")
  void wrongGoalIdsType() {
    badRequest(select("alice", "daily", "{\"goalIds\":\"a-goal\"}"),
        "invalid value for field 'goalIds': expected an array of strings");
    badRequest(select("alice", "daily", "{\"goal_ids\":[7]}"),
        "invalid value for field 'goal_ids': expected an array of strings");
  }

  @Test
  @DisplayName("replaceExisting that is not a boolean is 400")
  void wrongReplaceType() {
    badRequest(select("alice", "daily", "{\"goalIds\":[\"a-goal\"],\"replaceExisting\":1}"),
        "invalid value for field 'replaceExisting': expected a boolean");
  }

  @Test
  @DisplayName("GET on the path is 405 with Allow: POST")
  void wrongMethod() {
    HttpResponse<Buffer> response = api.get(path("daily"), "alice");

    Responses.error(response, 405, 12, "Method Not Allowed");
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
  }
}
