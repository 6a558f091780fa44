package dev.challengesuite.bench.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the ledger players' rows straight from the service's database (docs/architecture.md:
 * {@code player.stats} is {@code {code: [value, seq]}}, {@code event_receipt} holds event ids).
 */
public final class LedgerStore {

  private static final String PLAYERS = """
      SELECT user_id, login_count, stats -> $2 ->> 0 AS value
      FROM player WHERE user_id = ANY($1)""";
  private static final String RECEIPTS = """
      SELECT user_id, event_id FROM event_receipt WHERE user_id = ANY($1)""";

  private LedgerStore() {}

  public static Future<StoredState> read(Vertx vertx, PgConnectOptions database, Set<String> users) {
    SqlClient client = PgBuilder.client().connectingTo(database).using(vertx).build();
    String[] ids = users.toArray(String[]::new);
    Map<String, StoredState.StoredPlayer> players = new HashMap<>();
    Map<String, Set<String>> receipts = new HashMap<>();
    return client.preparedQuery(PLAYERS).execute(Tuple.of(ids, EventLedger.STAT_CODE))
        .compose(rows -> {
          for (Row row : rows) {
            String value = row.getString("value");
            long gamesPlayed = value == null ? -1 : (long) Double.parseDouble(value);
            players.put(row.getString("user_id"), new StoredState.StoredPlayer(row.getInteger("login_count"), gamesPlayed));
          }
          return client.preparedQuery(RECEIPTS).execute(Tuple.of((Object) ids));
        })
        .map(rows -> {
          for (Row row : rows) {
            receipts.computeIfAbsent(row.getString("user_id"), u -> new HashSet<>()).add(row.getString("event_id"));
          }
          return new StoredState(players, receipts);
        })
        .eventually(client::close);
  }
}
