package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.PhaseStats;
import dev.challengesuite.bench.load.Workload;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.report.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Production-like load: a warm-up, then initialize for every player at 300/s, then 300 API
 * requests/s (10% initialize, 70% list of which half active_only, 15% set-active, 5% claim) plus
 * 500 events/s (20% login, 80% statistic) over all players. Set-active and claim may not exist on
 * the service yet: their 404s are counted under their own endpoints and the run goes on.
 */
final class MixedScenario implements Scenario {

  static final String INITIALIZE_PHASE = "initialize every player";
  static final String SUSTAINED_PHASE = "sustained";

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

    SplittableRandom random = new SplittableRandom(session.options.number("seed", 42));
    ApiClient api = session.api(Math.max(apiRate, initRate));
    Workload events = Workloads.randomEvents(session.events(), session.players, random, "mx" + System.currentTimeMillis(), 0.2);
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
