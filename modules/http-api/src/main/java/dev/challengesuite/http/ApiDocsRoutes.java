package dev.challengesuite.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document of the REST API ({@code openapi/api.json} on the classpath), its
 * server URL set to the configured base path. Rendered once.
 */
final class ApiDocsRoutes {

  static final String RESOURCE = "openapi/api.json";

  private final Buffer document;

  ApiDocsRoutes(String basePath) {
    JsonObject doc = load();
    doc.put("servers", new JsonArray().add(new JsonObject().put("url", basePath)));
    this.document = doc.toBuffer();
  }

  Future<Buffer> apiJson(RoutingContext ctx) {
    return Future.succeededFuture(document);
  }

  static JsonObject load() {
    try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
