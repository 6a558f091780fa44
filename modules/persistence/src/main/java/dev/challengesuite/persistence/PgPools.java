package dev.challengesuite.persistence;

import dev.challengesuite.common.config.DatabaseConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/** Builds the PostgreSQL pool the same way for the service, the launcher and the tests. */
public final class PgPools {

  static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  /** None: a refused connection should fail the call at once (DatabaseGate then fails fast). */
  static final int RECONNECT_ATTEMPTS = 0;
  static final long RECONNECT_INTERVAL_MILLIS = 1_000;
  /** How long a request may wait for a free connection before it fails (UNAVAILABLE). */
  static final int ACQUIRE_TIMEOUT_SECONDS = 10;

  /** Longer than our longest statement ({@link Sql#WRITE_PLAYERS}); see PgPoolsTest. */
  static final int STATEMENT_CACHE_SQL_LIMIT = 16_384;

  private PgPools() {}

  /** A pool for a resolved configuration (the launcher fills in host/port of an embedded one). */
  public static Pool create(Vertx vertx, DatabaseConfig config) {
    return PgBuilder.pool()
        .with(new PoolOptions()
            .setMaxSize(config.poolSize())
            .setConnectionTimeout(ACQUIRE_TIMEOUT_SECONDS)
            .setConnectionTimeoutUnit(TimeUnit.SECONDS))
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
        .connectingTo(connectOptions(config))
        .using(vertx)
        .build();
  }

  static PgConnectOptions connectOptions(DatabaseConfig config) {
    if (config.embedded()) {
      throw new IllegalArgumentException(
          "database.host is empty: start the embedded PostgreSQL and pass its address first");
    }
    return new PgConnectOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setDatabase(config.name())
        .setUser(config.user())
        .setPassword(config.password() == null ? "" : config.password())
        // Every timestamp column is timestamptz, so the zone only affects text rendering (psql,
        // to_char, date_trunc); UTC keeps such expressions independent of the server's setting.
        .addProperty("TimeZone", "UTC")
        .addProperty("application_name", "challenge-suite")
        // The batch write takes its rows as arrays: PostgreSQL would plan it afresh for every
        // execution (a custom plan per array size), at twice its execution time. Every statement
        // here is a key lookup or an array upsert whose plan does not depend on the values.
        .addProperty("plan_cache_mode", "force_generic_plan")
        // The same dozen statements run all day: parse and plan them once per connection.
        // (Not compatible with a transaction-mode PgBouncer in front of the database.)
        .setCachePreparedStatements(true)
        // The client caches only statements up to 2048 characters by default; the batch write is
        // longer, and was parsed and planned again on every execution until this limit was raised.
        .setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT)
        .setReconnectAttempts(RECONNECT_ATTEMPTS)
        .setReconnectInterval(RECONNECT_INTERVAL_MILLIS);
  }
}
