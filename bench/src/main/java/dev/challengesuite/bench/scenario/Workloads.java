package dev.challengesuite.bench.scenario;

import dev.challengesuite.bench.client.ApiClient;
import dev.challengesuite.bench.client.EventClient;
import dev.challengesuite.bench.client.ListCalls;
import dev.challengesuite.bench.data.BenchCatalog;
import dev.challengesuite.bench.data.Players;
import dev.challengesuite.bench.load.Call;
import dev.challengesuite.bench.load.Workload;
import java.util.List;
import java.util.SplittableRandom;

/** The request mixes of the scenarios. Each is used from the generator's thread only. */
final class Workloads {

  private Workloads() {}

  /** The next event for a given player: a login when {@code login}, else a statistic update. */
  @FunctionalInterface
  interface PlayerEvents {
    Call next(String user, boolean login);
  }

  /**
   * Events over all players: {@code loginShare} logins (unique ids), the rest statistic updates on
   * a random stat code of the catalog with a random value 0–1000 and inc 1–10.
   */
  static Workload randomEvents(EventClient events, Players players, SplittableRandom random, String runId,
      double loginShare) {
    PlayerEvents randomOnes = randomEventsFor(events, random, runId);
    return events(players, LedgerSample.NONE, randomOnes, randomOnes, random, loginShare);
  }

  /**
   * Events over all players, {@code loginShare} of them logins: a player of {@code sample} gets
   * its events from {@code ledger} only (a random value would break the ledger's increasing
   * {@code games_played}), every other player from {@code others}.
   */
  static Workload events(Players players, LedgerSample sample, PlayerEvents ledger, PlayerEvents others,
      SplittableRandom random, double loginShare) {
    return () -> {
      int index = random.nextInt(players.count());
      boolean login = random.nextDouble() < loginShare;
      return (sample.contains(index) ? ledger : others).next(players.id(index), login);
    };
  }

  /** Logins with unique ids; statistic updates on a random stat code, value 0–1000, inc 1–10. */
  static PlayerEvents randomEventsFor(EventClient events, SplittableRandom random, String runId) {
    long[] sequence = {0};
    return (user, login) -> {
      String eventId = runId + "-" + sequence[0]++;
      if (login) {
        return new Call(EventClient.LOGIN, () -> events.login(user, eventId));
      }
      String statCode = BenchCatalog.STAT_CODES.get(random.nextInt(BenchCatalog.STAT_CODES.size()));
      int value = random.nextInt(1001);
      int inc = 1 + random.nextInt(10);
      return new Call(EventClient.STAT, () -> events.stat(user, eventId, statCode, value, inc));
    };
  }

  /**
   * The game clients' mix: 10% initialize, 70% list (half of them active_only), 15% set-active
   * (random goal, activate 2 times in 3), 5% claim (random goal), over random players.
   */
  static Workload apiMix(ApiClient api, Players players, BenchCatalog catalog, SplittableRandom random) {
    List<BenchCatalog.GoalRef> goals = catalog.goals();
    return () -> {
      String user = players.id(random.nextInt(players.count()));
      int pick = random.nextInt(100);
      if (pick < 10) {
        return new Call(ApiClient.INITIALIZE, () -> api.initialize(user));
      }
      if (pick < 80) {
        boolean activeOnly = pick < 45;
        return new Call(activeOnly ? ApiClient.LIST_ACTIVE : ApiClient.LIST, () -> api.list(user, activeOnly));
      }
      BenchCatalog.GoalRef goal = goals.get(random.nextInt(goals.size()));
      if (pick < 95) {
        boolean active = random.nextInt(3) > 0;
        return new Call(ApiClient.SET_ACTIVE, () -> api.setActive(user, goal.challengeId(), goal.goalId(), active));
      }
      return new Call(ApiClient.CLAIM, () -> api.claim(user, goal.challengeId(), goal.goalId()));
    };
  }

  /** GET /v1/challenges for random players. */
  static Workload list(ListCalls lists, Players players, SplittableRandom random) {
    return () -> {
      String user = players.id(random.nextInt(players.count()));
      return new Call(ApiClient.LIST, () -> lists.list(user, false));
    };
  }

  /** Initialize for players in order: bench-1, bench-2, ... (again from the first after the last). */
  static Workload initializeInOrder(ApiClient api, Players players) {
    int[] next = {0};
    return () -> {
      String user = players.id(next[0]);
      next[0] = (next[0] + 1) % players.count();
      return new Call(ApiClient.INITIALIZE, () -> api.initialize(user));
    };
  }

  /** Requests of {@code a} with probability {@code shareOfA}, of {@code b} otherwise. */
  static Workload mixture(Workload a, double shareOfA, Workload b, SplittableRandom random) {
    return () -> random.nextDouble() < shareOfA ? a.next() : b.next();
  }
}
