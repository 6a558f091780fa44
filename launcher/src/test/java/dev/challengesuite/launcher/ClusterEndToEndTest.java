package dev.challengesuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.cache.catalog.CatalogLoader;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.launcher.config.ConfigLoader;
import dev.challengesuite.persistence.PgPools;
import dev.challengesuite.rewards.ags.AgsRewardClient;
import dev.challengesuite.rewards.ags.AgsSettings;
import dev.challengesuite.rewards.ags.RetryPolicy;
import dev.challengesuite.rewards.testing.FakeAgsServer;
import dev.challengesuite.testing.TestPostgres;
import dev.challengesuite.testing.TestRedis;
import io.micrometer.core.instrument.Counter;
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
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
 * Two instances of the application in one JVM, each with its own Vert.x, ports, partitions and
 * player cache, on one PostgreSQL database and one Redis channel, with the real AGS reward client
 * against one {@link FakeAgsServer}. They share nothing but the database and Redis, as two
 * processes would. Clients talk to them only over HTTP and gRPC.
 */
class ClusterEndToEndTest {

  private static final String NS = "test-ns";
  /**
   * What the scaling document promises for cross-instance visibility of an acknowledged change
   * (on a machine not saturated by other work).
   */
  private static final Duration VISIBILITY_BOUND = Duration.ofMillis(100);
  /** How long the other tests give an instance to show another's change (the bound itself is tested above). */
  private static final Duration SETTLED = Duration.ofSeconds(1);
  private static final RetryPolicy FAST = new RetryPolicy(
      4, Duration.ofMillis(20), Duration.ofMillis(80), 0.2, Duration.ofSeconds(1), Duration.ofMillis(1_500));

