package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.time.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small catalogs, goal states and players built in test code, with readable defaults. */
final class Fixtures {

  /** A Wednesday, mid-morning UTC. */
  static final Instant NOW = Instant.parse("2025-03-12T10:00:00Z");

  /** Earlier in the same day (and week and month) as {@link #NOW}: not stale. */
  static final Instant EARLIER_TODAY = Instant.parse("2025-03-12T08:00:00Z");

  /** The day before {@link #NOW}: stale for daily goals. */
  static final Instant YESTERDAY = Instant.parse("2025-03-11T20:00:00Z");

  /** The next daily boundary after {@link #NOW}. */
  static final Instant TOMORROW_MIDNIGHT = Instant.parse("2025-03-13T00:00:00Z");

  static final String USER = "user-1";

  private Fixtures() {}

  // ---- catalog ----

  static GoalBuilder statisticGoal(String id, String statCode) {
    return new GoalBuilder(id, EventSource.STATISTIC, statCode);
  }

  static GoalBuilder loginGoal(String id) {
    return new GoalBuilder(id, EventSource.LOGIN, "login-count");
  }

  /** One challenge per distinct challenge id, in the order the goals are given. */
  static CatalogIndex catalog(Goal... goals) {
    Map<String, List<Goal>> byChallenge = new LinkedHashMap<>();
    for (Goal goal : goals) {
      byChallenge.computeIfAbsent(goal.challengeId(), id -> new ArrayList<>()).add(goal);
    }
    List<Challenge> challenges = new ArrayList<>();
    byChallenge.forEach((id, list) -> challenges.add(new Challenge(id, id, "", list)));
    return new CatalogIndex(new Catalog(challenges), "test");
  }

  static final class GoalBuilder {
    private final String id;
    private final EventSource source;
    private final String statCode;
    private String challengeId = "challenge-1";
    private int target = 10;
    private ProgressMode mode = ProgressMode.ABSOLUTE;
    private boolean defaultAssigned;
    private List<String> prerequisites = List.of();
    private Rotation rotation;

    private GoalBuilder(String id, EventSource source, String statCode) {
      this.id = id;
      this.source = source;
      this.statCode = statCode;
    }

    GoalBuilder target(int value) {
      this.target = value;
      return this;
    }

    GoalBuilder relative() {
      this.mode = ProgressMode.RELATIVE;
      return this;
    }

    GoalBuilder inChallenge(String id) {
      this.challengeId = id;
      return this;
    }

    GoalBuilder defaultAssigned() {
      this.defaultAssigned = true;
      return this;
    }

    GoalBuilder prerequisites(String... ids) {
      this.prerequisites = List.of(ids);
      return this;
    }

    GoalBuilder rotating(Schedule schedule, boolean resetProgress, boolean allowReselection) {
      this.rotation = new Rotation(schedule, resetProgress, allowReselection);
      return this;
    }

    GoalBuilder daily(boolean resetProgress, boolean allowReselection) {
      return rotating(Schedule.DAILY, resetProgress, allowReselection);
    }

    Goal build() {
      return new Goal(
          id,
          id,
          "",
          challengeId,
          source,
          defaultAssigned,
          new Requirement(statCode, ">=", target, mode),
          new Reward(RewardType.ITEM, "reward-" + id, 1),
          prerequisites,
          rotation);
    }
  }

  // ---- goal states ----

  /** An active, not started state of the goal written earlier today at seq 0, login count 0. */
  static StateBuilder state(Goal goal) {
    return new StateBuilder(goal);
  }

  static final class StateBuilder {
    private final Goal goal;
    private boolean active = true;
    private GoalStatus status = GoalStatus.NOT_STARTED;
    private int progress;
    private long seq;
    private int loginBase;
    private Integer baseline;
    private Instant assignedAt = EARLIER_TODAY;
    private Instant completedAt;
    private Instant claimedAt;
    private Instant expiresAt;
    private Instant updatedAt = EARLIER_TODAY;

