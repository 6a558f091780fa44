package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.ledger.EventLedger;
import dev.challengesuite.bench.ledger.LedgerComparison;
import dev.challengesuite.bench.ledger.LedgerStore;
import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.Timeline;
import dev.challengesuite.bench.load.Workload;
import dev.challengesuite.bench.report.Format;
import dev.challengesuite.bench.report.Section;
import dev.challengesuite.bench.report.Table;
import dev.challengesuite.bench.server.BenchDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL goes away under a constant event stream: after 10 s it is stopped for 15 s, then
 * started again. While it is down, events must fail fast (UNAVAILABLE or RESOURCE_EXHAUSTED within
 * a second, so that the platform retries) and nothing acknowledged may be lost; afterwards the
 * stream must recover on its own. The stop and start commands are configurable.
 */
final class OutageTestScenario implements Scenario {

  static final double FAIL_FAST_MS = 1000;

  @Override
  public String name() {
    return "outage-test";
  }

  @Override
  public String description() {
    return "stop PostgreSQL under a constant event stream: fail fast, lose nothing, recover";
  }

  @Override
  public void run(BenchSession session) throws Exception {
    int rate = session.options.integer("event-rate", 500);
    int after = session.options.integer("outage-after", 10);
    int down = session.options.integer("outage-seconds", 15);
    int tail = session.options.integer("outage-tail", 30);
    session.database();
    String[] commands = commands(session);
    session.settings.put("load", rate + " events/s (80% " + EventLedger.STAT_CODE + ", 20% login) for "
        + (after + down + tail) + " s; PostgreSQL down from " + after + " s for " + down + " s");
    session.settings.put("stop command", commands[0]);
    session.settings.put("start command", commands[1]);
    Players players = session.players;
    session.initializePlayers(players.count());

    EventLedger ledger = new EventLedger();
    LedgerEvents events = new LedgerEvents(session.events(), ledger, "ot" + System.currentTimeMillis());
    SplittableRandom random = new SplittableRandom(session.options.number("seed", 42));
    Workload workload = () -> events.next(players.id(random.nextInt(players.count())), random.nextDouble() < 0.2);

    java.nio.file.Path log = session.outDir.resolve("outage-commands.log");
    double phaseStart = session.now();
    var run = session.driver().run(List.of(
        Phase.measured("events", ArrivalSchedule.constant(rate, Duration.ofSeconds(after + down + tail)), workload)));
    CompletableFuture<double[]> outage = CompletableFuture.supplyAsync(() -> {
      try {
        sleepUntil(session, phaseStart + after);
        double downAt = session.now();
        System.out.printf("stopping PostgreSQL at %.1f s: %s%n", downAt, commands[0]);
        shell(commands[0], log);
        sleepUntil(session, downAt + down);
        System.out.printf("starting PostgreSQL at %.1f s: %s%n", session.now(), commands[1]);
        shell(commands[1], log);
        double backAt = session.now();
        System.out.printf("PostgreSQL back at %.1f s%n", backAt);
        return new double[] {downAt, backAt};
      } catch (Exception e) {
        throw new IllegalStateException("the outage commands failed: " + e.getMessage(), e);
      }
    }, task -> new Thread(task, "bench-outage").start());
    int left = run.await();
    double[] times = outage.get();
    if (left > 0) {
      session.notes.add(left + " requests still unanswered after the drain timeout");
    }

    List<OutageAnalysis.SecondCounts> seconds = seconds(session.recorder.timeline());
    OutageAnalysis analysis = OutageAnalysis.of(seconds, times[0], times[1], rate, FAIL_FAST_MS);
    LedgerComparison comparison =
        LedgerComparison.compare(ledger, LedgerStore.read(session.vertx, session.database(), ledger.players().keySet()).await());

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("downAtSecond", times[0]);
    figures.put("backAtSecond", times[1]);
    figures.put("maxFailedLatencyMs", analysis.maxFailedLatencyMs());
    figures.put("failFast", analysis.failFast());
    figures.put("recoverySeconds", analysis.recoverySeconds());
    figures.put("mismatches", comparison.mismatches());
    List<String> lines = new ArrayList<>();
    lines.add("PostgreSQL stopped at " + Format.one(times[0]) + " s, back at " + Format.one(times[1]) + " s (run time). "
        + "While it was down: " + analysis.okWhileDown() + " OK, " + analysis.failedWhileDown() + " failed. "
        + "Failures by status over the whole run: " + Format.counts(analysis.failuresByStatus()) + ".");
    lines.add("**Fail fast: slowest failed call " + Format.ms(analysis.maxFailedLatencyMs()) + " ms — "
        + (analysis.failFast() ? "under" : "NOT under") + " " + Format.whole(FAIL_FAST_MS) + " ms.**");
    lines.add("**Recovery: " + (analysis.recoverySeconds() == null
        ? "the OK rate did not recover before the end of the run"
        : "the OK rate was back to ≥ 90% of " + rate + "/s with no failure within "
            + Format.one(analysis.recoverySeconds()) + " s of PostgreSQL's return") + ".**");
    lines.addAll(LedgerReport.lines(comparison));
    session.section(new Section("Outage", lines, figures, secondsTable(seconds, times[0], times[1], phaseStart)));
    session.section(Section.of("Ledger checks", List.of(), LedgerReport.table(comparison)));
  }

