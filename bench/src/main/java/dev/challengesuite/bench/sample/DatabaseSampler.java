package dev.challengesuite.bench.sample;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.util.List;

/**
 * Rows written and transactions committed per second in the benchmark database, from the deltas
 * of {@code pg_stat_database} (tup_inserted + tup_updated + tup_deleted, xact_commit). PostgreSQL
 * publishes these counters with a delay of up to a second, so single samples are lumpy; windows
 * and summaries are what to read. Samples fail quietly while the database is down.
 */
public final class DatabaseSampler implements AutoCloseable {

  public static final String ROWS = "DB rows written";
  public static final String COMMITS = "DB commits";

  private static final String QUERY = """
      SELECT tup_inserted + tup_updated + tup_deleted AS rows, xact_commit
      FROM pg_stat_database WHERE datname = current_database()""";

  private final Vertx vertx;
  private final long runStartNanos;
  private final Pool pool;
  private final Series rows = new Series(ROWS, "rows/s");
  private final Series commits = new Series(COMMITS, "commits/s");
  private long timerId = -1;
  private long lastNanos;
  private long lastRows = -1;
  private long lastCommits = -1;

  public DatabaseSampler(Vertx vertx, long runStartNanos, PgConnectOptions database) {
    this.vertx = vertx;
    this.runStartNanos = runStartNanos;
    this.pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(1))
        .connectingTo(new PgConnectOptions(database).setReconnectAttempts(0))
        .using(vertx)
        .build();
  }

  public DatabaseSampler start() {
    timerId = vertx.setPeriodic(0, 1000, id -> sample());
    return this;
  }

  public List<Series> series() {
    return List.of(rows, commits);
  }

  private void sample() {
    pool.query(QUERY).execute().onSuccess(result -> {
      if (!result.iterator().hasNext()) {
        return;
      }
      Row row = result.iterator().next();
      long now = System.nanoTime();
      long rowCount = row.getLong("rows");
      long commitCount = row.getLong("xact_commit");
      double elapsed = (now - lastNanos) / 1e9;
      double second = (now - runStartNanos) / 1e9;
      // counters reset by an immediate shutdown of PostgreSQL give negative deltas: skip those
      if (lastRows >= 0 && rowCount >= lastRows && commitCount >= lastCommits && elapsed > 0) {
        rows.add(second, (rowCount - lastRows) / elapsed);
        commits.add(second, (commitCount - lastCommits) / elapsed);
      }
      lastNanos = now;
      lastRows = rowCount;
      lastCommits = commitCount;
    });
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    pool.close();
  }
}
