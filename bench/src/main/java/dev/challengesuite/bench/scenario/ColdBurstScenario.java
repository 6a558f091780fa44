package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.Timeline;
import dev.challengesuite.bench.load.Workload;
import dev.challengesuite.bench.report.Format;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.report.Table;
import dev.challengesuite.bench.server.ManagedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A freshly started service under full load from its first second: the players are initialised
 * by a first run of the service, which is then stopped; the service is started again and 300
 * API requests/s (the mixed API mix) begin the moment its HTTP port accepts connections. Cold JIT,
 * empty player cache, new database connections: the per-second table shows how long it hurts.
 */
final class ColdBurstScenario implements Scenario {

  static final int FIRST_SECONDS = 10;

  @Override
  public String name() {
    return "cold-burst";
  }

  @Override
  public String description() {
    return "300 API req/s from the first second of a freshly started service";
  }

  @Override
  public boolean startsServerFirst() {
    return false;
  }

  @Override
  public void run(BenchSession session) throws Exception {
    int rate = session.options.integer("rate", 300);
    int duration = Math.max(session.options.integer("duration", 60), FIRST_SECONDS + 1);
    session.settings.put("load", rate + " API req/s (mixed API mix) for " + duration + " s from the moment the port opens");
    ManagedServer server = session.server();

    session.startServer();
    session.initializePlayers(session.players.count());
    server.stop(Duration.ofSeconds(60));

    Workload workload = Workloads.apiMix(session.api(rate), session.players, session.catalog,
        new SplittableRandom(session.options.number("seed", 42)));
    double startedAt = session.now();
    server.start();
    server.awaitPort(BenchSession.READY_TIMEOUT);
    double portOpenAt = session.now();
    int left = session.driver().run(List.of(
        Phase.measured("first " + FIRST_SECONDS + " s", ArrivalSchedule.constant(rate, Duration.ofSeconds(FIRST_SECONDS)), workload),
        Phase.measured("after " + FIRST_SECONDS + " s", ArrivalSchedule.constant(rate, Duration.ofSeconds(duration - FIRST_SECONDS)), workload)))
        .await();
    if (left > 0) {
      session.notes.add(left + " requests still unanswered after the drain timeout");
    }
    double loadStartedAt = (session.recorder.phase("first " + FIRST_SECONDS + " s").startNanos() - session.runStartNanos) / 1e9;
    session.section(timelineSection(session.recorder.timeline(), startedAt, portOpenAt, loadStartedAt, 30));
  }

  static Section timelineSection(Timeline timeline, double startedAt, double portOpenAt, double loadStartedAt,
      int seconds) {
    int first = (int) Math.floor(loadStartedAt);
    Table.Builder table = Table.builder("second of load", "OK", "failed", "p50 ms", "p99 ms", "max ms", "failures");
    List<Timeline.Second> all = timeline.seconds();
    for (int i = first; i < Math.min(all.size(), first + seconds); i++) {
      Timeline.Second s = all.get(i);
      var latency = dev.challengesuite.bench.report.Latency.of(s.okLatency());
      table.row(i - first, s.ok(), s.failed(), Format.ms(latency.p50()), Format.ms(latency.p99()), Format.ms(latency.max()),
          Format.counts(s.failures()));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("secondsToPortOpen", portOpenAt - startedAt);
    figures.put("loadStartedAfterPortOpenSeconds", loadStartedAt - portOpenAt);
    List<String> lines = new ArrayList<>();
    lines.add("The service's HTTP port accepted connections " + Format.one(portOpenAt - startedAt)
        + " s after the process started; load began " + Format.ms((loadStartedAt - portOpenAt) * 1000)
        + " ms later. Per second of intended send time (second 0 is partial):");
    return new Section("Cold start", lines, figures, table.build());
  }
}
