package dev.challengesuite.common.catalog;

import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.DefaultGoalSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lookups over a validated catalog, built once at startup: by challenge id, goal id, and the goals
 * each kind of event moves. Immutable and shared by every verticle.
 */
public final class CatalogIndex {

  private static final int[] NO_TARGETS = new int[0];

  private final Catalog catalog;
  private final Map<String, Challenge> challenges = new LinkedHashMap<>();
  private final Map<String, Goal> goals = new LinkedHashMap<>();
  private final Map<String, List<Goal>> statisticGoalsByStatCode = new LinkedHashMap<>();
  private final List<Goal> loginGoals;
  private final List<Goal> defaultGoals;
  private final Map<String, int[]> crossingTargets = new LinkedHashMap<>();
  private final DefaultGoalSet defaultGoalSet;
  private final String hash;

  public CatalogIndex(Catalog catalog, String sourceHash) {
    this.catalog = catalog;
    List<Goal> logins = new ArrayList<>();
    List<Goal> defaults = new ArrayList<>();
    for (Challenge challenge : catalog.challenges()) {
      challenges.put(challenge.id(), challenge);
      for (Goal goal : challenge.goals()) {
        goals.put(goal.id(), goal);
        if (goal.eventSource() == EventSource.LOGIN) {
          logins.add(goal);
        } else {
          statisticGoalsByStatCode
              .computeIfAbsent(goal.requirement().statCode(), code -> new ArrayList<>())
              .add(goal);
        }
        if (goal.defaultAssigned()) {
          defaults.add(goal);
        }
      }
    }
    indexCrossingTargets(catalog);
    this.loginGoals = List.copyOf(logins);
    this.defaultGoals = List.copyOf(defaults);
    statisticGoalsByStatCode.replaceAll((code, list) -> List.copyOf(list));
    TreeSet<String> defaultIds = new TreeSet<>();
    defaultGoals.forEach(goal -> defaultIds.add(goal.id()));
    this.defaultGoalSet = new DefaultGoalSet(sha256(String.join("\n", defaultIds)), defaultIds);
    this.hash = sourceHash;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Challenges in file order. */
  public List<Challenge> challenges() {
    return catalog.challenges();
  }

  public Challenge challenge(String challengeId) {
    return challenges.get(challengeId);
  }

  public Goal goal(String goalId) {
    return goals.get(goalId);
  }

  /** Goals with {@code eventSource=statistic} on this stat code, in file order; never null. */
  public List<Goal> statisticGoals(String statCode) {
    return statisticGoalsByStatCode.getOrDefault(statCode, List.of());
  }

  /** Goals with {@code eventSource=login}, in file order. */
  public List<Goal> loginGoals() {
    return loginGoals;
  }

  /**
   * The targets whose first crossing {@link Crossings} records for this counter ({@link
   * Crossings#LOGINS} or a stat code): those of every goal {@link Crossings#tracks} on it, sorted
   * ascending, distinct; empty when there are none. Callers must not modify the array.
   */
  public int[] crossingTargets(String counter) {
    return crossingTargets.getOrDefault(counter, NO_TARGETS);
  }

  /** Goals with {@code defaultAssigned=true}, in file order. */
  public List<Goal> defaultGoals() {
    return defaultGoals;
  }

  /** The current default goals as the set a first initialize records. */
  public DefaultGoalSet defaultGoalSet() {
    return defaultGoalSet;
  }

  /** Hash of the catalog file's content, so instances can tell they run the same catalog. */
  public String hash() {
    return hash;
  }

  private void indexCrossingTargets(Catalog catalog) {
    Map<String, TreeSet<Integer>> targets = new LinkedHashMap<>();
    for (Challenge challenge : catalog.challenges()) {
      for (Goal goal : challenge.goals()) {
        if (Crossings.tracks(goal)) {
          targets.computeIfAbsent(Crossings.counter(goal), counter -> new TreeSet<>())
              .add(goal.requirement().targetValue());
        }
      }
    }
    targets.forEach((counter, sorted) ->
        crossingTargets.put(counter, sorted.stream().mapToInt(Integer::intValue).toArray()));
  }

  public static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
