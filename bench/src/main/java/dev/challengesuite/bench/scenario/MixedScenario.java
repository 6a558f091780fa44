package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.ledger.LedgerComparison;
import dev.challengesuite.bench.ledger.LedgerStore;
import dev.challengesuite.bench.ledger.StoredState;
import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.PhaseStats;
import dev.challengesuite.bench.load.Workload;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.report.Table;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Production-like load: a warm-up, then initialize for every player at 300/s, then 300 API
 * requests/s (10% initialize, 70% list of which half active_only, 15% set-active, 5% claim) plus
 * 500 events/s (20% login, 80% statistic) over all players. Set-active and claim may not exist on
 * the service yet: their 404s are counted under their own endpoints and the run goes on.
 *
 * <p>A sample of the players ({@code --ledger-players}, spread over all of them) gets its events
 * from {@link LedgerEvents} instead of random ones; after the drain the database is compared with
 * that ledger: every acknowledged event's effect must be there.
 */
final class MixedScenario implements Scenario {

  static final String INITIALIZE_PHASE = "initialize every player";
  static final String SUSTAINED_PHASE = "sustained";
  static final String LEDGER_SECTION = "Ledger";

  /**
   * The service purges receipts older than its dedup window; its config refuses less than 600 s,
   * so receipts acknowledged within 600 s less {@link LedgerComparison}'s margin must still be there.
   */
  static final Duration MIN_DEDUP_WINDOW = Duration.ofSeconds(600);

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public String description() {
    return "warm-up, initialize every player at 300/s, then 300 API req/s + 500 events/s";
  }

  @Override
  public void run(BenchSession session) {
    int apiRate = session.options.integer("rate", 300);
    int eventRate = session.options.integer("event-rate", 500);
    int initRate = session.options.integer("init-rate", 300);
    int warmup = session.options.integer("warmup", 30);
    int duration = session.options.integer("duration", 600);
    session.settings.put("load", apiRate + " API req/s + " + eventRate + " events/s, warm-up " + warmup
        + " s, then initialize of " + session.players.count() + " players at " + initRate + "/s, then " + duration + " s sustained");

    LedgerSample sample = LedgerSample.spread(session.players.count(), session.options.integer("ledger-players", 1000));
    session.settings.put("ledger", sample.count() == 0 ? "off"
        : sample.describe(session.players.count()) + " get ledger events only, checked against the database at the end");

    SplittableRandom random = new SplittableRandom(session.options.number("seed", 42));
    ApiClient api = session.api(Math.max(apiRate, initRate));
    String runId = "mx" + System.currentTimeMillis();
    EventLedger ledger = new EventLedger();
    LedgerEvents ledgerEvents = new LedgerEvents(session.events(), ledger, runId + "-ledger");
    Workload events = Workloads.events(session.players, sample, ledgerEvents::next,
        Workloads.randomEventsFor(session.events(), random, runId), random, 0.2);
    Workload apis = Workloads.apiMix(api, session.players, session.catalog, random);
    double total = apiRate + eventRate;
    Workload mixed = Workloads.mixture(apis, apiRate / total, events, random);

    List<Phase> phases = new ArrayList<>();
    if (warmup > 0) {
      phases.add(Phase.warmUp(ArrivalSchedule.constant(total, Duration.ofSeconds(warmup)), mixed));
    }
    // one initialize per player by default; --init-seconds keeps going round the players for that long
    ArrivalSchedule initialize = session.options.has("init-seconds")
        ? ArrivalSchedule.constant(initRate, Duration.ofSeconds(session.options.integer("init-seconds", 120)))
        : ArrivalSchedule.count(initRate, session.players.count());
    phases.add(Phase.measured(INITIALIZE_PHASE, initialize, Workloads.initializeInOrder(api, session.players)));
    phases.add(Phase.measured(SUSTAINED_PHASE, ArrivalSchedule.constant(total, Duration.ofSeconds(duration)), mixed));
    int left = session.driver().run(phases).await();
    if (left > 0) {
      session.notes.add(left + " requests still unanswered after the drain timeout");
    }
    session.section(routesSection(session.recorder.phase(SUSTAINED_PHASE)));
    session.section(ledgerSection(session, sample, ledger));
  }

