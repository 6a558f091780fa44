package dev.challengesuite.http;

import static dev.challengesuite.http.TestPlayers.player;
import static dev.challengesuite.http.TestPlayers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.progress.GoalStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class ChallengeListRouteTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final Instant ASSIGNED = Instant.parse("2025-01-14T08:00:00Z");
  private static final Instant COMPLETED = Instant.parse("2025-01-15T09:00:00Z");

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.start(vertx);
    // alice: tricky is inactive but completed, kill-snowmen done (so tricky is unlocked)
    api.players.progress.put("alice", player("alice", ASSIGNED,
        state("kill-snowmen", "winter", true, GoalStatus.COMPLETED, 10, ASSIGNED, COMPLETED, null),
        state("tricky", "winter", false, GoalStatus.IN_PROGRESS, 2, ASSIGNED, null, null)));
  }

  private static JsonObject goal(JsonObject list, int challenge, int goal) {
    return list.getJsonArray("challenges").getJsonObject(challenge).getJsonArray("goals")
        .getJsonObject(goal);
  }

  private JsonObject list(String query, String userId) {
    HttpResponse<Buffer> response = api.get(LIST + query, userId);
    assertThat(response.statusCode()).isEqualTo(200);
    return StrictJson.parse(response.bodyAsString());
  }

  @Test
  @DisplayName("the list is JSON with every catalog challenge in order")
  void listShape() {
    HttpResponse<Buffer> response = api.get(LIST, "alice");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    JsonObject list = StrictJson.parse(response.bodyAsString());
    assertThat(list.getJsonArray("challenges").stream()
        .map(c -> ((JsonObject) c).getString("challengeId"))).containsExactly("winter", "daily");
  }

  @Test
  @DisplayName("the request goes to the partition as a Get for the header's user")
  void asksThePartition() {
    api.get(LIST, "alice");

    assertThat(api.players.received).containsExactly(new PlayerCommand.Get("alice"));
  }

  @Test
  @DisplayName("goal fields have the documented JSON types and no key appears twice")
  void fieldTypes() {
    JsonObject goal = goal(list("", "alice"), 0, 0);

    assertThat(goal.getValue("progress")).isInstanceOf(Integer.class).isEqualTo(10);
    assertThat(goal.getValue("status")).isEqualTo("completed");
    assertThat(goal.getValue("completedAt")).isEqualTo("2025-01-15T09:00:00Z");
    assertThat(goal.getValue("claimedAt")).isEqualTo("");
    assertThat(goal.getValue("isActive")).isEqualTo(true);
    assertThat(goal.getValue("locked")).isEqualTo(false);
    assertThat(goal.getValue("expiresAt")).isEqualTo("");
    assertThat(goal.getValue("expiresInSeconds")).isInstanceOf(Integer.class);
    assertThat(goal.getValue("requirement")).isInstanceOf(JsonObject.class);
  }

  @Test
  @DisplayName("locked is present on every goal and reflects the player's prerequisites")
  void lockedPerPlayer() {
    JsonObject alice = list("", "alice");
    JsonObject bob = list("", "bob");

    for (JsonObject list : List.of(alice, bob)) {
      for (int c = 0; c < 2; c++) {
        for (int g = 0; g < 2; g++) {
          assertThat(goal(list, c, g).getValue("locked")).isInstanceOf(Boolean.class);
        }
      }
    }
    assertThat(goal(alice, 0, 1).getBoolean("locked")).isFalse();
    assertThat(goal(bob, 0, 1).getBoolean("locked")).isTrue();
  }

  @Test
  @DisplayName("empty descriptions and empty prerequisites are omitted")
  void omissions() {
    JsonObject list = list("", "bob");

    assertThat(list.getJsonArray("challenges").getJsonObject(1).containsKey("description")).isFalse();
    assertThat(goal(list, 0, 1).containsKey("description")).isFalse();
    assertThat(goal(list, 0, 0).containsKey("prerequisites")).isFalse();
    assertThat(goal(list, 0, 1).getJsonArray("prerequisites").getList()).containsExactly("kill-snowmen");
  }

  @Test
  @DisplayName("rotating goals show the next boundary and the seconds until it")
  void rotationExpiry() {
    JsonObject daily = goal(list("", "alice"), 1, 0);

    assertThat(daily.getString("expiresAt")).isEqualTo("2025-01-16T00:00:00Z");
    assertThat(daily.getInteger("expiresInSeconds")).isEqualTo(48_600);
  }

  @Test
  @DisplayName("without active-only an inactive goal shows its stored progress")
  void inactiveShownByDefault() {
    JsonObject tricky = goal(list("", "alice"), 0, 1);

    assertThat(tricky.getInteger("progress")).isEqualTo(2);
    assertThat(tricky.getString("status")).isEqualTo("in_progress");
    assertThat(tricky.getBoolean("isActive")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"?active_only=true", "?active_only=1", "?active_only=TRUE", "?activeOnly=true", "?activeOnly=True"})
  @DisplayName("active-only, however spelled, shows inactive goals as never assigned")
  void activeOnlyVariants(String query) {
    JsonObject list = list(query, "alice");
    JsonObject tricky = goal(list, 0, 1);

    assertThat(tricky.getInteger("progress")).isZero();
    assertThat(tricky.getString("status")).isEqualTo("not_started");
    assertThat(tricky.getBoolean("isActive")).isFalse();
    assertThat(goal(list, 0, 0).getString("status")).isEqualTo("completed");
    assertThat(list.getJsonArray("challenges").getJsonObject(0).getJsonArray("goals")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"?active_only=false", "?active_only=yes", "?active_only=", "?active=true"})
  @DisplayName("other values of active-only leave the list unfiltered")
  void activeOnlyOff(String query) {
    assertThat(goal(list(query, "alice"), 0, 1).getInteger("progress")).isEqualTo(2);
  }
}
