package dev.challengesuite.launcher;

import dev.challengesuite.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.cache.catalog.CatalogLoader;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.launcher.config.ConfigLoader;
import dev.challengesuite.persistence.PgPools;
import dev.challengesuite.rewards.ags.AgsRewardClient;
import dev.challengesuite.rewards.ags.AgsSettings;
import dev.challengesuite.rewards.ags.RetryPolicy;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import dev.challengesuite.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Claims through the whole application: HTTP in, a real PostgreSQL, and the real AGS reward client
 * ({@code rewards.mode=real}) talking to {@link FakeAgsServer} on loopback. The service clock is
 * still and moved by the tests (rotation, pending expiry); the reward client keeps real, short
 * timings.
 */
class ClaimEndToEndTest {

  private static final String NS = "test-ns";
  private static final Instant START = Instant.parse("2026-03-06T10:00:00Z");
  private static final Duration PENDING_EXPIRY = Duration.ofSeconds(30);
  /** The standard shape with short waits; attempts time out after 1 s, the grant after 1.5 s. */
  private static final RetryPolicy FAST = new RetryPolicy(
      4, Duration.ofMillis(20), Duration.ofMillis(80), 0.2, Duration.ofSeconds(1), Duration.ofMillis(1_500));

  private static TestPostgres database;
  private static Vertx vertx;
  private static FakeAgsServer ags;
  private static AppConfig config;
  private static CatalogIndex catalog;
  private static final MutableClock clock = new MutableClock(START);
  private static Application app;
  private static PrometheusMeterRegistry registry;
  private static WebClient http;
  private static Pool sql;
  private static StatisticStatItemUpdatedServiceGrpcClient stats;

  @BeforeAll
  static void start() throws IOException {
    database = TestPostgres.create();
    vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    ags = FakeAgsServer.start(vertx).await();
    Map<String, String> settings = Map.ofEntries(
        Map.entry("challenge.auth.enabled", "false"),
        Map.entry("challenge.rewards.mode", "real"),
        Map.entry("challenge.rewards.platformBaseUrl", ags.baseUrl()),
        Map.entry("challenge.auth.iamBaseUrl", ags.baseUrl()),
        Map.entry("challenge.auth.clientId", FakeAgsServer.CLIENT_ID),
        Map.entry("challenge.auth.clientSecret", FakeAgsServer.CLIENT_SECRET),
        Map.entry("challenge.claims.grantTimeoutMs", "3000"),
        Map.entry("challenge.claims.pendingExpiryMs", String.valueOf(PENDING_EXPIRY.toMillis())),
        Map.entry("challenge.http.host", "127.0.0.1"),
        Map.entry("challenge.http.port", String.valueOf(freePort())),
        Map.entry("challenge.grpc.host", "127.0.0.1"),
        Map.entry("challenge.grpc.port", String.valueOf(freePort())),
        Map.entry("challenge.metrics.port", String.valueOf(freePort())),
        Map.entry("challenge.namespace", NS));
    config = ConfigLoader.load(new JsonObject(), "claims-e2e", Map.of(), settings)
        .withDatabase(database.config());
    catalog = CatalogLoader.load(Path.of("src/test/resources/claims-e2e-challenges.json"));
    startApp();
    http = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    sql = PgPools.create(vertx, database.config(2));
    stats = StatisticStatItemUpdatedServiceGrpcClient.create(GrpcClient.client(vertx),
        SocketAddress.inetSocketAddress(config.grpc().port(), "127.0.0.1"));
  }

