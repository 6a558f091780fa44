package dev.challengesuite.persistence;

import dev.challengesuite.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fresh database with the schema applied, a Vert.x instance and a pool built by the production
 * code ({@link PgPools}): one per test class.
 */
final class MigratedDatabase implements AutoCloseable {

  final TestPostgres postgres;
  final Vertx vertx;
  final Pool pool;

  private MigratedDatabase(TestPostgres postgres, Vertx vertx, int poolSize) {
    this.postgres = postgres;
    this.vertx = vertx;
    this.pool = PgPools.create(vertx, postgres.config(poolSize));
  }

  static MigratedDatabase create() {
    return create(4);
  }

  static MigratedDatabase create(int poolSize) {
    MigratedDatabase db = new MigratedDatabase(TestPostgres.create(), Vertx.vertx(), poolSize);
    try {
      await(Migrations.fromClasspath(db.pool).run());
      return db;
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
  }

  /** The first row of a statement run on this database. */
  Row queryOne(String sql, Object... params) {
    RowSet<Row> rows = await(pool.preparedQuery(sql).execute(Tuple.wrap(params)));
    return rows.iterator().next();
  }

  void execute(String sql) {
    await(pool.query(sql).execute());
  }

  long count(String sql, Object... params) {
    return queryOne(sql, params).getLong(0);
  }

  @Override
  public void close() {
    try {
      await(pool.close());
      await(vertx.close());
    } finally {
      postgres.close();
    }
  }

  /** The future's result; its failure is rethrown as is when unchecked. */
  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within 20 s", e);
    }
  }

  /** The failure a future ends with (fails the test if it succeeds). */
  static Throwable failureOf(Future<?> future) {
    Throwable failure = await(future.transform(
        result -> Future.succeededFuture(result.failed() ? result.cause() : null)));
    if (failure == null) {
      throw new AssertionError("expected a failure, but the future succeeded");
    }
    return failure;
  }
}