  private static TestPostgres database;
  private static Vertx tools;
  private static FakeAgsServer ags;
  private static CatalogIndex catalog;
  private static WebClient http;
  private static GrpcClient grpc;
  private static Pool sql;
  private static Node a;
  private static Node b;
  /** Calls the test client sent again after UNAVAILABLE / 503. */
  private static final AtomicInteger clientRetries = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    String redis = TestRedis.endpoint().uri();
    database = TestPostgres.create();
    tools = Vertx.vertx();
    ags = FakeAgsServer.start(tools).await();
    catalog = CatalogLoader.load(Path.of("src/test/resources/cluster-e2e-challenges.json"));
    http = WebClient.create(tools, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(32));
    grpc = GrpcClient.client(tools);
    sql = PgPools.create(tools, database.config(2));
    String channel = "test-cluster-" + UUID.randomUUID();
    a = Node.start("a", redis, channel);
    b = Node.start("b", redis, channel);
    waitUntil(Duration.ofSeconds(5), () -> a.subscribed() && b.subscribed());
  }

  @AfterAll
  static void stop() {
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (sql != null) {
      sql.close().await();
    }
    if (tools != null) {
      tools.close().await();
    }
    if (database != null) {
      database.close();
    }
  }

  /** One instance of the service. */
  private static final class Node {
    final String name;
    final AppConfig config;
    final Vertx vertx;
    final PrometheusMeterRegistry registry;
    final Application app;
    final StatisticStatItemUpdatedServiceGrpcClient stats;
    final UserAuthenticationUserLoggedInServiceGrpcClient logins;

    private Node(String name, AppConfig config, Vertx vertx, PrometheusMeterRegistry registry, Application app) {
      this.name = name;
      this.config = config;
      this.vertx = vertx;
      this.registry = registry;
      this.app = app;
      SocketAddress address = SocketAddress.inetSocketAddress(config.grpc().port(), "127.0.0.1");
      this.stats = StatisticStatItemUpdatedServiceGrpcClient.create(grpc, address);
      this.logins = UserAuthenticationUserLoggedInServiceGrpcClient.create(grpc, address);
    }

    static Node start(String name, String redisUrl, String channel) throws IOException {
      Map<String, String> settings = Map.ofEntries(
          Map.entry("challenge.auth.enabled", "false"),
          Map.entry("challenge.rewards.mode", "real"),
          Map.entry("challenge.rewards.platformBaseUrl", ags.baseUrl()),
          Map.entry("challenge.auth.iamBaseUrl", ags.baseUrl()),
          Map.entry("challenge.auth.clientId", FakeAgsServer.CLIENT_ID),
          Map.entry("challenge.auth.clientSecret", FakeAgsServer.CLIENT_SECRET),
          Map.entry("challenge.claims.grantTimeoutMs", "3000"),
          Map.entry("challenge.players.partitions", "2"),
          Map.entry("challenge.http.host", "127.0.0.1"),
          Map.entry("challenge.http.port", String.valueOf(freePort())),
          Map.entry("challenge.http.instances", "1"),
          Map.entry("challenge.grpc.host", "127.0.0.1"),
          Map.entry("challenge.grpc.port", String.valueOf(freePort())),
          Map.entry("challenge.grpc.instances", "1"),
          Map.entry("challenge.metrics.port", String.valueOf(freePort())),
          Map.entry("challenge.namespace", NS),
          Map.entry("challenge.cluster.instanceId", "instance-" + name),
          Map.entry("challenge.cluster.redisUrl", redisUrl),
          Map.entry("challenge.cluster.channel", channel));
      AppConfig config = ConfigLoader.load(new JsonObject(), "cluster-e2e-" + name, Map.of(), settings)
          .withDatabase(database.config());
      Vertx vertx = Vertx.vertx();
      LocalCodec.register(vertx);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Application app = Application.start(vertx, config, catalog, ServiceClock.system(0), registry,
          v -> new AgsRewardClient(v, AgsSettings.from(config), FAST)).await();
      return new Node(name, config, vertx, registry, app);
    }

    void stop() {
      app.stop().await();
      vertx.close().await();
    }

    boolean subscribed() {
      return registry.get("challenge.cluster.redis.subscribed").gauge().value() == 1;
    }

    double counted(String meter, String... tags) {
      return registry.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    double publishFailures() {
      return registry.get("challenge.cluster.publish.failures").functionCounter().count();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  // ---- helpers ----

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String newPlayer() {
    return "player-" + UUID.randomUUID();
  }

  private static Future<HttpResponse<Buffer>> send(Node node, HttpMethod method, String path, String user,
      JsonObject body) {
    return http.request(method, node.config.http().port(), "127.0.0.1", "/challenge" + path)
        .putHeader("x-mock-user-id", user).sendJsonObject(body);
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject initialize(Node node, String user) {
    return ok(send(node, HttpMethod.POST, "/v1/challenges/initialize", user, new JsonObject()).await());
  }

  private static Future<HttpResponse<Buffer>> setActive(Node node, String user, String goalId, boolean active) {
    return send(node, HttpMethod.PUT, "/v1/challenges/season/goals/" + goalId + "/active", user,
        new JsonObject().put("isActive", active));
  }

  private static Future<HttpResponse<Buffer>> claim(Node node, String user, String goalId) {
    return send(node, HttpMethod.POST, "/v1/challenges/season/goals/" + goalId + "/claim", user, new JsonObject());
  }

  /** The player's list as the node serves it: goal id → goal. */
  private static Map<String, JsonObject> goals(Node node, String user) {
    JsonObject list = ok(send(node, HttpMethod.GET, "/v1/challenges", user, new JsonObject()).await());
    Map<String, JsonObject> goals = new HashMap<>();
    JsonArray listed = list.getJsonArray("challenges").getJsonObject(0).getJsonArray("goals");
    for (int i = 0; i < listed.size(); i++) {
      goals.put(listed.getJsonObject(i).getString("goalId"), listed.getJsonObject(i));
    }
    return goals;
  }

  private static int progress(Node node, String user, String goalId) {
    return goals(node, user).get(goalId).getInteger("progress");
  }

  private static Set<String> activeGoals(Node node, String user) {
    Set<String> active = new TreeSet<>();
    goals(node, user).forEach((id, goal) -> {
      if (goal.getBoolean("isActive")) {
        active.add(id);
      }
    });
    return active;
  }

  private static Future<?> stat(Node node, String user, String statCode, double value) {
    return node.stats.onMessage(StatItemUpdated.newBuilder().setId(UUID.randomUUID().toString()).setUserId(user)
        .setNamespace(NS).setPayload(StatItem.newBuilder().setStatCode(statCode).setLatestValue(value).setInc(1))
        .build());
  }

  private static Future<?> login(Node node, String user, String eventId) {
    return node.logins.onMessage(UserLoggedIn.newBuilder().setId(eventId).setUserId(user).setNamespace(NS).build());
  }

  /** Retries a call failed with UNAVAILABLE, as the platform does with events. */
  private static <T> Future<T> retried(Supplier<Future<T>> call, int attemptsLeft) {
    return call.get().recover(error -> {
      boolean unavailable = error instanceof InvalidStatusException status
          && status.actualStatus() == GrpcStatus.UNAVAILABLE;
      if (unavailable && attemptsLeft > 1) {
        clientRetries.incrementAndGet();
        return retried(call, attemptsLeft - 1);
      }
      return Future.failedFuture(error);
    });
  }

  /** Retries a request answered 503, as a game client may. */
  private static Future<HttpResponse<Buffer>> retriedHttp(Supplier<Future<HttpResponse<Buffer>>> call,
      int attemptsLeft) {
    return call.get().compose(response -> {
      if (response.statusCode() == 503 && attemptsLeft > 1) {
        clientRetries.incrementAndGet();
        return retriedHttp(call, attemptsLeft - 1);
      }
      return Future.succeededFuture(response);
    });
  }

  private static void waitUntil(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  // ---- visibility ----

  @Test
  @DisplayName("An event acknowledged by instance A shows in instance B's list within 100 ms (50 trials: p90, and every trial within 500 ms)")
  void eventOnAVisibleOnB() {
    String user = newPlayer();
    initialize(a, user);
    for (int warmUp = 1; warmUp <= 10; warmUp++) {
      visibleOnB(user, warmUp);
    }
    List<Long> delays = new ArrayList<>();
    int freshAtOnce = 0;

    for (int score = 11; score <= 60; score++) {
      long[] measured = visibleOnB(user, score);
      delays.add(measured[0]);
      freshAtOnce += measured[1] == 0 ? 1 : 0;
    }

    Collections.sort(delays);
    System.out.printf("cross-instance visibility, event acknowledged by A until B's list shows it (50 trials):"
            + " p50 %.2f ms, p90 %.2f ms, max %.2f ms; first GET already fresh in %d of 50%n",
        millis(delays.get(24)), millis(delays.get(44)), millis(delays.getLast()), freshAtOnce);
    // the bound for nine in ten trials; the outliers only for a machine busy with other work
    assertThat(delays.get(44)).isLessThan(VISIBILITY_BOUND.toNanos());
    assertThat(delays.getLast()).isLessThan(5 * VISIBILITY_BOUND.toNanos());
  }

  /**
   * Sends {@code score} to A while B holds the player as it was, then asks B until its list shows
   * it: the time from A's acknowledgement to that answer, and how many answers were stale.
   */
  private static long[] visibleOnB(String user, int score) {
    assertThat(progress(b, user, "score")).isEqualTo(score - 1);
    stat(a, user, "score", score).await();
    long acknowledged = System.nanoTime();
    int stale = 0;
    while (progress(b, user, "score") != score) {
      stale++;
      assertThat(System.nanoTime() - acknowledged).as("B still stale").isLessThan(Duration.ofSeconds(2).toNanos());
    }
    return new long[] {System.nanoTime() - acknowledged, stale};
  }

  @Test
  @DisplayName("Both instances show the same catalog hash in /readyz and in challenge_catalog_info")
  void catalogHash() {
    for (Node node : List.of(a, b)) {
      HttpResponse<Buffer> ready = http.get(node.config.http().port(), "127.0.0.1", "/challenge/readyz").send().await();
      assertThat(ready.bodyAsJsonObject().getString("catalogHash")).isEqualTo(catalog.hash());
      HttpResponse<Buffer> metrics = http.get(node.config.metrics().port(), "127.0.0.1", "/metrics").send().await();
      assertThat(metrics.bodyAsString()).contains("challenge_catalog_info{hash=\"" + catalog.hash() + "\"} 1");
    }
  }

  // ---- commands on both ----

  @Test
  @DisplayName("Set-active on A, batch-select on B, initialize on A: each sees the one before, and both list the same state")
  void commandsAcrossInstances() {
    String user = newPlayer();
    goals(b, user); // B holds the player before A changes it

    ok(setActive(a, user, "win-5", true).await());
    JsonObject selection = ok(send(b, HttpMethod.POST, "/v1/challenges/season/goals/batch-select", user,
        new JsonObject().put("goalIds", new JsonArray().add("craft-5")).put("replaceExisting", true)).await());
    JsonObject initialized = initialize(a, user);

    assertThat(selection.getJsonArray("replacedGoals")).containsExactly("win-5");
    assertThat(initialized.getInteger("newAssignments")).isEqualTo(3);
    assertThat(initialized.getInteger("totalActive")).isEqualTo(4);
    Set<String> expected = Set.of("craft-5", "kill-10", "logins", "score");
    assertThat(activeGoals(a, user)).isEqualTo(expected);
    waitUntil(SETTLED, () -> activeGoals(b, user).equals(expected));
    assertThat(goals(b, user)).isEqualTo(goals(a, user));
  }

  @Test
  @DisplayName("20 rounds of concurrent logins and set-actives through both: every login counted once, the last set-active wins")
  void concurrentWrites() {
    String user = newPlayer();
    initialize(a, user);
    goals(b, user);

    for (int round = 0; round < 20; round++) {
      int r = round;
      Node setter = round % 2 == 0 ? a : b;
      Future.all(
          retried(() -> login(a, user, "a-" + r), 5),
          retried(() -> login(b, user, "b-" + r), 5),
          retriedHttp(() -> setActive(setter, user, "win-5", r % 2 == 0), 5).map(ClusterEndToEndTest::ok))
          .await();
    }

    int stored = sql.preparedQuery("SELECT login_count FROM player WHERE user_id = $1").execute(Tuple.of(user))
        .await().iterator().next().getInteger(0);
    assertThat(stored).isEqualTo(40);
    // each instance may show its copy until the other's last announcement arrives
    for (Node node : List.of(a, b)) {
      waitUntil(SETTLED, () -> progress(node, user, "logins") == 40);
      assertThat(goals(node, user).get("win-5").getBoolean("isActive")).isFalse();
    }
    assertThat(goals(b, user)).isEqualTo(goals(a, user));
    double conflicts = a.counted("challenge.write.conflicts") + b.counted("challenge.write.conflicts");
    System.out.printf("concurrent writes: %.0f player writes lost the version check and ran again; the client"
        + " retried %d calls%n", conflicts, clientRetries.get());
    assertThat(conflicts).as("the instances did race for the player").isPositive();
  }

  // ---- claims ----

  @Test
  @DisplayName("The same claim sent to both instances at the same moment: one 200, one 409, one grant at AGS (5 players)")
  void simultaneousClaims() {
    for (int i = 0; i < 5; i++) {
      String user = newPlayer();
      initialize(a, user);
      stat(a, user, "enemy_kills", 12).await();
      goals(b, user);
      ags.delayNext(1, 200); // the first grant takes a while: the other claim arrives while it is in flight

      Future<HttpResponse<Buffer>> onA = claim(a, user, "kill-10");
      Future<HttpResponse<Buffer>> onB = claim(b, user, "kill-10");
      Future.join(onA, onB).await();

      assertThat(List.of(onA.result().statusCode(), onB.result().statusCode()))
          .as("%s / %s", onA.result().bodyAsString(), onB.result().bodyAsString())
          .containsExactlyInAnyOrder(200, 409);
      assertThat(ags.grants().stream().filter(grant -> grant.userId().equals(user))).hasSize(1);
      // read-your-writes on the instance that granted; the other one converges through Redis
      Node winner = onA.result().statusCode() == 200 ? a : b;
      Node other = winner == a ? b : a;
      assertThat(goals(winner, user).get("kill-10").getString("status")).isEqualTo("claimed");
      waitUntil(SETTLED, () -> goals(other, user).get("kill-10").getString("status").equals("claimed"));
    }
  }

  // ---- Redis outage ----

  @Test
  @DisplayName("Redis stopped mid-test: both instances keep answering from PostgreSQL, and the feed comes back with Redis")
  void redisStopped() throws Exception {
    try (PrivateRedis redis = PrivateRedis.start()) {
      String channel = "test-outage-" + UUID.randomUUID();
      Node c = Node.start("c", redis.url(), channel);
      Node d = Node.start("d", redis.url(), channel);
      try {
        waitUntil(Duration.ofSeconds(5), () -> c.subscribed() && d.subscribed());
        String user = newPlayer();
        initialize(c, user);
        assertThat(progress(d, user, "score")).isZero();

        redis.stop();
        waitUntil(Duration.ofSeconds(5), () -> !c.subscribed() && !d.subscribed());
        for (int i = 1; i <= 5; i++) {
          stat(c, user, "score", i).await();
          assertThat(progress(d, user, "score")).as("D reads PostgreSQL at once").isEqualTo(i);
          stat(d, user, "enemy_kills", i).await();
          assertThat(progress(c, user, "kill-10")).as("C reads PostgreSQL at once").isEqualTo(i);
        }
        assertThat(d.counted("challenge.players.reread", "reason", "untrusted")).isPositive();
        waitUntil(Duration.ofSeconds(5), () -> c.publishFailures() > 0);

        redis.startAgain();
        waitUntil(Duration.ofSeconds(5), () -> c.subscribed() && d.subscribed());
        assertThat(progress(d, user, "score")).isEqualTo(5);
        double rereads = d.counted("challenge.players.reread", "reason", "untrusted");
        stat(c, user, "score", 100).await();
        waitUntil(SETTLED, () -> progress(d, user, "score") == 100);
        assertThat(d.counted("challenge.players.reread", "reason", "untrusted"))
            .as("served from memory again between announcements").isEqualTo(rereads);
      } finally {
        c.stop();
        d.stop();
      }
    }
  }
}