  /** Starts the application (again) on the same database and fake AGS. */
  private static void startApp() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    app = Application.start(vertx, config, catalog, new ServiceClock(clock, 0), registry,
        v -> new AgsRewardClient(v, AgsSettings.from(config), FAST)).await();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop().await();
    }
    if (sql != null) {
      sql.close().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (database != null) {
      database.close();
    }
  }

  // ---- helpers ----

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The service's now as the API writes it (the clock only moves when a test moves it). */
  private static String now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static String newPlayer() {
    return "player-" + UUID.randomUUID();
  }

  private static Future<HttpResponse<Buffer>> send(HttpMethod method, String path, String user, JsonObject body) {
    return http.request(method, config.http().port(), "127.0.0.1", "/challenge" + path)
        .putHeader("x-mock-user-id", user).sendJsonObject(body);
  }

  private static Future<HttpResponse<Buffer>> claimAsync(String user, String challengeId, String goalId) {
    return send(HttpMethod.POST, "/v1/challenges/" + challengeId + "/goals/" + goalId + "/claim", user,
        new JsonObject());
  }

  private static HttpResponse<Buffer> claim(String user, String challengeId, String goalId) {
    return claimAsync(user, challengeId, goalId).await();
  }

  private static void initialize(String user) {
    assertThat(send(HttpMethod.POST, "/v1/challenges/initialize", user, new JsonObject()).await().statusCode())
        .isEqualTo(200);
  }

  private static void setActive(String user, String challengeId, String goalId, boolean active) {
    assertThat(send(HttpMethod.PUT, "/v1/challenges/" + challengeId + "/goals/" + goalId + "/active", user,
        new JsonObject().put("isActive", active)).await().statusCode()).isEqualTo(200);
  }

  private static void stat(String user, String statCode, double value) {
    stats.onMessage(StatItemUpdated.newBuilder().setId(UUID.randomUUID().toString()).setUserId(user)
        .setNamespace(NS)
        .setPayload(StatItem.newBuilder().setStatCode(statCode).setLatestValue(value).setInc(value))
        .build()).await();
  }

  /** A player whose default goal kill-10 is completed (12 kills of 10). */
  private static String playerWithKill10Completed() {
    String user = newPlayer();
    initialize(user);
    stat(user, "enemy_kills", 12);
    assertThat(goal(user, "kill-10").getString("status")).isEqualTo("completed");
    return user;
  }

  private static JsonObject goal(String user, String goalId) {
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/v1/challenges", user, new JsonObject()).await();
    assertThat(response.statusCode()).isEqualTo(200);
    for (Object challenge : response.bodyAsJsonObject().getJsonArray("challenges")) {
      JsonArray goals = ((JsonObject) challenge).getJsonArray("goals");
      for (int i = 0; i < goals.size(); i++) {
        if (goals.getJsonObject(i).getString("goalId").equals(goalId)) {
          return goals.getJsonObject(i);
        }
      }
    }
    throw new AssertionError("goal " + goalId + " not listed");
  }

  private static void assertError(HttpResponse<Buffer> response, int status, int code, String message) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.bodyAsJsonObject()).isEqualTo(
        new JsonObject().put("code", code).put("message", message).put("details", new JsonArray()));
  }

  private static List<FakeAgsServer.Grant> grantsTo(String user) {
    return ags.grants().stream().filter(grant -> grant.userId().equals(user)).toList();
  }

  private static Row claimRow(String user, String goalId) {
    var rows = sql.preparedQuery("SELECT * FROM reward_claim WHERE user_id = $1 AND goal_id = $2")
        .execute(Tuple.of(user, goalId)).await();
    assertThat(rows.size()).isEqualTo(1);
    return rows.iterator().next();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }

  // ---- the claim matrix ----

  @Nested
  @DisplayName("the claim matrix over HTTP")
  class Matrix {

    @Test
    @DisplayName("completed: 200 with the catalog's reward, granted once through AGS, and listed as claimed")
    void completed() {
      String user = playerWithKill10Completed();

      HttpResponse<Buffer> response = claim(user, "starter", "kill-10");

      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
          .put("goalId", "kill-10")
          .put("status", "claimed")
          .put("reward", new JsonObject().put("type", "WALLET").put("rewardId", "GOLD").put("quantity", 50))
          .put("claimedAt", now()));
      FakeAgsServer.Grant grant = ags.assertGrantedExactlyOnce(user + ":kill-10::1");
      assertThat(grant).isEqualTo(new FakeAgsServer.Grant(NS, user, RewardType.WALLET, "GOLD", 50,
          user + ":kill-10::1"));
      JsonObject listed = goal(user, "kill-10");
      assertThat(listed.getString("status")).isEqualTo("claimed");
      assertThat(listed.getString("claimedAt")).isEqualTo(now());
      Row row = claimRow(user, "kill-10");
      assertThat(row.getString("state")).isEqualTo("granted");
      assertThat(row.getBoolean("verified")).isTrue();
    }

    @Test
    @DisplayName("claimed: 409 with claimed_at, and nothing granted again")
    void claimed() {
      String user = playerWithKill10Completed();
      claim(user, "starter", "kill-10");

      assertError(claim(user, "starter", "kill-10"), 409, 6,
          "Reward has already been claimed (goal_id: kill-10, claimed_at: " + now() + ")");
      assertThat(grantsTo(user)).hasSize(1);
    }

    @Test
    @DisplayName("no row (never initialised): 400 not completed, status not_started")
    void noRow() {
      assertError(claim(newPlayer(), "starter", "kill-10"), 400, 9,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kill-10, status: not_started)");
    }

    @Test
    @DisplayName("inactive: 400 must be active, even when completed")
    void inactive() {
      String user = playerWithKill10Completed();
      setActive(user, "starter", "kill-10", false);

      assertError(claim(user, "starter", "kill-10"), 400, 9,
          "Goal must be active to claim reward. Activate it first via PUT "
              + "/v1/challenges/starter/goals/kill-10/active (goal_id: kill-10)");
    }

    @Test
    @DisplayName("in progress: 400 not completed with status in_progress")
    void inProgress() {
      String user = newPlayer();
      initialize(user);
      stat(user, "enemy_kills", 4);

      assertError(claim(user, "starter", "kill-10"), 400, 9,
          "Goal not completed. Please wait 1 second and try again. (goal_id: kill-10, status: in_progress)");
    }

    @Test
    @DisplayName("rotated: a daily goal completed yesterday is 400 rotated")
    void rotated() {
      String user = newPlayer();
      setActive(user, "starter", "daily-kills", true);
      stat(user, "enemy_kills", 5);
      assertThat(goal(user, "daily-kills").getString("status")).isEqualTo("completed");

      clock.advance(Duration.ofDays(1));

      assertError(claim(user, "starter", "daily-kills"), 400, 9,
          "Goal has rotated and must be re-completed (goal_id: daily-kills, challenge_id: starter)");
      assertThat(grantsTo(user)).isEmpty();
    }

    @Test
    @DisplayName("prerequisites unmet: 400 prerequisites")
    void prerequisitesUnmet() {
      String user = newPlayer();
      setActive(user, "starter", "win-5", true);
      stat(user, "wins", 6);

      assertError(claim(user, "starter", "win-5"), 400, 9, "Prerequisites not completed (goal_id: win-5)");
    }

    @Test
    @DisplayName("unknown goal: 404")
    void unknownGoal() {
      assertError(claim(newPlayer(), "starter", "nope"), 404, 5,
          "Goal not found or removed from config (goal_id: nope, challenge_id: starter)");
    }

    @Test
    @DisplayName("wrong challenge: 404")
    void wrongChallenge() {
      assertError(claim(newPlayer(), "other", "kill-10"), 404, 5,
          "Goal not found or removed from config (goal_id: kill-10, challenge_id: other)");
    }

    @Test
    @DisplayName("reward failure (AGS answers 500 to every attempt): 500, goal still completed; the retry is granted once")
    void rewardFailureThenRetry() {
      String user = playerWithKill10Completed();
      int before = ags.platformRequestCount();
      ags.failNext(4, 500);

      assertError(claim(user, "starter", "kill-10"), 500, 13,
          "Failed to grant reward via Platform Service after 3 retries (goal_id: kill-10)");
      assertThat(ags.platformRequestCount() - before).isEqualTo(4);
      assertThat(grantsTo(user)).isEmpty();
      assertThat(goal(user, "kill-10").getString("status")).isEqualTo("completed");
      assertThat(claimRow(user, "kill-10").getString("state")).isEqualTo("failed");

      HttpResponse<Buffer> retry = claim(user, "starter", "kill-10");

      assertThat(retry.statusCode()).as(retry.bodyAsString()).isEqualTo(200);
      ags.assertGrantedExactlyOnce(user + ":kill-10::2");
      assertThat(grantsTo(user)).hasSize(1);
      assertThat(goal(user, "kill-10").getString("status")).isEqualTo("claimed");
    }
  }

  // ---- concurrency and failures ----

  @Test
  @DisplayName("50 parallel claims of one completed goal: exactly one 200, 49 × 409, one grant at AGS")
  void fiftyParallelClaims() {
    String user = playerWithKill10Completed();
    List<Future<HttpResponse<Buffer>>> replies = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      replies.add(claimAsync(user, "starter", "kill-10"));
    }
    Future.join(replies).await();

    List<Integer> statuses = replies.stream().map(reply -> reply.result().statusCode()).toList();
    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
    ags.assertGrantedExactlyOnce(user + ":kill-10::1");
    assertThat(grantsTo(user)).hasSize(1);
  }

  @Test
  @DisplayName("no database row lock is held while the grant is in flight")
  void noLockDuringGrant() throws InterruptedException {
    String user = playerWithKill10Completed();
    int before = ags.platformRequestCount();
    ags.delayNext(1, 500);

    Future<HttpResponse<Buffer>> reply = claimAsync(user, "starter", "kill-10");
    waitUntil(() -> ags.platformRequestCount() > before);
    // kill-10 is an implicit default goal: its completion lives in the player row (crossings),
    // so that row and every goal row of the player must be free, as well as the claim row.
    String lockedRows = sql.withTransaction(conn -> conn.preparedQuery("""
            SELECT (SELECT state FROM reward_claim WHERE user_id = $1 FOR UPDATE NOWAIT)
                || ' ' || (SELECT 'player' FROM player WHERE user_id = $1 FOR UPDATE NOWAIT)
                || ' ' || (SELECT count(*) || ' goal rows' FROM (
                             SELECT 1 FROM player_goal WHERE user_id = $1 FOR UPDATE NOWAIT) AS g)
                AS rows""")
        .execute(Tuple.of(user)).map(rows -> rows.iterator().next().getString("rows"))).await();

    assertThat(lockedRows).isEqualTo("pending player 0 goal rows");
    assertThat(reply.await().statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("crash safety: AGS grants but the answer is lost; after a restart the retried claim settles it, granted once")
  void answerLostThenRestart() {
    String user = playerWithKill10Completed();
    ags.delayNext(1, 1_500); // granted at once, answered after the 1 s attempt timeout

    assertError(claim(user, "starter", "kill-10"), 503, 14,
        "Reward grant could not be confirmed; retry the claim later (goal_id: kill-10)");
    assertThat(claimRow(user, "kill-10").getString("state")).isEqualTo("pending");

    app.stop().await();
    startApp();

    assertError(claim(user, "starter", "kill-10"), 409, 10, "Reward claim already in progress (goal_id: kill-10)");
    clock.advance(PENDING_EXPIRY);
    HttpResponse<Buffer> settled = claim(user, "starter", "kill-10");

    assertThat(settled.statusCode()).as(settled.bodyAsString()).isEqualTo(200);
    ags.assertGrantedExactlyOnce(user + ":kill-10::1");
    assertThat(grantsTo(user)).hasSize(1);
    assertThat(goal(user, "kill-10").getString("status")).isEqualTo("claimed");
    Row row = claimRow(user, "kill-10");
    assertThat(row.getString("state")).isEqualTo("granted");
    assertThat(row.getBoolean("verified")).isFalse();
    assertThat(registry.scrape()).contains("challenge_claims_unverified_total{partition=");
    assertError(claim(user, "starter", "kill-10"), 409, 6,
        "Reward has already been claimed (goal_id: kill-10, claimed_at: " + now() + ")");
  }

  @Test
  @DisplayName("crash safety: the application stopped while a grant is in flight records it before it stops; granted once")
  void stopDuringGrant() throws InterruptedException {
    String user = playerWithKill10Completed();
    int before = ags.platformRequestCount();
    ags.delayNext(1, 400);

    claimAsync(user, "starter", "kill-10");
    waitUntil(() -> ags.platformRequestCount() > before);
    app.stop().await();
    startApp();

    assertThat(claimRow(user, "kill-10").getString("state")).isEqualTo("granted");
    assertThat(claim(user, "starter", "kill-10").statusCode()).isEqualTo(409);
    assertThat(goal(user, "kill-10").getString("status")).isEqualTo("claimed");
    ags.assertGrantedExactlyOnce(user + ":kill-10::1");
  }
}
