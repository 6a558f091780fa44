package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.MigratedDatabase.await;

import dev.challengesuite.common.progress.Crossing;
import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (excluded from the build): write batches of player rows through
 * {@link PlayerRepository#write} with a few transactions in flight, as the partitions do, and
 * print rows/s.
 *
 * <pre>
 * ./mvnw -q -B -pl modules/persistence -am test -Dtest=WriteThroughputPerf \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups= -Dgroups=perf
 * </pre>
 * Optional: -Dperf.batches=200 -Dperf.players=250 -Dperf.inFlight=4 (also the pool size).
 */
@Tag("perf")
class WriteThroughputPerf {

  private static final int BATCHES = Integer.getInteger("perf.batches", 200);
  private static final int PLAYERS_PER_BATCH = Integer.getInteger("perf.players", 250);
  private static final int IN_FLIGHT = Integer.getInteger("perf.inFlight", 4);
  /** What a counter holds after a few random values 0..1000 against targets 1..1000. */
  private static final List<Crossing> TYPICAL_CROSSINGS = List.of(
      new Crossing(312, 4, Instant.parse("2025-03-01T10:15:30Z")),
      new Crossing(671, 19, Instant.parse("2025-03-01T10:16:02Z")),
      new Crossing(944, 57, Instant.parse("2025-03-01T10:18:45Z")));
  private static final List<String> STAT_CODES =
      List.of("kills", "wins", "matches", "xp", "coins");
  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create(Math.max(IN_FLIGHT, 1));
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  @DisplayName("player rows per second: insert, update, update with one event receipt each")
  void measure() {
    Instant at = Instant.parse("2025-03-01T00:00:00Z");
    run("warm-up (not counted)", batch -> batch(batch + BATCHES, 1, at, false));
    run("insert new players", batch -> batch(batch, 1, at, false));
    run("update players", batch -> batch(batch, 2, at, false));
    run("update players + 1 receipt each", batch -> batch(batch, 3, at, true));
  }

  private static void run(String label, IntFunction<PlayerWriteBatch> batches) {
    List<PlayerWriteBatch> prepared = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      prepared.add(batches.apply(i));
    }
    long start = System.nanoTime();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < IN_FLIGHT; lane++) {
      Future<Void> chain = Future.succeededFuture();
      for (int i = lane; i < BATCHES; i += IN_FLIGHT) {
        PlayerWriteBatch batch = prepared.get(i);
        chain = chain.compose(done -> repository.write(batch).mapEmpty());
      }
      lanes.add(chain);
    }
    await(Future.all(lanes));
    double seconds = (System.nanoTime() - start) / 1e9;
    int rows = BATCHES * PLAYERS_PER_BATCH;
    System.out.printf("%-34s %,d rows in %.2f s = %,.0f rows/s (%d batches of %d, %d in flight)%n",
        label, rows, seconds, rows / seconds, BATCHES, PLAYERS_PER_BATCH, IN_FLIGHT);
  }

  private static PlayerWriteBatch batch(int batch, long version, Instant at, boolean receipts) {
    List<PlayerWrite> writes = new ArrayList<>(PLAYERS_PER_BATCH);
    for (int p = 0; p < PLAYERS_PER_BATCH; p++) {
      String user = "perf-" + batch + "-" + p;
      Map<String, StatValue> stats = new HashMap<>();
      Map<String, List<Crossing>> crossings = new HashMap<>();
      for (int s = 0; s < STAT_CODES.size(); s++) {
        stats.put(STAT_CODES.get(s), new StatValue((int) (version * 10 + s), version));
        crossings.put(STAT_CODES.get(s), TYPICAL_CROSSINGS);
      }
      writes.add(new PlayerWrite(user, version - 1, version,
          new PlayerStats(version, 0, stats, new Crossings(crossings)), null, List.of(),
          receipts ? List.of("event-" + version + "-" + user) : List.of(), at));
    }
    return new PlayerWriteBatch(writes);
  }
}
