package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per counter (each stat code, and the logins), the events that first reached the targets of
 * absolute goals that do not rotate, in the order they happened. Such a goal is completed by the
 * first event whose value reaches its target and stays completed for good, so "the first crossing
 * with {@code value >= target}" is exactly the event that completed it: implicit default goals
 * derive their completion from here instead of writing a goal state (see {@link
 * PlayerProgress#goal}).
 *
 * <p>An event adds a crossing only when its value reaches a target above the last crossing's
 * value, so each list is ordered by strictly increasing value and holds at most one entry per
 * distinct target of its counter. Only initialised players record crossings (only their implicit
 * goals need them), from their first initialize on.
 *
 * @param byCounter crossings by counter ({@link #LOGINS} for the login counter), oldest first
 */
public record Crossings(Map<String, List<Crossing>> byCounter) {

  /** The login counter's key: no stat code is empty (catalog validation and events refuse it). */
  public static final String LOGINS = "";

  public static final Crossings NONE = new Crossings(Map.of());

  public Crossings {
    Map<String, List<Crossing>> copy = new HashMap<>(byCounter.size() * 2);
    byCounter.forEach((counter, crossings) -> copy.put(counter, List.copyOf(crossings)));
    byCounter = Map.copyOf(copy);
  }

  /**
   * Whether crossings record this goal's completion: absolute goals that do not rotate, for which
   * the first event reaching the target completes the goal once and for all.
   */
  public static boolean tracks(Goal goal) {
    return goal.requirement().progressMode() == ProgressMode.ABSOLUTE && !goal.rotates();
  }

  /** The counter a goal listens to: {@link #LOGINS}, or its stat code. */
  public static String counter(Goal goal) {
    return goal.eventSource() == EventSource.LOGIN ? LOGINS : goal.requirement().statCode();
  }

  /** The counter's crossings, oldest first; empty when there are none. */
  public List<Crossing> of(String counter) {
    return byCounter.getOrDefault(counter, List.of());
  }

  /** The first crossing of the counter whose value is at least {@code target}, or null. */
  public Crossing reaching(String counter, int target) {
    List<Crossing> crossings = byCounter.get(counter);
    if (crossings == null) {
      return null;
    }
    for (int i = 0; i < crossings.size(); i++) {
      if (crossings.get(i).value() >= target) {
        return crossings.get(i);
      }
    }
    return null;
  }

  /**
   * These crossings with the event appended when its value reaches one of {@code targets} that
   * the counter's last crossing did not, else this same instance.
   *
   * @param targets the counter's targets, sorted ascending, distinct
   */
  public Crossings record(String counter, int value, long seq, Instant at, int[] targets) {
    List<Crossing> crossings = of(counter);
    int next = crossings.isEmpty() ? 0 : firstAbove(targets, crossings.getLast().value());
    if (next == targets.length || targets[next] > value) {
      return this;
    }
    Crossing[] appended = crossings.toArray(new Crossing[crossings.size() + 1]);
    appended[crossings.size()] = new Crossing(value, seq, at);
    Map<String, List<Crossing>> counters = new HashMap<>(byCounter);
    counters.put(counter, List.of(appended));
    return new Crossings(counters);
  }

  /** Index of the first target above {@code value}; {@code targets.length} when none is. */
  private static int firstAbove(int[] targets, int value) {
    int index = Arrays.binarySearch(targets, value);
    return index >= 0 ? index + 1 : -index - 1;
  }
}