  static List<OutageAnalysis.SecondCounts> seconds(Timeline timeline) {
    List<OutageAnalysis.SecondCounts> seconds = new ArrayList<>();
    for (Timeline.Second s : timeline.seconds()) {
      if (s.ok() + s.failed() > 0) {
        seconds.add(new OutageAnalysis.SecondCounts(s.index(), s.ok(), Map.copyOf(s.failures()), s.maxFailedMicros(),
            s.okLatency().getMaxValue()));
      }
    }
    return seconds;
  }

  static Table secondsTable(List<OutageAnalysis.SecondCounts> seconds, double downAt, double backAt, double phaseStart) {
    // seconds of intended send time: a call intended while PostgreSQL was down may answer after its return
    Table.Builder table = Table.builder("run second", "PostgreSQL", "OK", "UNAVAILABLE", "RESOURCE_EXHAUSTED", "other failures",
        "max failed ms", "max OK ms");
    for (OutageAnalysis.SecondCounts s : seconds) {
      if (s.second() < Math.floor(phaseStart)) {
        continue;
      }
      boolean isDown = s.second() + 1 > downAt && s.second() < backAt;
      Map<String, Long> other = new java.util.TreeMap<>(s.failures());
      long unavailable = other.getOrDefault("UNAVAILABLE", 0L);
      long exhausted = other.getOrDefault("RESOURCE_EXHAUSTED", 0L);
      other.remove("UNAVAILABLE");
      other.remove("RESOURCE_EXHAUSTED");
      table.row(s.second(), isDown ? "down" : "up", s.ok(), unavailable, exhausted, Format.counts(other),
          s.failed() == 0 ? "–" : Format.ms(s.maxFailedMicros() / 1000.0),
          s.ok() == 0 ? "–" : Format.ms(s.maxOkMicros() / 1000.0));
    }
    return table.build();
  }

  /** The stop and start commands: from the flags, else pg_ctlcluster for the server's major version. */
  private static String[] commands(BenchSession session) {
    if (session.options.has("pg-stop-cmd") && session.options.has("pg-start-cmd")) {
      return new String[] {session.options.string("pg-stop-cmd", ""), session.options.string("pg-start-cmd", "")};
    }
    int version = BenchDatabase.majorVersion(session.vertx, session.databaseServer()).await();
    String prefix = "pg_ctlcluster --skip-systemctl-redirect " + version + " main ";
    return new String[] {session.options.string("pg-stop-cmd", prefix + "stop"),
        session.options.string("pg-start-cmd", prefix + "start")};
  }

  /** Output goes to a file, not a pipe: a started server inherits it and would keep a pipe open. */
  private static void shell(String command, java.nio.file.Path log) throws IOException, InterruptedException {
    java.nio.file.Files.writeString(log, "$ " + command + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (process.waitFor() != 0) {
      throw new IOException("'" + command + "' exited with " + process.exitValue() + " (output in " + log + ")");
    }
  }

  private static void sleepUntil(BenchSession session, double second) throws InterruptedException {
    long millis = (long) ((second - session.now()) * 1000);
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
