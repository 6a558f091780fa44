package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.Failures;
import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.ledger.LedgerComparison;
import dev.challengesuite.bench.ledger.LedgerStore;
import dev.challengesuite.bench.load.ConcurrentLoop;
import dev.challengesuite.bench.load.Outcome;
import dev.challengesuite.bench.load.PhaseStats;
import dev.challengesuite.bench.report.Format;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.server.ManagedServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An acknowledged event survives kill -9: events (half logins with unique ids, half increasing
 * {@code games_played} values) are sent with a fixed concurrency; after 40% of them the service
 * is killed with SIGKILL and started again on the same database, while the clients keep retrying
 * failed calls with the same event ids as the platform would. At the end the ledger of
 * acknowledged events is compared with the database.
 */
final class KillTestScenario implements Scenario {

  static final long GIVE_UP_NANOS = 120_000_000_000L;

  @Override
  public String name() {
    return "kill-test";
  }

  @Override
  public String description() {
    return "kill -9 the service mid-stream; every acknowledged event must be in the database";
  }

  @Override
  public void run(BenchSession session) throws Exception {
    int total = session.options.integer("events", 20_000);
    int concurrency = session.options.integer("concurrency", 64);
    double killAt = session.options.decimal("kill-at", 0.4);
    Players players = LedgerEvents.subset(session.players, session.options.integer("ledger-players", 1000));
    int killIndex = (int) Math.round(total * killAt);
    session.settings.put("load", total + " events, " + concurrency + " in flight, over " + players.count()
        + " players; kill -9 after " + killIndex + " started");
    ManagedServer server = session.server();
    session.initializePlayers(players.count());

    EventLedger ledger = new EventLedger();
    LedgerEvents events = new LedgerEvents(session.events(), ledger, "kt" + System.currentTimeMillis());
    SplittableRandom random = new SplittableRandom(session.options.number("seed", 42));
    PhaseStats phase = session.recorder.phaseStarted("events with kill -9", true, 0, System.nanoTime());
    AtomicInteger started = new AtomicInteger();
    AtomicLong acked = new AtomicLong();
    AtomicLong gaveUp = new AtomicLong();
    CompletableFuture<double[]> restart = new CompletableFuture<>();

    ConcurrentLoop.run(session.context, concurrency, () -> {
      int i = started.getAndIncrement();
      if (i >= total) {
        return null;
      }
      if (i == killIndex) {
        killAndRestart(session, server, restart);
      }
      LedgerEvents.RetriedCall call = events.nextRetried(players.id(i % players.count()), random.nextBoolean());
      return deliver(session, phase, call, System.nanoTime() + GIVE_UP_NANOS, 0)
          .andThen(ok -> {
            call.finished().run();
            if (ok.succeeded() && ok.result()) {
              call.acked().run();
              acked.incrementAndGet();
            } else {
              gaveUp.incrementAndGet();
            }
          });
    }).await();
    session.recorder.phaseEnded(phase, System.nanoTime());
    double[] times = killIndex < total ? restart.get() : new double[] {Double.NaN, Double.NaN};

    LedgerComparison comparison =
        LedgerComparison.compare(ledger, LedgerStore.read(session.vertx, session.database(), ledger.players().keySet()).await());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", total);
    figures.put("acknowledged", acked.get());
    figures.put("gaveUp", gaveUp.get());
    figures.put("killedAtSecond", times[0]);
    figures.put("readyAgainAfterSeconds", times[1] - times[0]);
    figures.put("mismatches", comparison.mismatches());
    List<String> lines = new java.util.ArrayList<>();
    lines.add("Killed with SIGKILL after " + killIndex + " of " + total + " events had started; ready again "
        + Format.one(times[1] - times[0]) + " s later (same database). " + acked.get() + " events acknowledged, "
        + gaveUp.get() + " given up after " + GIVE_UP_NANOS / 1_000_000_000L + " s of retries. Failed attempts "
        + "(retried with the same event id): " + Format.counts(dev.challengesuite.bench.report.PhaseSummary.of(phase).all().errorsByStatus()) + ".");
    lines.addAll(LedgerReport.lines(comparison));
    session.section(new Section("Kill -9 and the ledger", lines, figures, LedgerReport.table(comparison)));
  }

  /** Sends until OK, INVALID_ARGUMENT (the platform does not retry what can never succeed) or the deadline. */
  static Future<Boolean> deliver(BenchSession session, PhaseStats phase, LedgerEvents.RetriedCall call, long deadline,
      int attempt) {
    long start = System.nanoTime();
    session.recorder.sent(phase, call.endpoint(), 0);
    return call.attempt().get()
        .recover(failure -> Future.succeededFuture(Outcome.failed(Failures.label(failure))))
        .compose(outcome -> {
          session.recorder.completed(phase, call.endpoint(), outcome, start, System.nanoTime());
          if (outcome.ok()) {
            return Future.succeededFuture(true);
          }
          if (outcome.status().equals("INVALID_ARGUMENT") || System.nanoTime() > deadline) {
            return Future.succeededFuture(false);
          }
          Promise<Boolean> retried = Promise.promise();
          long backoff = Math.min(1000, 50L << Math.min(attempt, 5));
          session.vertx.setTimer(backoff, id -> deliver(session, phase, call, deadline, attempt + 1).onComplete(retried));
          return retried.future();
        });
  }

  private static void killAndRestart(BenchSession session, ManagedServer server, CompletableFuture<double[]> restart) {
    Thread killer = new Thread(() -> {
      try {
        double killedAt = session.now();
        System.out.printf("kill -9 of the service at %.1f s%n", killedAt);
        server.kill();
        server.start();
        server.awaitReady(BenchSession.READY_TIMEOUT);
        double readyAt = session.now();
        System.out.printf("service ready again at %.1f s%n", readyAt);
        restart.complete(new double[] {killedAt, readyAt});
      } catch (Exception e) {
        restart.completeExceptionally(e);
      }
    }, "bench-killer");
    killer.setDaemon(true);
    killer.start();
  }
}
