package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthRoutesTest {

  private static final String HEALTHZ = ApiHarness.BASE + "/healthz";
  private static final String READYZ = ApiHarness.BASE + "/readyz";
  private static final JsonObject DATABASE_DOWN = new JsonObject().put("code", 14)
      .put("message", "database connectivity check failed").put("details", new JsonArray());

  @Test
  @DisplayName("healthz is 200 healthy when the database answers the ping")
  void healthy(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);
    api.databaseUp(true);

    HttpResponse<Buffer> response = api.get(HEALTHZ, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo("{\"status\":\"healthy\"}");
  }

  @Test
  @DisplayName("healthz is 503 code 14 when the database ping fails")
  void databaseFails(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);
    api.databaseUp(false);

    HttpResponse<Buffer> response = api.get(HEALTHZ, null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(StrictJson.parse(response.bodyAsString())).isEqualTo(DATABASE_DOWN);
  }

  @Test
  @DisplayName("healthz is 503 when nothing answers database pings")
  void nobodyAnswers(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);

    HttpResponse<Buffer> response = api.get(HEALTHZ, null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(StrictJson.parse(response.bodyAsString())).isEqualTo(DATABASE_DOWN);
  }

  @Test
  @DisplayName("readyz is 200 with the catalog hash when the database answers")
  void ready(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);
    api.databaseUp(true);

    HttpResponse<Buffer> response = api.get(READYZ, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(StrictJson.parse(response.bodyAsString()))
        .isEqualTo(new JsonObject().put("status", "ready").put("catalogHash", "hash-of-test-catalog"));
  }

  @Test
  @DisplayName("readyz is 503 code 14 when the database ping fails")
  void notReadyWithoutDatabase(Vertx vertx) {
    ApiHarness api = ApiHarness.start(vertx);
    api.databaseUp(false);

    HttpResponse<Buffer> response = api.get(READYZ, null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(StrictJson.parse(response.bodyAsString())).isEqualTo(DATABASE_DOWN);
  }

  @Test
  @DisplayName("readiness fails when no catalog is loaded, even with the database up")
  void notReadyWithoutCatalog(Vertx vertx) {
    LocalCodec.register(vertx);
    Fakes.database(vertx, true).await();
    HealthRoutes health = new HealthRoutes(vertx, new CatalogIndex(new Catalog(List.of()), "h"), () -> true, 500);

    assertThatThrownBy(() -> health.readyz(null).await())
        .isInstanceOfSatisfying(ChallengeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  @DisplayName("a database ping that does not answer within the timeout is unhealthy")
  void pingTimeout(Vertx vertx) {
    LocalCodec.register(vertx);
    vertx.eventBus().consumer(dev.challengesuite.common.bus.Addresses.PERSISTENCE_PING, message -> {})
        .completion().await();
    HealthRoutes health = new HealthRoutes(vertx, TestCatalog.index(), () -> true, 100);

    assertThatThrownBy(() -> health.healthz(null).await())
        .isInstanceOfSatisfying(ChallengeException.class,
            e -> assertThat(e.getMessage()).isEqualTo("database connectivity check failed"));
  }
}
