package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class RoutingErrorsTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final String INITIALIZE = ApiHarness.BASE + "/v1/challenges/initialize";

  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiHarness.start(vertx, 300);
  }

  private static JsonObject envelope(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    JsonObject body = StrictJson.parse(response.bodyAsString());
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("code", "message", "details");
    assertThat(body.getJsonArray("details")).isEqualTo(new JsonArray());
    return body;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/challenge/v1/nope", "/challenge/v1/challenges/winter", "/challenge", "/elsewhere", "/"})
  @DisplayName("an unknown path, under the base path or not, is 404 code 5 Not Found")
  void unknownPath(String path) {
    HttpResponse<Buffer> response = api.get(path, "alice");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(envelope(response))
        .isEqualTo(new JsonObject().put("code", 5).put("message", "Not Found").put("details", new JsonArray()));
  }

  @Test
  @DisplayName("POST on the list is 405 code 12 with Allow: GET")
  void postOnList() {
    HttpResponse<Buffer> response = api.post(LIST, "alice");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET");
    assertThat(envelope(response).getInteger("code")).isEqualTo(12);
    assertThat(envelope(response).getString("message")).isEqualTo("Method Not Allowed");
  }

  @Test
  @DisplayName("GET on initialize is 405 with Allow: POST")
  void getOnInitialize() {
    HttpResponse<Buffer> response = api.get(INITIALIZE, "alice");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
    assertThat(envelope(response).getInteger("code")).isEqualTo(12);
  }

  @Test
  @DisplayName("DELETE on healthz is 405, without needing a user")
  void deleteOnHealthz() {
    HttpResponse<Buffer> response = api.send(HttpMethod.DELETE, ApiHarness.BASE + "/healthz", null);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET");
  }

  @Test
  @DisplayName("a 10 KB goal id in the path is 400 with the envelope, not a bare 414")
  void hugePathIdIsRejectedWithEnvelope() {
    HttpResponse<Buffer> response = api.send(HttpMethod.POST,
        ApiHarness.BASE + "/v1/challenges/c1/goals/" + "g".repeat(10_240) + "/claim", "alice", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(envelope(response).getInteger("code")).isEqualTo(3);
  }

  @Test
  @DisplayName("a 10 KB x-mock-user-id header is 400 with the envelope, not a bare 431")
  void hugeUserHeaderIsRejectedWithEnvelope() {
    HttpResponse<Buffer> response = api.get(LIST, "u".repeat(10_000));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(envelope(response).getInteger("code")).isEqualTo(3);
  }

  @Test
  @DisplayName("a JSON body sent as form-urlencoded (curl -d) is read as JSON, not decoded as a form")
  void formContentTypeIsReadAsJson() {
    String thousands = "{\"goalIds\":[" + "\"x\",".repeat(9_000) + "\"x\"]}";
    HttpResponse<Buffer> response = api.request(HttpMethod.POST, ApiHarness.BASE + "/v1/challenges/c1/goals/batch-select")
        .putHeader("x-mock-user-id", "alice")
        .putHeader("content-type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(thousands)).await();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(envelope(response).getInteger("code")).isEqualTo(3);
  }

  @Test
  @DisplayName("a body over the limit is 413 code 8 and never reaches the partition")
  void oversizedBody() {
    HttpResponse<Buffer> response = api.request(HttpMethod.POST, INITIALIZE)
        .putHeader("x-mock-user-id", "alice")
        .sendBuffer(Buffer.buffer(new byte[ApiHarness.MAX_BODY_BYTES + 1])).await();

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(envelope(response).getInteger("code")).isEqualTo(8);
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a body of exactly the limit is accepted")
  void bodyAtLimit() {
    HttpResponse<Buffer> response = api.request(HttpMethod.POST, INITIALIZE)
        .putHeader("x-mock-user-id", "alice")
        .sendBuffer(Buffer.buffer(new byte[ApiHarness.MAX_BODY_BYTES])).await();

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a partition that does not answer in time is 503 code 14")
  void partitionTimeout() {
    api.players.silent = true;

    HttpResponse<Buffer> response = api.get(LIST, "alice");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(envelope(response).getInteger("code")).isEqualTo(14);
  }

  @Test
  @DisplayName("a business error from the partition keeps its code and message")
  void partitionBusinessError() {
    api.players.failWith = ErrorCode.NOT_FOUND;

    HttpResponse<Buffer> response = api.post(INITIALIZE, "alice");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(envelope(response))
        .isEqualTo(new JsonObject().put("code", 5).put("message", "fake failure NOT_FOUND").put("details", new JsonArray()));
  }

  @Test
  @DisplayName("an internal failure is 500 code 13 with a message that reveals nothing")
  void internalFailureHidden() {
    api.players.failWith = ErrorCode.INTERNAL;

    HttpResponse<Buffer> response = api.get(LIST, "alice");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(envelope(response))
        .isEqualTo(new JsonObject().put("code", 13).put("message", "Internal server error").put("details", new JsonArray()));
  }

  @Test
  @DisplayName("an unexpected exception in a handler is 500 Internal server error")
  void unexpectedException() {
    api.players.progress.put("broken", TestPlayers.player("broken", ApiHarness.NOW,
        TestPlayers.state("kill-snowmen", "winter", true, null, 0, null, null, null)));

    HttpResponse<Buffer> response = api.get(LIST, "broken");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(envelope(response))
        .isEqualTo(new JsonObject().put("code", 13).put("message", "Internal server error").put("details", new JsonArray()));
  }
}
