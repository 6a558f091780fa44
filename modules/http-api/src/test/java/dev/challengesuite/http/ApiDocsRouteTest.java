package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApiDocsRouteTest {

  private static List<String> documentedRoutes(JsonObject doc) {
    List<String> routes = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        routes.add(method.toUpperCase() + " " + path);
      }
    }
    return routes;
  }

  @Test
  @DisplayName("apidocs/api.json is served without a user, as OpenAPI 3 with the base path as server URL")
  void servesDocument(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);

    HttpResponse<Buffer> response = api.get(ApiHarness.BASE + "/apidocs/api.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject doc = StrictJson.parse(response.bodyAsString());
    assertThat(doc.getString("openapi")).startsWith("3.");
    assertThat(doc.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo(ApiHarness.BASE);
  }

  @Test
  @DisplayName("The document lists exactly the routes the router serves")
  void documentMatchesRouter(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);

    List<String> documented = documentedRoutes(ApiDocsRoutes.load());

    assertThat(documented).containsExactlyInAnyOrderElementsOf(api.verticle.served());
  }
}
