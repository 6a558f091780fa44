package dev.challengesuite.http;

import static dev.challengesuite.http.Responses.badRequest;
import static dev.challengesuite.http.Responses.notFound;
import static dev.challengesuite.http.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.progress.ClaimRules;
import dev.challengesuite.common.progress.GoalStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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

/** The claim route against fake partitions that run the real claim checks. */
@ExtendWith(VertxExtension.class)
class ClaimRouteTest {

  private static final String CHALLENGES = ApiHarness.BASE + "/v1/challenges/";
  private static final Instant EARLIER = Instant.parse("2025-01-15T08:00:00Z");

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.startWithRules(vertx);
  }

  private static String path(String challengeId, String goalId) {
    return CHALLENGES + challengeId + "/goals/" + goalId + "/claim";
  }

  private HttpResponse<Buffer> claim(String challengeId, String goalId, String body) {
    return api.send(HttpMethod.POST, path(challengeId, goalId), "alice", body);
  }

  private void aliceHas(String goalId, String challengeId, GoalStatus status, Instant claimedAt) {
    api.players.progress.put("alice", TestPlayers.player("alice", null, TestPlayers.state(goalId,
        challengeId, true, status, 7, EARLIER, status.isDone() ? EARLIER : null, claimedAt)));
  }

  @Test
  @DisplayName("a completed goal's claim answers exactly the reference's four keys, reward from the catalog")
  void claims() {
    aliceHas("a-goal", "daily", GoalStatus.COMPLETED, null);

    HttpResponse<Buffer> response = claim("daily", "a-goal", "{}");

    assertThat(ok(response)).isEqualTo(new JsonObject()
        .put("goalId", "a-goal")
        .put("status", "claimed")
        .put("reward", new JsonObject().put("type", "ITEM").put("rewardId", "shield").put("quantity", 2))
        .put("claimedAt", "2025-01-15T10:30:00Z"));
    assertThat(response.bodyAsString()).isEqualTo("{\"goalId\":\"a-goal\",\"status\":\"claimed\","
        + "\"reward\":{\"type\":\"ITEM\",\"rewardId\":\"shield\",\"quantity\":2},"
        + "\"claimedAt\":\"2025-01-15T10:30:00Z\"}");
    assertThat(api.players.received).containsExactly(new PlayerCommand.Claim("alice", "daily", "a-goal"));
  }

  @Test
  @DisplayName("after a claim the list shows the goal claimed, with its claimedAt")
  void listShowsClaimed() {
    aliceHas("a-goal", "daily", GoalStatus.COMPLETED, null);
    claim("daily", "a-goal", "{}");

    JsonObject goal = ok(api.get(ApiHarness.BASE + "/v1/challenges", "alice")).getJsonArray("challenges")
        .stream().map(JsonObject.class::cast).filter(c -> c.getString("challengeId").equals("daily"))
        .findFirst().orElseThrow().getJsonArray("goals").stream().map(JsonObject.class::cast)
        .filter(g -> g.getString("goalId").equals("a-goal")).findFirst().orElseThrow();

    assertThat(goal.getString("status")).isEqualTo("claimed");
    assertThat(goal.getString("claimedAt")).isEqualTo("2025-01-15T10:30:00Z");
  }

  @ParameterizedTest(name = "body [{0}]")
  @ValueSource(strings = {"", "  ", "{\"anything\":[1,{\"x\":null}],\"goalId\":\"other\"}"})
  @DisplayName("an empty body, or any object, is accepted; its content is ignored")
  void bodyIgnored(String body) {
    aliceHas("a-goal", "daily", GoalStatus.COMPLETED, null);

    assertThat(ok(claim("daily", "a-goal", body)).getString("goalId")).isEqualTo("a-goal");
  }

  @Test
  @DisplayName("malformed JSON is 400 and never reaches the partition")
  void malformed() {
    badRequest(claim("daily", "a-goal", "{"), "malformed JSON body");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a body that is not an object is 400")
  void notAnObject() {
    badRequest(claim("daily", "a-goal", "[]"), "request body must be a JSON object");
  }

  @Test
  @DisplayName("an unknown goal is 404 with the reference's message, without asking the partition")
  void unknownGoal() {
    notFound(claim("daily", "nope", "{}"),
        "Goal not found or removed from config (goal_id: nope, challenge_id: daily)");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a goal of another challenge is 404 (the reference's 'wrong challenge')")
  void wrongChallenge() {
    notFound(claim("winter", "a-goal", "{}"),
        "Goal not found or removed from config (goal_id: a-goal, challenge_id: winter)");
  }

  @Test
  @DisplayName("a goal not completed is 400 FAILED_PRECONDITION with its status")
  void notCompleted() {
    aliceHas("a-goal", "daily", GoalStatus.IN_PROGRESS, null);

    Responses.error(claim("daily", "a-goal", "{}"), 400, 9,
        "Goal not completed. Please wait 1 second and try again. (goal_id: a-goal, status: in_progress)");
  }

  @Test
  @DisplayName("a claimed goal is 409 ALREADY_EXISTS with claimed_at")
  void alreadyClaimed() {
    aliceHas("a-goal", "daily", GoalStatus.CLAIMED, EARLIER);

    Responses.error(claim("daily", "a-goal", "{}"), 409, 6,
        "Reward has already been claimed (goal_id: a-goal, claimed_at: 2025-01-15T08:00:00Z)");
  }

  @Test
  @DisplayName("a claim in flight elsewhere is 409 ABORTED")
  void inProgress() {
    api.players.claimFailure = ClaimRules.inProgress("a-goal");

    Responses.error(claim("daily", "a-goal", "{}"), 409, 10,
        "Reward claim already in progress (goal_id: a-goal)");
  }

  @Test
  @DisplayName("a failed grant is 500 code 13 with the reference's message, not the generic one")
  void grantFailed() {
    api.players.claimFailure = ClaimRules.grantFailed("a-goal");

    Responses.error(claim("daily", "a-goal", "{}"), 500, 13,
        "Failed to grant reward via Platform Service after 3 retries (goal_id: a-goal)");
  }

  @Test
  @DisplayName("an unknown grant outcome is 503 telling the client to retry later")
  void outcomeUnknown() {
    api.players.claimFailure = ClaimRules.outcomeUnknown("a-goal");

    Responses.error(claim("daily", "a-goal", "{}"), 503, 14,
        "Reward grant could not be confirmed; retry the claim later (goal_id: a-goal)");
  }

  @Test
  @DisplayName("any other server fault keeps the generic 500 message")
  void internalStaysHidden() {
    api.players.claimFailure = ChallengeException.internal("SELECT * FROM secret", null);

    Responses.error(claim("daily", "a-goal", "{}"), 500, 13, "Internal server error");
  }

  @Test
  @DisplayName("an id longer than 100 characters is 400")
  void longIds() {
    badRequest(claim("daily", "g".repeat(101), "{}"), "goal_id must be at most 100 characters");
  }

  @Test
  @DisplayName("without a user it is 401")
  void needsPlayer() {
    Responses.error(api.send(HttpMethod.POST, path("daily", "a-goal"), null, "{}"), 401, 16,
        "missing x-mock-user-id header");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("another method on the path is 405 with Allow: POST")
  void wrongMethod() {
    HttpResponse<Buffer> response = api.get(path("daily", "a-goal"), "alice");

    Responses.error(response, 405, 12, "Method Not Allowed");
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
  }
}