    private StateBuilder(Goal goal) {
      this.goal = goal;
    }

    StateBuilder inactive() {
      this.active = false;
      return this;
    }

    StateBuilder inProgress(int progress) {
      this.status = GoalStatus.IN_PROGRESS;
      this.progress = progress;
      return this;
    }

    /** Completed at {@code updatedAt}'s time unless set otherwise. */
    StateBuilder completed(int progress) {
      this.status = GoalStatus.COMPLETED;
      this.progress = progress;
      this.completedAt = updatedAt;
      return this;
    }

    StateBuilder claimed(int progress) {
      completed(progress);
      this.status = GoalStatus.CLAIMED;
      this.claimedAt = updatedAt;
      return this;
    }

    StateBuilder status(GoalStatus value) {
      this.status = value;
      return this;
    }

    StateBuilder progress(int value) {
      this.progress = value;
      return this;
    }

    StateBuilder seq(long value) {
      this.seq = value;
      return this;
    }

    StateBuilder loginBase(int value) {
      this.loginBase = value;
      return this;
    }

    StateBuilder baseline(Integer value) {
      this.baseline = value;
      return this;
    }

    StateBuilder expiresAt(Instant value) {
      this.expiresAt = value;
      return this;
    }

    /** Last written at {@code at}; also moves completedAt/claimedAt/assignedAt when set. */
    StateBuilder writtenAt(Instant at) {
      this.updatedAt = at;
      this.assignedAt = at;
      if (completedAt != null) {
        completedAt = at;
      }
      if (claimedAt != null) {
        claimedAt = at;
      }
      return this;
    }

    GoalState build() {
      return new GoalState(
          goal.id(),
          goal.challengeId(),
          active,
          status,
          progress,
          seq,
          loginBase,
          baseline,
          assignedAt,
          completedAt,
          claimedAt,
          expiresAt,
          updatedAt);
    }
  }

  // ---- players ----

  static PlayerBuilder player() {
    return new PlayerBuilder();
  }

  static final class PlayerBuilder {
    private long seq;
    private int logins;
    private final Map<String, StatValue> stats = new HashMap<>();
    private final Map<String, GoalState> goals = new HashMap<>();
    private final Map<String, List<Crossing>> crossings = new HashMap<>();
    private Initialization initialization;

    PlayerBuilder seq(long value) {
      this.seq = value;
      return this;
    }

    PlayerBuilder logins(int value) {
      this.logins = value;
      return this;
    }

    /** Stat {@code code} last set to {@code value} by the event with sequence {@code atSeq}. */
    PlayerBuilder stat(String code, int value, long atSeq) {
      stats.put(code, new StatValue(value, atSeq));
      return this;
    }

    /** A crossing of {@code counter} (a stat code or {@link Crossings#LOGINS}), after the others. */
    PlayerBuilder crossing(String counter, int value, long atSeq, Instant at) {
      crossings.computeIfAbsent(counter, c -> new ArrayList<>()).add(new Crossing(value, atSeq, at));
      return this;
    }

    PlayerBuilder goal(GoalState state) {
      goals.put(state.goalId(), state);
      return this;
    }

    PlayerBuilder initialized(Instant at, long atSeq, int atLogins, CatalogIndex catalog) {
      this.initialization = new Initialization(at, atSeq, atLogins, catalog.defaultGoalSet());
      return this;
    }

    PlayerProgress build() {
      return new PlayerProgress(
          USER,
          1,
          new PlayerStats(seq, logins, stats, new Crossings(crossings)),
          initialization,
          goals);
    }
  }

  // ---- events ----

  static PlayerEvent.Stat stat(String code, int value, int inc) {
    return new PlayerEvent.Stat("event", USER, code, value, inc);
  }

  static PlayerEvent.Login login() {
    return new PlayerEvent.Login("event", USER);
  }
}
