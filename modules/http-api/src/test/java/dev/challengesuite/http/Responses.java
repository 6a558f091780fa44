package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Checks shared by the route tests: status, content type, strict (duplicate-free) JSON. */
final class Responses {

  private Responses() {}

  /** The body of a 200 JSON response, parsed strictly. */
  static JsonObject ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    return StrictJson.parse(response.bodyAsString());
  }

  /** Asserts the error envelope exactly: status, gRPC code and message. */
  static void error(HttpResponse<Buffer> response, int status, int code, String message) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    assertThat(StrictJson.parse(response.bodyAsString()))
        .isEqualTo(new JsonObject().put("code", code).put("message", message)
            .put("details", new JsonArray()));
  }

  static void badRequest(HttpResponse<Buffer> response, String message) {
    error(response, 400, 3, message);
  }

  static void notFound(HttpResponse<Buffer> response, String message) {
    error(response, 404, 5, message);
  }
}
