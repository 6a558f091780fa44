package dev.challengesuite.cache.cluster;

import dev.challengesuite.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (excluded from the build): what sharing players through Redis would
 * cost per read and per write, against announcing changes over pub/sub and reading from memory.
 * Prints latencies (one request at a time) and throughput (64 in flight).
 *
 * <pre>
 * ./mvnw -q -B -pl modules/cache -am test -Dtest=SharedPlayerPerf \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups= -Dgroups=perf
 * </pre>
 */
@Tag("perf")
class SharedPlayerPerf {

  private static final int GOALS = 500;
  private static final int SEQUENTIAL = 2_000;
  private static final int PARALLEL = 5_000;
  private static final int IN_FLIGHT = 64;

  @Test
  @DisplayName("shared player in Redis vs pub/sub announcements vs memory")
  void measure() {
    Vertx vertx = Vertx.vertx();
    try {
      Redis redis = Redis.createClient(vertx, new RedisOptions()
          .setConnectionString(TestRedis.endpoint().uri()).setMaxPoolSize(8).setMaxPoolWaiting(10_000));
      String key = "perf-player-" + UUID.randomUUID();
      JsonObject player = player(GOALS);
      String encoded = player.encode();
      System.out.printf("a player with %d goal rows: %,d bytes of JSON%n", GOALS, encoded.length());

      Map<String, JsonObject> memory = new HashMap<>();
      memory.put(key, player);
      long t0 = System.nanoTime();
      long found = 0;
      for (int i = 0; i < 1_000_000; i++) {
        found += memory.get(key).size();
      }
      System.out.printf("memory read (map lookup): %.3f us/read (%d)%n", (System.nanoTime() - t0) / 1e3 / 1_000_000, found);

      t0 = System.nanoTime();
      for (int i = 0; i < SEQUENTIAL; i++) {
        player.encode();
      }
      double encodeUs = (System.nanoTime() - t0) / 1e3 / SEQUENTIAL;
      t0 = System.nanoTime();
      for (int i = 0; i < SEQUENTIAL; i++) {
        new JsonObject(encoded);
      }
      double decodeUs = (System.nanoTime() - t0) / 1e3 / SEQUENTIAL;
      System.out.printf("JSON encode %.1f us, decode %.1f us per player%n", encodeUs, decodeUs);

      await(redis.send(Request.cmd(Command.SET).arg(key).arg(encoded)));
      sequential("Redis GET + decode (shared read)", SEQUENTIAL,
          () -> redis.send(Request.cmd(Command.GET).arg(key)).map(r -> new JsonObject(r.toString())));
      sequential("encode + Redis SET (shared write)", SEQUENTIAL,
          () -> redis.send(Request.cmd(Command.SET).arg(key).arg(player.encode())));
      String announcement = "instance-a\tplayer-" + UUID.randomUUID() + "\t42";
      String channel = "perf-" + UUID.randomUUID();
      sequential("Redis PUBLISH of one announcement", SEQUENTIAL,
          () -> redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(announcement)));

      parallel("Redis GET + decode (shared read)",
          () -> redis.send(Request.cmd(Command.GET).arg(key)).map(r -> new JsonObject(r.toString())));
      parallel("encode + Redis SET (shared write)",
          () -> redis.send(Request.cmd(Command.SET).arg(key).arg(player.encode())));
      parallel("Redis PUBLISH of one announcement",
          () -> redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(announcement)));
      await(redis.send(Request.cmd(Command.DEL).arg(key)));
    } finally {
      vertx.close().await();
    }
  }

  private static JsonObject player(int goals) {
    Instant at = Instant.parse("2026-03-06T10:00:00Z");
    JsonArray rows = new JsonArray();
    for (int i = 0; i < goals; i++) {
      rows.add(new JsonObject().put("goalId", "goal-" + i).put("challengeId", "challenge-" + i / 50)
          .put("active", true).put("status", "in_progress").put("progress", i * 7).put("seq", 1000 + i)
          .put("loginBase", 3).put("baseline", (Integer) null).put("assignedAt", at.toString())
          .put("completedAt", (String) null).put("claimedAt", (String) null).put("expiresAt", (String) null)
          .put("updatedAt", at.toString()));
    }
    JsonObject stats = new JsonObject();
    for (int s = 0; s < 5; s++) {
      stats.put("stat-" + s, new JsonArray().add(s * 100).add(1000 + s));
    }
    return new JsonObject().put("userId", "player-1").put("version", 42).put("seq", 1234).put("loginCount", 17)
        .put("stats", stats).put("goals", rows);
  }

  private static void sequential(String label, int count, java.util.function.Supplier<Future<?>> op) {
    for (int i = 0; i < count / 4; i++) {
      await(op.get());
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      await(op.get());
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%-36s one at a time: p50 %.0f us, p99 %.0f us%n", label, nanos[count / 2] / 1e3,
        nanos[count * 99 / 100] / 1e3);
  }

  private static void parallel(String label, java.util.function.Supplier<Future<?>> op) {
    long start = System.nanoTime();
    List<Future<?>> lanes = new ArrayList<>();
    for (int lane = 0; lane < IN_FLIGHT; lane++) {
      Future<?> chain = Future.succeededFuture();
      for (int i = lane; i < PARALLEL; i += IN_FLIGHT) {
        chain = chain.compose(done -> op.get());
      }
      lanes.add(chain);
    }
    await(Future.all(lanes));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-36s %d in flight: %,.0f ops/s%n", label, IN_FLIGHT, PARALLEL / seconds);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
