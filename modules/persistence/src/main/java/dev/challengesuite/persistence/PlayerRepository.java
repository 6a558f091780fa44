package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.DefaultGoalSet;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Players' stored state: one round trip to load a player, one transaction per write batch. Every
 * failure is a {@code ChallengeException} (UNAVAILABLE for connection trouble, else INTERNAL).
 */
public final class PlayerRepository {

  static final int PURGE_CHUNK = 10_000;
  static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

  private final Pool pool;
  /**
   * Default goal sets known to be stored (written or read here); they never change once written,
   * and all players share these instances.
   */
  private final Map<String, DefaultGoalSet> defaultSets = new ConcurrentHashMap<>();

  public PlayerRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * The player's stored progress ({@code PlayerProgress.empty} when it has no row) and the ids of
   * its events received within {@code dedupWindow} before {@code now}.
   */
  public Future<StoredPlayer> load(String userId, Duration dedupWindow, Instant now) {
    return load(userId, null, dedupWindow, now);
  }

  /**
   * Like {@link #load(String, Duration, Instant)}, but reads only what was written after the
   * committed copy {@code known} (null: everything): the player row and the goal rows changed
   * since, merged into the copy. A database whose player is older than the copy (restored from a
   * backup, say) is read in full.
   */
  public Future<StoredPlayer> load(
      String userId, PlayerProgress known, Duration dedupWindow, Instant now) {
    Tuple params = Tuple.of(userId, now.minus(dedupWindow).atOffset(ZoneOffset.UTC),
        defaultSets.keySet().toArray(String[]::new), known == null ? -1L : known.version());
    return pool.preparedQuery(Sql.LOAD_PLAYER).execute(params)
        .map(rows -> PlayerRows.storedPlayer(userId, rows.iterator().next(), known,
            (setId, goalIds) -> defaultSet(userId, setId, goalIds)))
        .compose(stored -> known != null && stored == null
            ? load(userId, null, dedupWindow, now)
            : Future.succeededFuture(stored))
        .recover(DatabaseFailures::failed);
  }

  /**
   * Commits the batch atomically: every write whose player still has the version it was computed
   * from, and nothing of the others, which the result names (another instance wrote them first). A
   * claim granted by a write is committed together with the goal's claimed state.
   *
   * <p>The batch is one statement, so it runs on its own (autocommit: one round trip instead of
   * BEGIN, statement, COMMIT) unless a default goal set not yet known to be stored must be inserted
   * first; then both run in one transaction.
   */
  public Future<WriteResult> write(PlayerWriteBatch batch) {
    if (batch.writes().isEmpty()) {
      return Future.succeededFuture(WriteResult.ALL_COMMITTED);
    }
    WriteColumns columns;
    try {
      columns = WriteColumns.of(batch);
    } catch (IllegalArgumentException e) {
      return DatabaseFailures.failed(e);
    }
    List<Tuple> newSets = columns.defaultSetsOtherThan(defaultSets.keySet());
    Future<RowSet<Row>> written = newSets.isEmpty()
        ? pool.preparedQuery(Sql.WRITE_PLAYERS).execute(columns.statement())
        : pool.withTransaction(conn -> write(conn, columns, newSets));
    return written
        .map(rows -> result(columns, rows))
        .onSuccess(done -> columns.referencedSets()
            .forEach(set -> defaultSets.putIfAbsent(set.id(), set)))
        .recover(DatabaseFailures::failed);
  }

  /**
   * The new default goal sets first (the player rows reference them), then the batch's statement;
   * both are sent without waiting (the client pipelines them on the transaction's connection).
   */
  private static Future<RowSet<Row>> write(SqlConnection conn, WriteColumns columns, List<Tuple> newSets) {
    Future<?> sets = conn.preparedQuery(Sql.INSERT_DEFAULT_SET).executeBatch(newSets);
    Future<RowSet<Row>> players = conn.preparedQuery(Sql.WRITE_PLAYERS).execute(columns.statement());
    return Future.all(sets, players).map(done -> players.result());
  }

  private static WriteResult result(WriteColumns columns, RowSet<Row> rows) {
    Set<String> written = new HashSet<>();
    rows.forEach(row -> written.add(row.getString("user_id")));
    Set<String> conflicted = new HashSet<>();
    for (String userId : columns.userIds()) {
      if (!written.contains(userId)) {
        conflicted.add(userId);
      }
    }
    return conflicted.isEmpty() ? WriteResult.ALL_COMMITTED : new WriteResult(conflicted);
  }

  /** Deletes receipts received before {@code olderThan}, chunk by chunk; how many went. */
  public Future<Integer> purgeReceipts(Instant olderThan) {
    return purgeFrom(Tuple.of(olderThan.atOffset(ZoneOffset.UTC), PURGE_CHUNK), 0)
        .recover(DatabaseFailures::failed);
  }

  private Future<Integer> purgeFrom(Tuple params, int deletedSoFar) {
    return pool.preparedQuery(Sql.PURGE_RECEIPTS).execute(params).compose(result -> {
      int deleted = deletedSoFar + result.rowCount();
      return result.rowCount() < PURGE_CHUNK
          ? Future.succeededFuture(deleted)
          : purgeFrom(params, deleted);
    });
  }

  /** Succeeds when the database answers a trivial query within two seconds. */
  public Future<Void> ping() {
    return pool.query(Sql.PING).execute()
        .timeout(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(DatabaseFailures::failed);
  }

  private DefaultGoalSet defaultSet(String userId, String setId, String[] goalIds) {
    DefaultGoalSet known = defaultSets.get(setId);
    if (known != null) {
      return known;
    }
    if (goalIds == null) {
      throw new IllegalStateException(
          "player " + userId + " references default goal set " + setId + ", which is missing");
    }
    return defaultSets.computeIfAbsent(setId, id -> PlayerRows.defaultSet(id, goalIds));
  }
}
