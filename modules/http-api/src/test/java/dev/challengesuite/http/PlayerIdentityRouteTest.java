package dev.challengesuite.http;

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
class PlayerIdentityRouteTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final String INITIALIZE = ApiHarness.BASE + "/v1/challenges/initialize";

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.start(vertx);
    api.databaseUp(true);
  }

  private static JsonObject envelope(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    return StrictJson.parse(response.bodyAsString());
  }

  @Test
  @DisplayName("a list request without x-mock-user-id is 401 code 16 with WWW-Authenticate")
  void listWithoutUser() {
    HttpResponse<Buffer> response = api.get(LIST, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isNotBlank();
    assertThat(envelope(response)).isEqualTo(new JsonObject().put("code", 16)
        .put("message", "missing x-mock-user-id header").put("details", new io.vertx.core.json.JsonArray()));
  }

  @Test
  @DisplayName("an initialize request with an empty x-mock-user-id is 401")
  void initializeWithEmptyUser() {
    HttpResponse<Buffer> response = api.post(INITIALIZE, "");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(envelope(response).getInteger("code")).isEqualTo(16);
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a user id longer than 100 characters is 400 code 3")
  void tooLongUser() {
    HttpResponse<Buffer> response = api.get(LIST, "u".repeat(101));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(envelope(response).getInteger("code")).isEqualTo(3);
  }

  @Test
  @DisplayName("a user id of exactly 100 characters is accepted")
  void longestUser() {
    assertThat(api.get(LIST, "u".repeat(100)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a user id with a control character is 400 code 3")
  void controlCharacterUser() {
    HttpResponse<Buffer> response = api.get(LIST, "bad\tuser");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(envelope(response).getInteger("code")).isEqualTo(3);
  }

  @Test
  @DisplayName("healthz and readyz need no user")
  void healthNeedsNoUser() {
    assertThat(api.get(ApiHarness.BASE + "/healthz", null).statusCode()).isEqualTo(200);
    assertThat(api.get(ApiHarness.BASE + "/readyz", null).statusCode()).isEqualTo(200);
  }
}