  /** Reads the sample's rows and compares them with the ledger, or says why it could not. */
  private static Section ledgerSection(BenchSession session, LedgerSample sample, EventLedger ledger) {
    if (sample.count() == 0) {
      return notChecked("--ledger-players 0");
    }
    Optional<PgConnectOptions> database = session.knownDatabase();
    if (database.isEmpty()) {
      return notChecked("the bench does not know the service's database (give --db-name with --url)");
    }
    Instant checkedAt = Instant.now();
    StoredState stored;
    try {
      stored = LedgerStore.read(session.vertx, database.get(), ledger.players().keySet()).await();
    } catch (RuntimeException e) {
      session.notes.add("**the ledger could not be checked**: reading the database failed: " + e);
      return notChecked("reading the database failed: " + e);
    }
    LedgerComparison comparison = LedgerComparison.compare(ledger, stored,
        LedgerComparison.receiptsKeptSince(checkedAt, MIN_DEDUP_WINDOW));
    if (comparison.mismatches() > 0) {
      session.notes.add("**ledger: " + comparison.mismatches() + " mismatches** (see the Ledger section)");
    }
    List<String> lines = new ArrayList<>();
    lines.add(LedgerReport.verdict(comparison));
    lines.add("Sample: " + sample.describe(session.players.count()) + ", whose events were all ledger events (unique "
        + "login ids, increasing " + EventLedger.STAT_CODE + " values); " + comparison.players()
        + " of them got events. Checked after the drain.");
    lines.addAll(LedgerReport.lines(comparison));
    return new Section(LEDGER_SECTION, lines, figures(sample, comparison), LedgerReport.table(comparison));
  }

  private static Section notChecked(String why) {
    return new Section(LEDGER_SECTION, List.of(LedgerReport.notChecked(why)),
        Map.of("verdict", "not checked", "reason", why), null);
  }

  private static Map<String, Object> figures(LedgerSample sample, LedgerComparison c) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("samplePlayers", sample.count());
    figures.put("playersWithEvents", c.players());
    figures.put("ackedLogins", c.ackedLogins());
    figures.put("ackedStats", c.ackedStats());
    figures.put("receiptsUnchecked", c.receiptsUnchecked());
    figures.put("missingReceipts", c.missingReceipts());
    figures.put("loginCountBelowAcked", c.loginCountBelowAcked());
    figures.put("loginCountAboveSent", c.loginCountAboveSent());
    figures.put("valueBelowAcked", c.valueBelowAcked());
    figures.put("missingPlayers", c.missingPlayers());
    figures.put("mismatches", c.mismatches());
    figures.put("verdict", LedgerReport.verdictKey(c));
    return figures;
  }

  /** Says plainly whether set-active and claim exist on this service (404 = route missing). */
  static Section routesSection(PhaseStats sustained) {
    Table.Builder table = Table.builder("endpoint", "due", "OK", "404", "other errors");
    List<String> lines = new ArrayList<>();
    for (String endpoint : List.of(ApiClient.SET_ACTIVE, ApiClient.CLAIM)) {
      var stats = sustained == null ? null : sustained.get(endpoint);
      if (stats == null) {
        continue;
      }
      long notFound = stats.count("404");
      table.row(endpoint, stats.due(), stats.ok(), notFound, stats.errors() - notFound);
      if (notFound == stats.due() && stats.due() > 0) {
        lines.add(endpoint + ": every call answered 404 (route not on this service yet?)");
      }
    }
    if (lines.isEmpty()) {
      lines.add("404s of set-active and claim, counted apart (400s of claim are expected: most goals are not completed)");
    }
    return Section.of("Set-active and claim", lines, table.build());
  }
}
