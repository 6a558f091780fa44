package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.ProgressRules.saturate;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.player.PlayerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one event changes one player (reference §5.3.4 table, DECISIONS.md "Events").
 *
 * <p>Every applied event rewrites the player's counters ({@link PlayerStats}): that alone moves the
 * progress of every active goal listening to it (see {@link ProgressRules#rawProgress}). A goal
 * state is written only when the table's result differs from what that derivation shows: newly
 * completed, baseline captured, rotation reset (any stale goal: the write starts the new period),
 * claimed goal reselected.
 *
 * <p>The counters also record the event as a {@link Crossing} when it reaches a new target of an
 * absolute goal that does not rotate. An implicit default goal of that kind is never written by an
 * event: its completion is derived from that crossing ({@link PlayerProgress#goal}), so the
 * commonest completion (a default goal's) costs no goal row.
 */
public final class EventRules {

  private EventRules() {}

  public static EventOutcome apply(
      PlayerProgress player, PlayerEvent event, CatalogIndex catalog, Instant now) {
    PlayerStats before = player.stats();
    List<Goal> goals;
    PlayerStats after;
    int value;
    int inc;
    boolean login;
    switch (event) {
      case PlayerEvent.Stat stat -> {
        goals = catalog.statisticGoals(stat.statCode());
        if (goals.isEmpty()) {
          return new EventOutcome(player, List.of(), false);
        }
        after = withStat(player, stat.statCode(), stat.value(), catalog, now);
        value = stat.value();
        inc = stat.inc();
        login = false;
      }
      case PlayerEvent.Login ignored -> {
        goals = catalog.loginGoals();
        if (goals.isEmpty()) {
          return new EventOutcome(player, List.of(), false);
        }
        after = withLogin(player, catalog, now);
        value = 0;
        inc = 1;
        login = true;
      }
    }

    Boundaries boundaries = Boundaries.at(now);
    List<GoalState> changed = null;
    for (int i = 0; i < goals.size(); i++) {
      Goal goal = goals.get(i);
      if (Crossings.tracks(goal) && !player.goals().containsKey(goal.id())) {
        // Implicit (or never assigned): its completion, if this event completes it, is derived
        // from the crossing just recorded in the counters.
        continue;
      }
      GoalState state = player.goal(goal);
      if (state == null || !state.active()) {
        continue; // events never create or move goals the player does not have active
      }
      // P' of the table: the new stat value, or the login counter plus this login.
      int newProgress =
          login ? saturate(ProgressRules.rawProgress(goal, state, before) + 1L) : value;
      GoalState written = transition(goal, state, newProgress, inc, after, boundaries);
      if (written != null) {
        if (changed == null) {
          changed = new ArrayList<>();
        }
        changed.add(written);
      }
    }

    if (changed == null) {
      PlayerProgress next =
          new PlayerProgress(
              player.userId(), player.version(), after, player.initialization(), player.goals());
      return new EventOutcome(next, List.of(), true);
    }
    Map<String, GoalState> goalStates = new HashMap<>(player.goals());
    for (GoalState state : changed) {
      goalStates.put(state.goalId(), state);
    }
    PlayerProgress next =
        new PlayerProgress(
            player.userId(), player.version(), after, player.initialization(), goalStates);
    return new EventOutcome(next, changed, true);
  }

  /**
   * The goal state this event writes per the §5.3.4 table, or null when the derivation from the new
   * counters already shows the table's result.
   *
   * @param newProgress P': the event's value (statistic) or the raw progress before plus one
   * @param inc the event's increment (1 for a login)
   * @param after the player's counters including this event
   */
  static GoalState transition(
      Goal goal,
      GoalState state,
      int newProgress,
      int inc,
      PlayerStats after,
      Boundaries boundaries) {
    Rotation rotation = goal.rotation();
    boolean claimed = state.status() == GoalStatus.CLAIMED;
    if (claimed && (rotation == null || !rotation.allowReselection())) {
      return null; // row filter: claimed is terminal
    }
    boolean stale = ProgressRules.isStale(goal, state, boundaries);
    if (claimed && !stale) {
      return null; // a claimed goal's progress stays frozen until its period ends (DECISIONS)
    }
    Instant now = boundaries.now();
    int target = goal.requirement().targetValue();
    int progress = newProgress;
    Integer baseline = state.baseline();
    GoalStatus status;
    Instant completedAt = state.completedAt();
    Instant claimedAt = state.claimedAt();
    boolean write = stale; // a stale goal's write starts the new period (un-stales it)

    if (goal.requirement().progressMode() == ProgressMode.ABSOLUTE) {
      // A1: progress := P'; completed (and claimed) are sticky.
      if (claimed) {
        status = GoalStatus.CLAIMED;
        progress = state.progress();
      } else if (state.status() == GoalStatus.COMPLETED) {
        status = GoalStatus.COMPLETED;
      } else if (newProgress >= target) {
        status = GoalStatus.COMPLETED;
        completedAt = now;
        write = true;
      } else {
        status = GoalStatus.IN_PROGRESS;
      }
    } else if (stale && (claimed || rotation.resetProgress())) {
      // Rs (claimed, reselection allowed) and Rr (reset): the period restarts with this event,
      // so the new baseline is the value just before it and displayed progress is inc.
      baseline = saturate((long) newProgress - inc);
      boolean done = inc >= target;
      status = done ? GoalStatus.COMPLETED : GoalStatus.IN_PROGRESS;
      completedAt = done ? now : null;
      if (claimed) {
        claimedAt = null;
      }
    } else {
      // Rk (stale, keep progress), Rf (first event: no baseline yet), Rn (normal). With the
      // baseline just captured as P' - inc, "P' - baseline >= T" is Rf's "inc >= T".
      if (baseline == null) {
        baseline = saturate((long) newProgress - inc);
        write = true;
      }
      if (state.status() == GoalStatus.COMPLETED) {
        status = GoalStatus.COMPLETED;
      } else if ((long) newProgress - baseline >= target) {
        status = GoalStatus.COMPLETED;
        completedAt = now;
        write = true;
      } else {
        status = GoalStatus.IN_PROGRESS;
      }
    }

    if (!write) {
      return null; // progress and not_started -> in_progress follow from the new counters
    }
    Instant expiresAt = rotation != null ? boundaries.next(rotation.schedule()) : state.expiresAt();
    return new GoalState(
        state.goalId(),
        state.challengeId(),
        state.active(),
        status,
        progress,
        after.seq(),
        after.loginCount(),
        baseline,
        state.assignedAt(),
        completedAt,
        claimedAt,
        expiresAt,
        now);
  }

  private static PlayerStats withStat(
      PlayerProgress player, String statCode, int value, CatalogIndex catalog, Instant now) {
    PlayerStats stats = player.stats();
    long seq = stats.seq() + 1;
    Map<String, StatValue> values = new HashMap<>(stats.stats());
    values.put(statCode, new StatValue(value, seq));
    Crossings crossings =
        withCrossing(player, statCode, value, seq, catalog.crossingTargets(statCode), now);
    return new PlayerStats(seq, stats.loginCount(), values, crossings);
  }

  private static PlayerStats withLogin(PlayerProgress player, CatalogIndex catalog, Instant now) {
    PlayerStats stats = player.stats();
    long seq = stats.seq() + 1;
    int loginCount = saturate(stats.loginCount() + 1L);
    Initialization init = player.initialization();
    // The login counter's value is what an implicit login goal counts: logins since initialize.
    int sinceInit = init == null ? 0 : saturate((long) loginCount - init.loginCount());
    Crossings crossings =
        withCrossing(
            player, Crossings.LOGINS, sinceInit, seq, catalog.crossingTargets(Crossings.LOGINS), now);
    return new PlayerStats(seq, loginCount, stats.stats(), crossings);
  }

  /** Only initialised players have implicit goals, so only they record crossings. */
  private static Crossings withCrossing(
      PlayerProgress player, String counter, int value, long seq, int[] targets, Instant now) {
    Crossings crossings = player.stats().crossings();
    if (player.initialization() == null || targets.length == 0) {
      return crossings;
    }
    return crossings.record(counter, value, seq, now, targets);
  }
}
