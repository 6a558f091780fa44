package dev.challengesuite.cache.catalog;

import dev.challengesuite.cache.catalog.CatalogDraft.ChallengeDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.GoalDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RequirementDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RewardDraft;
import dev.challengesuite.cache.catalog.CatalogDraft.RotationDraft;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.time.Schedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the first problem of a read catalog, or none.
 *
 * <p>First the reference's rules (reference-behaviour.md §4.1), in its order and with its
 * messages: at least one challenge; then per challenge in file order its id, name, at least one
 * goal and a unique id, then each of its goals (id, name, eventSource, statCode, operator,
 * targetValue, reward type, rewardId, quantity, progressMode, an enabled rotation's type,
 * schedule and relative mode, then a globally unique id); finally every prerequisite must name a
 * goal of the file. Problems are wrapped as {@code invalid challenge '<cid>': ...} or {@code
 * invalid goal '<gid>' in challenge '<cid>': ...}, including the duplicate-id and prerequisite
 * rules the reference leaves unwrapped, so every message names its entry.
 *
 * <p>Then our own rules, only on a catalog the reference would accept (so a catalog it rejects
 * gets the same first message from us):
 *
 * <ul>
 *   <li>challenge ids, goal ids, stat codes and reward ids are at most {@value #MAX_ID_LENGTH}
 *       characters, the size of the database columns that store them;
 *   <li>no goal lists itself or forms a prerequisite cycle ({@code goal 'a' has a prerequisite
 *       cycle: a -> b -> a}). Such a chain orders nothing: each goal would only unlock once the
 *       others are already complete, so it is an authoring mistake.
 * </ul>
 *
 * Where the reference checks prerequisites in random (Go map) order, we go in file order.
 */
final class CatalogValidator {

  static final int MAX_ID_LENGTH = 100;

  private CatalogValidator() {}

  static Optional<String> firstProblem(CatalogDraft catalog) {
    return referenceProblem(catalog).or(() -> ownProblem(catalog));
  }

  private static Optional<String> referenceProblem(CatalogDraft catalog) {
    if (catalog.challenges().isEmpty()) {
      return Optional.of("config must have at least one challenge");
    }
    Set<String> challengeIds = new HashSet<>();
    Set<String> goalIds = new HashSet<>();
    for (ChallengeDraft challenge : catalog.challenges()) {
      String problem = challengeProblem(challenge);
      if (problem == null && !challengeIds.add(challenge.id())) {
        problem = "duplicate challenge ID: " + challenge.id();
      }
      if (problem != null) {
        return Optional.of(challengeEntry(challenge) + ": " + problem);
      }
      for (GoalDraft goal : challenge.goals()) {
        problem = goalProblem(goal);
        if (problem == null && !goalIds.add(goal.id())) {
          problem = "duplicate goal ID: " + goal.id();
        }
        if (problem != null) {
          return Optional.of(goalEntry(goal) + ": " + problem);
        }
      }
    }
    for (GoalDraft goal : goals(catalog)) {
      for (String prerequisite : goal.prerequisites()) {
        if (!goalIds.contains(prerequisite)) {
          return Optional.of(
              goalEntry(goal) + ": goal '" + goal.id() + "' has invalid prerequisite: '"
                  + prerequisite + "' does not exist");
        }
      }
    }
    return Optional.empty();
  }

  /** The reference's challenge rules; null when they hold. */
  private static String challengeProblem(ChallengeDraft challenge) {
    if (challenge.id().isEmpty()) {
      return "challenge ID cannot be empty";
    }
    if (challenge.name().isEmpty()) {
      return "challenge name cannot be empty";
    }
    if (challenge.goals().isEmpty()) {
      return "challenge must have at least one goal";
    }
    return null;
  }

  /** The reference's goal rules except uniqueness; null when they hold. */
  private static String goalProblem(GoalDraft goal) {
    if (goal.id().isEmpty()) {
      return "goal ID cannot be empty";
    }
    if (goal.name().isEmpty()) {
      return "goal name cannot be empty";
    }
    if (goal.eventSource().isEmpty()) {
      return "event_source cannot be empty";
    }
    if (EventSource.fromWire(goal.eventSource()) == null) {
      return "invalid event_source '" + goal.eventSource()
          + "' (must be 'login' or 'statistic')";
    }
    RequirementDraft requirement = goal.requirement();
    if (requirement.statCode().isEmpty()) {
      return "stat_code cannot be empty";
    }
    if (!">=".equals(requirement.operator())) {
      return "unsupported operator '" + requirement.operator() + "' (only '>=' supported)";
    }
    if (requirement.targetValue() <= 0) {
      return "target_value must be positive";
    }
    RewardDraft reward = goal.reward();
    if (RewardType.fromWire(reward.type()) == null) {
      return "unsupported reward type '" + reward.type()
          + "' (only 'ITEM' or 'WALLET' allowed)";
    }
    if (reward.rewardId().isEmpty()) {
      return "reward_id cannot be empty";
    }
    if (reward.quantity() <= 0) {
      return "reward quantity must be positive";
    }
    ProgressMode mode = ProgressMode.fromWire(requirement.progressMode());
    if (mode == null) {
      return "invalid progressMode '" + requirement.progressMode() + "'";
    }
    RotationDraft rotation = goal.rotation();
    if (rotation != null) {
      if (!"global".equals(rotation.type())) {
        return "invalid rotation type '" + rotation.type() + "'";
      }
      if (Schedule.fromWire(rotation.schedule()) == null) {
        return "invalid rotation schedule '" + rotation.schedule() + "'";
      }
      if (mode != ProgressMode.RELATIVE) {
        return "rotation requires progressMode 'relative', got '" + mode.wire() + "'";
      }
    }
    return null;
  }

  private static Optional<String> ownProblem(CatalogDraft catalog) {
    for (ChallengeDraft challenge : catalog.challenges()) {
      if (tooLong(challenge.id())) {
        return Optional.of(challengeEntry(challenge) + ": " + longerThanAllowed("challenge ID"));
      }
      for (GoalDraft goal : challenge.goals()) {
        String problem =
            tooLong(goal.id()) ? longerThanAllowed("goal ID")
                : tooLong(goal.requirement().statCode()) ? longerThanAllowed("stat_code")
                : tooLong(goal.reward().rewardId()) ? longerThanAllowed("reward_id")
                : null;
        if (problem != null) {
          return Optional.of(goalEntry(goal) + ": " + problem);
        }
      }
    }
    return cycleProblem(catalog);
  }

  private static boolean tooLong(String text) {
    return text.codePointCount(0, text.length()) > MAX_ID_LENGTH;
  }

  private static String longerThanAllowed(String what) {
    return what + " must be at most " + MAX_ID_LENGTH + " characters";
  }

  /**
   * Depth-first over prerequisites, goals and their prerequisites in file order; reports the
   * first cycle met, starting at the goal where it closes (a goal that only leads into a cycle
   * is not named: fixing the cycle fixes it).
   */
  private static Optional<String> cycleProblem(CatalogDraft catalog) {
    Map<String, GoalDraft> byId = new LinkedHashMap<>();
    goals(catalog).forEach(goal -> byId.put(goal.id(), goal));
    Map<String, Boolean> finished = new HashMap<>(); // false while on the current path
    for (GoalDraft goal : byId.values()) {
      List<String> cycle = findCycle(goal.id(), byId, finished, new ArrayList<>());
      if (cycle != null) {
        GoalDraft start = byId.get(cycle.getFirst());
        return Optional.of(
            goalEntry(start) + ": goal '" + start.id() + "' has a prerequisite cycle: "
                + String.join(" -> ", cycle));
      }
    }
    return Optional.empty();
  }

  private static List<String> findCycle(
      String id, Map<String, GoalDraft> byId, Map<String, Boolean> finished, List<String> path) {
    Boolean state = finished.get(id);
    if (Boolean.TRUE.equals(state)) {
      return null;
    }
    if (Boolean.FALSE.equals(state)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      return cycle;
    }
    finished.put(id, false);
    path.add(id);
    for (String prerequisite : byId.get(id).prerequisites()) {
      List<String> cycle = findCycle(prerequisite, byId, finished, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.removeLast();
    finished.put(id, true);
    return null;
  }

  private static List<GoalDraft> goals(CatalogDraft catalog) {
    return catalog.challenges().stream().flatMap(challenge -> challenge.goals().stream()).toList();
  }

  private static String challengeEntry(ChallengeDraft challenge) {
    return "invalid challenge '" + challenge.id() + "'";
  }

  private static String goalEntry(GoalDraft goal) {
    return "invalid goal '" + goal.id() + "' in challenge '" + goal.challengeId() + "'";
  }
}
