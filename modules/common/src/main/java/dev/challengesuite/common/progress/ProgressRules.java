package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Rotation;
import java.time.Instant;
import java.util.List;

/**
 * How a goal's progress and status are derived from its stored state and the player's stats, and
 * how the API displays them (reference §5.3–§5.4.4, DECISIONS.md "Events").
 *
 * <p>A stored {@link GoalState} is the goal materialised at the player's event sequence {@code seq}
 * and login count {@code loginBase}. Events after that move the goal without writing it: a
 * statistic goal follows its stat once the stat was set after the state ({@code stat.seq >
 * state.seq}), a login goal adds the logins since. That is exactly what the reference's per-event
 * row update would have stored.
 */
public final class ProgressRules {

  private ProgressRules() {}

  /**
   * The goal's raw progress now: the stat value (statistic goals) or login counter (login goals)
   * that the goal has followed since its state was written; frozen while inactive or claimed.
   */
  public static int rawProgress(Goal goal, GoalState state, PlayerStats stats) {
    if (!state.active() || state.status() == GoalStatus.CLAIMED) {
      return state.progress();
    }
    if (goal.eventSource() == EventSource.LOGIN) {
      return saturate((long) state.progress() + stats.loginCount() - state.loginBase());
    }
    StatValue stat = stats.stat(goal.requirement().statCode());
    return stat != null && stat.seq() > state.seq() ? stat.value() : state.progress();
  }

  /** The goal's status before rotation display: not_started becomes in_progress after an event. */
  public static GoalStatus status(Goal goal, GoalState state, PlayerStats stats) {
    GoalStatus stored = state.status();
    if (stored != GoalStatus.NOT_STARTED || !state.active()) {
      return stored;
    }
    return reachedSinceWritten(goal, state, stats)
        ? GoalStatus.IN_PROGRESS
        : GoalStatus.NOT_STARTED;
  }

  /** Whether an event of the goal's kind was applied after its state was written. */
  static boolean reachedSinceWritten(Goal goal, GoalState state, PlayerStats stats) {
    if (goal.eventSource() == EventSource.LOGIN) {
      return stats.loginCount() > state.loginBase();
    }
    StatValue stat = stats.stat(goal.requirement().statCode());
    return stat != null && stat.seq() > state.seq();
  }

  /**
   * The same state materialised at the player's current counters (raw progress, status, {@code
   * seq}, {@code loginBase}): what any other write of a goal state (set-active, claim, selection)
   * must start from, so that events are neither lost nor counted twice. For example a login goal
   * reactivated without this would count the logins made while it was inactive.
   */
  public static GoalState rebase(Goal goal, GoalState state, PlayerStats stats) {
    return new GoalState(
        state.goalId(),
        state.challengeId(),
        state.active(),
        status(goal, state, stats),
        rawProgress(goal, state, stats),
        stats.seq(),
        stats.loginCount(),
        state.baseline(),
        state.assignedAt(),
        state.completedAt(),
        state.claimedAt(),
        state.expiresAt(),
        state.updatedAt());
  }

  /**
   * Progress as the API shows it before rotation display: the raw progress (absolute goals) or its
   * growth since the baseline, 0 while there is none (relative goals).
   */
  public static int displayedProgress(Goal goal, GoalState state, int rawProgress) {
    if (goal.requirement().progressMode() == ProgressMode.ABSOLUTE) {
      return rawProgress;
    }
    Integer baseline = state.baseline();
    return baseline == null ? 0 : saturate(Math.max(0L, (long) rawProgress - baseline));
  }

  /**
   * Whether a rotating goal's state was last written before the current period began (reference
   * §5.4.2). Never true for goals that do not rotate.
   */
  public static boolean isStale(Goal goal, GoalState state, Instant now) {
    Rotation rotation = goal.rotation();
    return rotation != null && writtenBefore(state, rotation.schedule().lastBoundary(now));
  }

  static boolean isStale(Goal goal, GoalState state, Boundaries boundaries) {
    Rotation rotation = goal.rotation();
    return rotation != null && writtenBefore(state, boundaries.last(rotation.schedule()));
  }

  /** A state without {@code updatedAt} was never written in any period, so it is stale. */
  private static boolean writtenBefore(GoalState state, Instant boundary) {
    return state.updatedAt() == null || state.updatedAt().isBefore(boundary);
  }

  /**
   * True iff some prerequisite of the goal is neither completed nor claimed for this player
   * (DECISIONS.md "REST"). A prerequisite never assigned counts as not done; one missing from the
   * catalog (impossible after validation) counts as done.
   */
  public static boolean locked(Goal goal, PlayerProgress player, CatalogIndex catalog) {
    List<String> prerequisites = goal.prerequisites();
    for (int i = 0; i < prerequisites.size(); i++) {
      Goal prerequisite = catalog.goal(prerequisites.get(i));
      if (prerequisite == null) {
        continue;
      }
      GoalState state = player.goal(prerequisite);
      if (state == null || !status(prerequisite, state, player.stats()).isDone()) {
        return true;
      }
    }
    return false;
  }

  /** What the API shows for this goal and player at {@code now}. */
  public static GoalView view(Goal goal, PlayerProgress player, CatalogIndex catalog, Instant now) {
    return view(goal, player, catalog, Boundaries.at(now));
  }

  /**
   * What the API shows for this goal and player at {@code boundaries.now()}; pass the same {@link
   * Boundaries} for every goal of one response.
   */
  public static GoalView view(
      Goal goal, PlayerProgress player, CatalogIndex catalog, Boundaries boundaries) {
    Rotation rotation = goal.rotation();
    Instant expiresAt = null;
    int expiresInSeconds = 0;
    if (rotation != null) {
      expiresAt = boundaries.next(rotation.schedule());
      expiresInSeconds = secondsBetween(boundaries.now(), expiresAt);
    }
    boolean locked = locked(goal, player, catalog);
    GoalState state = player.goal(goal);
    if (state == null) {
      return new GoalView(
          GoalStatus.NOT_STARTED, 0, false, null, null, null, expiresAt, expiresInSeconds, locked);
    }
    PlayerStats stats = player.stats();
    GoalStatus status = status(goal, state, stats);
    int progress = displayedProgress(goal, state, rawProgress(goal, state, stats));
    if (rotation != null
        && rotation.resetProgress()
        && !(status == GoalStatus.CLAIMED && !rotation.allowReselection())
        && isStale(goal, state, boundaries)) {
      // §5.4.4: a new period shows a fresh goal until an event or initialize resets the state.
      status = GoalStatus.NOT_STARTED;
      progress = 0;
    }
    return new GoalView(
        status,
        progress,
        state.active(),
        state.assignedAt(),
        state.completedAt(),
        state.claimedAt(),
        expiresAt,
        expiresInSeconds,
        locked);
  }

  /** Whole seconds from {@code from} to {@code to}, clamped to 0..int max. */
  static int secondsBetween(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    if (to.getNano() < from.getNano()) {
      seconds--;
    }
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
  }

  /** Clamps to the int range: progress and baselines never wrap around. */
  static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
