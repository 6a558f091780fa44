package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.EventClient;
import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.load.Call;
import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events whose effects the ledger can check afterwards: logins with unique ids, and
 * {@code games_played} updates with a strictly increasing value per player. A player has at most
 * one statistic event in flight (when one is, the player gets a login instead, whose order does
 * not matter), so the service receives each player's values in order and "stored ≥ largest
 * acknowledged" is a sound check. The ledger records a send only when the call really goes out.
 */
final class LedgerEvents {

  private final EventClient events;
  private final EventLedger ledger;
  private final String runId;
  private final Set<String> statInFlight = ConcurrentHashMap.newKeySet();
  private long sequence;

  LedgerEvents(EventClient events, EventLedger ledger, String runId) {
    this.events = events;
    this.ledger = ledger;
    this.runId = runId;
  }

  /** The next event for {@code user}: a login if asked for or if a statistic event of it is in flight. */
  Call next(String user, boolean login) {
    String eventId = runId + "-" + sequence++;
    if (login || statInFlight.contains(user)) {
      return new Call(EventClient.LOGIN, () -> {
        ledger.loginSent(user, eventId);
        return events.login(user, eventId).andThen(done -> {
          if (done.succeeded() && done.result().ok()) {
            ledger.loginAcked(user, eventId);
          }
        });
      });
    }
    return new Call(EventClient.STAT, () -> {
      long value = ledger.nextValue(user);
      statInFlight.add(user);
      return events.stat(user, eventId, EventLedger.STAT_CODE, value, 1).andThen(done -> {
        statInFlight.remove(user);
        if (done.succeeded() && done.result().ok()) {
          ledger.statAcked(user, value);
        }
      });
    });
  }

  /** Like {@link #next}, for a caller that retries the same call: the ledger sees one event. */
  RetriedCall nextRetried(String user, boolean login) {
    String eventId = runId + "-" + sequence++;
    if (login || statInFlight.contains(user)) {
      ledger.loginSent(user, eventId);
      return new RetriedCall(EventClient.LOGIN, () -> events.login(user, eventId),
          () -> ledger.loginAcked(user, eventId), () -> { });
    }
    long value = ledger.nextValue(user);
    statInFlight.add(user);
    return new RetriedCall(EventClient.STAT, () -> events.stat(user, eventId, EventLedger.STAT_CODE, value, 1),
        () -> ledger.statAcked(user, value), () -> statInFlight.remove(user));
  }

  /**
   * One event sent until acknowledged or given up: {@code attempt} sends it (same id every time),
   * {@code acked} runs once on its OK, {@code finished} when it is acknowledged or given up.
   */
  record RetriedCall(String endpoint, java.util.function.Supplier<Future<Outcome>> attempt, Runnable acked,
      Runnable finished) {}

  static Players subset(Players players, int count) {
    return new Players(Math.min(count, players.count()));
  }
}
