package dev.challengesuite.http;

import static dev.challengesuite.http.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RotationRouteTest {

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.startWithRules(vertx);
  }

  private static String path(String challengeId) {
    return ApiHarness.BASE + "/v1/challenges/" + challengeId + "/rotation";
  }

  @Test
  @DisplayName("a rotating challenge shows its current and next period (now 2025-01-15T10:30Z, daily)")
  void rotating() {
    JsonObject body = ok(api.get(path("daily"), "alice"));

    assertThat(body).isEqualTo(new JsonObject()
        .put("challengeId", "daily")
        .put("rotation", new JsonObject()
            .put("enabled", true)
            .put("type", "global")
            .put("schedule", "daily")
            .put("currentPeriod", new JsonObject()
                .put("startTime", "2025-01-15T00:00:00Z")
                .put("endTime", "2025-01-16T00:00:00Z")
                .put("expiresInSeconds", 48600))
            .put("nextPeriod", new JsonObject()
                .put("startTime", "2025-01-16T00:00:00Z")
                .put("endTime", "2025-01-17T00:00:00Z")
                .put("expiresInSeconds", 0))));
  }

  @Test
  @DisplayName("a challenge without rotating goals is disabled with empty strings and null periods")
  void notRotating() {
    HttpResponse<Buffer> response = api.get(path("winter"), "alice");

    assertThat(response.bodyAsString()).isEqualTo("{\"challengeId\":\"winter\",\"rotation\":"
        + "{\"enabled\":false,\"type\":\"\",\"schedule\":\"\",\"currentPeriod\":null,"
        + "\"nextPeriod\":null}}");
    ok(response);
  }

  @Test
  @DisplayName("an unknown challenge is 404 challenge not found: <id>")
  void unknown() {
    Responses.notFound(api.get(path("nope"), "alice"), "challenge not found: nope");
  }

  @Test
  @DisplayName("it needs a player, though it does not use one")
  void needsPlayer() {
    Responses.error(api.get(path("daily"), null), 401, 16, "missing x-mock-user-id header");
  }

  @Test
  @DisplayName("POST on the path is 405 with Allow: GET")
  void wrongMethod() {
    HttpResponse<Buffer> response = api.post(path("daily"), "alice");

    Responses.error(response, 405, 12, "Method Not Allowed");
    assertThat(response.getHeader("Allow")).isEqualTo("GET");
  }

  @Test
  @DisplayName("the partitions are never asked")
  void noPlayerState() {
    api.get(path("daily"), "alice");

    assertThat(api.players.received).isEmpty();
  }
}
