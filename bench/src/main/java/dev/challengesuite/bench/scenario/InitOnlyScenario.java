package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.load.ArrivalSchedule;
import dev.challengesuite.bench.load.Phase;
import dev.challengesuite.bench.load.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Initialize for every player exactly once (500 default goals each), the rate ramping up to 300/s
 * and then staying there: the cost of a new player.
 */
final class InitOnlyScenario implements Scenario {

  @Override
  public String name() {
    return "init-only";
  }

  @Override
  public String description() {
    return "initialize every player once, ramping up to 300/s";
  }

  @Override
  public void run(BenchSession session) {
    int rate = session.options.integer("rate", 300);
    int rampSeconds = session.options.integer("ramp-seconds", 30);
    int count = session.players.count();
    double from = Math.min(10, rate);
    session.settings.put("load", count + " initialize calls, ramping " + (int) from + " -> " + rate + "/s over "
        + rampSeconds + " s, then " + rate + "/s");

    ApiClient api = session.api(rate);
    Workload workload = Workloads.initializeInOrder(api, session.players);
    List<Phase> phases = new ArrayList<>();
    long duringRamp = rampSeconds > 0 ? Math.min(count, (long) Math.floor((from + rate) / 2 * rampSeconds)) : 0;
    if (duringRamp > 0) {
      phases.add(Phase.measured("ramp to " + rate + "/s",
          ArrivalSchedule.ramp(from, rate, Duration.ofSeconds(rampSeconds), duringRamp), workload));
    }
    if (count > duringRamp) {
      phases.add(Phase.measured("steady " + rate + "/s", ArrivalSchedule.count(rate, count - duringRamp), workload));
    }
    int left = session.driver().run(phases).await();
    if (left > 0) {
      session.notes.add(left + " requests still unanswered after the drain timeout");
    }
  }
}
