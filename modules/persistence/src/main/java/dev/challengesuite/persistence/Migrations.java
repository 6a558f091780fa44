package dev.challengesuite.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at startup. The whole run holds a session advisory lock, so
 * instances starting together apply each migration once (the others wait, then find nothing to
 * do). Each migration runs in its own transaction together with its {@code schema_migrations}
 * row. A migration already applied whose file has changed since stops startup: applied files are
 * history and must never be edited.
 *
 * <p>Scripts run with the simple query protocol (several statements per file are fine) inside a
 * transaction, so a script must not manage transactions itself nor use statements that refuse
 * to run in one (e.g. {@code CREATE INDEX CONCURRENTLY}).
 */
public final class Migrations {

  /** Advisory lock key of the migration run ("csuite-m" in ASCII). */
  static final long LOCK_KEY = 0x6373756974652d6dL;

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final Pool pool;
  private final List<Migration> migrations;

  public Migrations(Pool pool, List<Migration> migrations) {
    this.pool = pool;
    this.migrations = List.copyOf(migrations);
  }

  /** This module's migrations, from the classpath. */
  public static Migrations fromClasspath(Pool pool) {
    return new Migrations(pool, MigrationFiles.load());
  }

  /** Applies what is missing; the versions this run applied (empty when up to date). */
  public Future<List<Integer>> run() {
    return pool.withConnection(conn -> conn.preparedQuery(Sql.MIGRATIONS_LOCK)
        .execute(Tuple.of(LOCK_KEY))
        .compose(locked -> applyMissing(conn)
            .eventually(() -> conn.preparedQuery(Sql.MIGRATIONS_UNLOCK)
                .execute(Tuple.of(LOCK_KEY)))));
  }

  private Future<List<Integer>> applyMissing(SqlConnection conn) {
    return conn.query(Sql.MIGRATIONS_TABLE_EXISTS).execute()
        .compose(exists -> exists.iterator().next().getBoolean("present")
            ? Future.succeededFuture()
            : conn.query(Sql.MIGRATIONS_TABLE).execute())
        .compose(created -> conn.query(Sql.MIGRATIONS_APPLIED).execute())
        .compose(rows -> {
          Map<Integer, String> applied = new HashMap<>();
          for (Row row : rows) {
            applied.put(row.getInteger("version"), row.getString("checksum"));
          }
          List<Migration> missing = missing(applied);
          Future<Void> chain = Future.succeededFuture();
          for (Migration migration : missing) {
            chain = chain.compose(previous -> apply(conn, migration));
          }
          return chain.map(done -> missing.stream().map(Migration::version).toList());
        });
  }

  /** Checks the applied ones against their files; returns those still to apply, in order. */
  private List<Migration> missing(Map<Integer, String> applied) {
    Map<Integer, Migration> known = new HashMap<>();
    List<Migration> missing = new ArrayList<>();
    for (Migration migration : migrations) {
      known.put(migration.version(), migration);
      String checksum = applied.get(migration.version());
      if (checksum == null) {
        missing.add(migration);
      } else if (!checksum.equals(migration.checksum())) {
        throw new MigrationException("Migration " + migration.fileName()
            + " was edited after it was applied to this database (checksum in schema_migrations "
            + checksum + ", file " + migration.checksum() + "). Applied migrations must not"
            + " change: restore the file and put the change in a new migration.");
      }
    }
    applied.keySet().stream().filter(version -> !known.containsKey(version)).sorted()
        .forEach(version -> LOG.warn("database has migration V{} that this build does not know"
            + " (applied by a newer version?)", version));
    return missing;
  }

  private Future<Void> apply(SqlConnection conn, Migration migration) {
    return conn.begin().compose(tx -> conn.query(migration.sql()).execute()
        .compose(done -> conn.preparedQuery(Sql.MIGRATION_RECORD).execute(
            Tuple.of(migration.version(), migration.description(), migration.checksum())))
        .compose(recorded -> tx.commit())
        .recover(failure -> tx.rollback().transform(ignored -> Future.failedFuture(
            new MigrationException("Migration " + migration.fileName() + " failed: "
                + failure.getMessage(), failure)))))
        .onSuccess(done -> LOG.info("applied migration {}", migration.fileName()));
  }
}
