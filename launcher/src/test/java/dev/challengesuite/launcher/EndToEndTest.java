package dev.challengesuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.cache.catalog.CatalogLoader;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.launcher.config.ConfigLoader;
import dev.challengesuite.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcClient;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole application in-process against a real PostgreSQL: events in over gRPC, progress out
 * over HTTP, both on loopback.
 */
class EndToEndTest {

  private static TestPostgres database;
  private static AppConfig config;
  private static CatalogIndex catalog;
  private static Vertx vertx;
  private static Application app;
  private static WebClient http;
  private static StatisticStatItemUpdatedServiceGrpcClient stats;
  private static UserAuthenticationUserLoggedInServiceGrpcClient logins;

  @BeforeAll
  static void start() throws IOException {
    database = TestPostgres.create();
    Map<String, String> settings = Map.of(
        "challenge.auth.enabled", "false",
        "challenge.rewards.mode", "mock",
        "challenge.http.host", "127.0.0.1",
        "challenge.http.port", String.valueOf(freePort()),
        "challenge.grpc.host", "127.0.0.1",
        "challenge.grpc.port", String.valueOf(freePort()),
        "challenge.metrics.port", String.valueOf(freePort()),
        "challenge.namespace", "test-ns");
    config = ConfigLoader.load(new JsonObject(), "e2e", Map.of(), settings).withDatabase(database.config());
    catalog = CatalogLoader.load(Path.of("src/test/resources/e2e-challenges.json"));
    startApp();
    http = WebClient.create(vertx);
    SocketAddress grpc = SocketAddress.inetSocketAddress(config.grpc().port(), "127.0.0.1");
    GrpcClient client = GrpcClient.client(vertx);
    stats = StatisticStatItemUpdatedServiceGrpcClient.create(client, grpc);
    logins = UserAuthenticationUserLoggedInServiceGrpcClient.create(client, grpc);
  }

  private static void startApp() {
    vertx = vertx == null ? Vertx.vertx() : vertx;
    if (app == null) {
      LocalCodec.register(vertx);
    }
    app = Application.start(vertx, config, catalog, ServiceClock.system(0),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).await();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (database != null) {
      database.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String newPlayer() {
    return "player-" + UUID.randomUUID();
  }

  private static HttpResponse<Buffer> post(String path, String user) {
    return http.post(config.http().port(), "127.0.0.1", "/challenge" + path)
        .putHeader("x-mock-user-id", user).sendJsonObject(new JsonObject()).await();
  }

  private static JsonObject goal(String user, String goalId) {
    HttpResponse<Buffer> response = http.get(config.http().port(), "127.0.0.1", "/challenge/v1/challenges")
        .putHeader("x-mock-user-id", user).send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray goals = response.bodyAsJsonObject().getJsonArray("challenges").getJsonObject(0).getJsonArray("goals");
    for (int i = 0; i < goals.size(); i++) {
      if (goals.getJsonObject(i).getString("goalId").equals(goalId)) {
        return goals.getJsonObject(i);
      }
    }
    throw new AssertionError("goal " + goalId + " not listed");
  }

  private static void stat(String user, String statCode, double value, double inc) {
    stats.onMessage(StatItemUpdated.newBuilder().setId(UUID.randomUUID().toString()).setUserId(user)
        .setNamespace("test-ns")
        .setPayload(StatItem.newBuilder().setStatCode(statCode).setLatestValue(value).setInc(inc))
        .build()).await();
  }

  private static void login(String user, String eventId) {
    logins.onMessage(UserLoggedIn.newBuilder().setId(eventId).setUserId(user).setNamespace("test-ns").build()).await();
  }

  @Test
  @DisplayName("Initialize assigns the default goals and lists them as active and not started")
  void initializeAssignsDefaults() {
    String alice = newPlayer();

    JsonObject body = post("/v1/challenges/initialize", alice).bodyAsJsonObject();

    assertThat(body.getInteger("newAssignments")).isEqualTo(2);
    assertThat(body.getJsonArray("assignedGoals").stream().map(g -> ((JsonObject) g).getString("goalId")))
        .containsExactly("kill-10", "login-3");
    assertThat(goal(alice, "kill-10").getBoolean("isActive")).isTrue();
    assertThat(goal(alice, "win-5").getBoolean("isActive")).isFalse();
  }

  @Test
  @DisplayName("A statistic event acknowledged over gRPC shows in the next GET, and completes the goal at its target")
  void statisticEventMovesProgress() {
    String alice = newPlayer();
    post("/v1/challenges/initialize", alice);

    stat(alice, "enemy_kills", 7, 7);
    assertThat(goal(alice, "kill-10").getInteger("progress")).isEqualTo(7);
    assertThat(goal(alice, "kill-10").getString("status")).isEqualTo("in_progress");

    stat(alice, "enemy_kills", 12, 5);
    JsonObject completed = goal(alice, "kill-10");
    assertThat(completed.getInteger("progress")).isEqualTo(12);
    assertThat(completed.getString("status")).isEqualTo("completed");
    assertThat(completed.getString("completedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(goal(alice, "win-5").getBoolean("locked")).isFalse();
  }

  @Test
  @DisplayName("A login event counts one login; the same event id delivered again does not count twice")
  void loginEventCountsOnce() {
    String bob = newPlayer();
    post("/v1/challenges/initialize", bob);

    login(bob, "login-1");
    login(bob, "login-1");
    login(bob, "login-2");

    assertThat(goal(bob, "login-3").getInteger("progress")).isEqualTo(2);
  }

  @Test
  @DisplayName("Events for a player that was never initialised change no goal")
  void eventsNeedAssignedGoals() {
    String carol = newPlayer();

    stat(carol, "enemy_kills", 50, 50);

    assertThat(goal(carol, "kill-10").getInteger("progress")).isZero();
    assertThat(goal(carol, "kill-10").getString("status")).isEqualTo("not_started");
  }

  @Test
  @DisplayName("An event without a user id is rejected with INVALID_ARGUMENT")
  void invalidEventIsRejected() {
    assertThatThrownBy(() -> stat("", "enemy_kills", 1, 1))
        .isInstanceOfSatisfying(InvalidStatusException.class,
            e -> assertThat(e.actualStatus()).isEqualTo(GrpcStatus.INVALID_ARGUMENT));
  }

  @Test
  @DisplayName("Acknowledged progress survives a restart of the application")
  void progressSurvivesRestart() {
    String dave = newPlayer();
    post("/v1/challenges/initialize", dave);
    stat(dave, "enemy_kills", 4, 4);

    app.stop().await();
    startApp();

    assertThat(goal(dave, "kill-10").getInteger("progress")).isEqualTo(4);
    assertThat(post("/v1/challenges/initialize", dave).bodyAsJsonObject().getInteger("newAssignments")).isZero();
  }
}
