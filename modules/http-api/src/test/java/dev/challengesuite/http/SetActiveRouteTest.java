package dev.challengesuite.http;

import static dev.challengesuite.http.Responses.badRequest;
import static dev.challengesuite.http.Responses.notFound;
import static dev.challengesuite.http.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.player.PlayerCommand;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class SetActiveRouteTest {

  private static final String CHALLENGES = ApiHarness.BASE + "/v1/challenges/";

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.startWithRules(vertx);
  }

  private static String path(String challengeId, String goalId) {
    return CHALLENGES + challengeId + "/goals/" + goalId + "/active";
  }

  private HttpResponse<Buffer> put(String path, String body) {
    return api.send(HttpMethod.PUT, path, "alice", body);
  }

  private boolean listedActive(String goalId) {
    JsonObject list = ok(api.get(ApiHarness.BASE + "/v1/challenges", "alice"));
    return list.getJsonArray("challenges").stream()
        .flatMap(c -> ((JsonObject) c).getJsonArray("goals").stream())
        .map(JsonObject.class::cast)
        .filter(g -> g.getString("goalId").equals(goalId))
        .findFirst().orElseThrow().getBoolean("isActive");
  }

  @Test
  @DisplayName("activation answers exactly the reference's five keys and the list then shows the goal active")
  void activates() {
    JsonObject body = ok(put(path("daily", "a-goal"), "{\"isActive\":true}"));

    assertThat(body).isEqualTo(new JsonObject()
        .put("challengeId", "daily")
        .put("goalId", "a-goal")
        .put("isActive", true)
        .put("assignedAt", "2025-01-15T10:30:00Z")
        .put("message", "Goal activated successfully"));
    assertThat(api.players.received)
        .containsExactly(new PlayerCommand.SetActive("alice", "daily", "a-goal", true));
    assertThat(listedActive("a-goal")).isTrue();
  }

  @Test
  @DisplayName("{} deactivates (isActive missing is false)")
  void emptyObjectDeactivates() {
    put(path("daily", "a-goal"), "{\"isActive\":true}");

    JsonObject body = ok(put(path("daily", "a-goal"), "{}"));

    assertThat(body.getBoolean("isActive")).isFalse();
    assertThat(body.getString("message")).isEqualTo("Goal deactivated successfully");
    assertThat(body.getString("assignedAt")).isEqualTo("2025-01-15T10:30:00Z");
    assertThat(listedActive("a-goal")).isFalse();
  }

  @Test
  @DisplayName("an empty body is accepted as {} (the reference's 400 there is a bug)")
  void emptyBody() {
    assertThat(ok(put(path("daily", "a-goal"), null)).getString("message"))
        .isEqualTo("Goal deactivated successfully");
  }

  @Test
  @DisplayName("the snake_case name is_active is accepted")
  void snakeCase() {
    assertThat(ok(put(path("daily", "a-goal"), "{\"is_active\":true}")).getBoolean("isActive"))
        .isTrue();
  }

  @Test
  @DisplayName("unknown fields, and ids in the body, are ignored: the path names the goal")
  void unknownFieldsIgnored() {
    JsonObject body = ok(put(path("daily", "a-goal"),
        "{\"isActive\":true,\"goalId\":\"daily-login\",\"extra\":{\"x\":[1,null]}}"));

    assertThat(body.getString("goalId")).isEqualTo("a-goal");
  }

  @Test
  @DisplayName("a wrong JSON type is 400 and never reaches the partition")
  void wrongType() {
    badRequest(put(path("daily", "a-goal"), "{\"isActive\":\"yes\"}"),
        "invalid value for field 'isActive': expected a boolean");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("malformed JSON is 400")
  void malformed() {
    badRequest(put(path("daily", "a-goal"), "{\"isActive\":"), "malformed JSON body");
  }

  @Test
  @DisplayName("a body that is not a JSON object is 400")
  void notAnObject() {
    badRequest(put(path("daily", "a-goal"), "[true]"), "request body must be a JSON object");
  }

  @Test
  @DisplayName("an unknown goal is 404 (the reference answers 500)")
  void unknownGoal() {
    notFound(put(path("daily", "nope"), "{\"isActive\":true}"),
        "goal 'nope' not found in challenge 'daily'");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a goal of another challenge is 404 (the reference answers 500)")
  void foreignGoal() {
    notFound(put(path("daily", "kill-snowmen"), "{\"isActive\":true}"),
        "goal 'kill-snowmen' does not belong to challenge 'daily'");
  }

  @Test
  @DisplayName("an unknown challenge is 404")
  void unknownChallenge() {
    notFound(put(path("nope", "a-goal"), "{}"), "challenge 'nope' not found");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no%20such%20goal|goal 'no such goal' not found in challenge 'daily'",
      "%E2%98%83|goal '☃' not found in challenge 'daily'",
      "a%22b|goal 'a\"b' not found in challenge 'daily'",
      "a-goal%3F|goal 'a-goal?' not found in challenge 'daily'",
      "a%2Fb|goal 'a/b' not found in challenge 'daily'"})
  @DisplayName("ids in the path are URL-decoded before they are looked up")
  void decodedIds(String rawGoalId, String message) {
    notFound(put(path("daily", rawGoalId), "{}"), message);
  }

  @Test
  @DisplayName("an encoded id naming a real goal finds it")
  void encodedRealGoal() {
    assertThat(ok(put(path("daily", "a%2Dgoal"), "{\"isActive\":true}")).getString("goalId"))
        .isEqualTo("a-goal");
  }

  @Test
  @DisplayName("an id longer than 100 characters is 400; 100 is looked up")
  void longIds() {
    badRequest(put(path("daily", "g".repeat(101)), "{}"), "goal_id must be at most 100 characters");
    badRequest(put(path("c".repeat(101), "a-goal"), "{}"),
        "challenge_id must be at most 100 characters");
    notFound(put(path("daily", "g".repeat(100)), "{}"),
        "goal '" + "g".repeat(100) + "' not found in challenge 'daily'");
  }

  @Test
  @DisplayName("without a user it is 401")
  void needsPlayer() {
    HttpResponse<Buffer> response =
        api.send(HttpMethod.PUT, path("daily", "a-goal"), null, "{\"isActive\":true}");

    Responses.error(response, 401, 16, "missing x-mock-user-id header");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("another method on the path is 405 with Allow: PUT")
  void wrongMethod() {
    HttpResponse<Buffer> response = api.post(path("daily", "a-goal"), "alice");

    Responses.error(response, 405, 12, "Method Not Allowed");
    assertThat(response.getHeader("Allow")).isEqualTo("PUT");
  }

  @Test
  @DisplayName("a body over 64 KiB is 413")
  void oversized() {
    String body = "{\"isActive\":true,\"pad\":\"" + "x".repeat(ApiHarness.MAX_BODY_BYTES) + "\"}";

    Responses.error(put(path("daily", "a-goal"), body), 413, 8,
        "request body exceeds " + ApiHarness.MAX_BODY_BYTES + " bytes");
    assertThat(api.players.received).isEmpty();
  }
}
