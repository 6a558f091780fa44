package dev.challengesuite.common.progress;

import dev.challengesuite.common.time.Schedule;
import java.time.Instant;

/**
 * The rotation boundaries around one instant, each computed at most once: one event or one GET
 * evaluates many goals at the same {@code now}, and most of them share a schedule. Not shared
 * between threads (make one per call).
 */
public final class Boundaries {

  private static final Schedule[] SCHEDULES = Schedule.values();

  private final Instant now;
  private final Instant[] last = new Instant[SCHEDULES.length];
  private final Instant[] next = new Instant[SCHEDULES.length];

  private Boundaries(Instant now) {
    this.now = now;
  }

  public static Boundaries at(Instant now) {
    return new Boundaries(now);
  }

  public Instant now() {
    return now;
  }

  /** Start of the current period of {@code schedule}. */
  public Instant last(Schedule schedule) {
    int i = schedule.ordinal();
    Instant boundary = last[i];
    if (boundary == null) {
      boundary = schedule.lastBoundary(now);
      last[i] = boundary;
    }
    return boundary;
  }

  /** Start of the next period of {@code schedule}: when the current one expires. */
  public Instant next(Schedule schedule) {
    int i = schedule.ordinal();
    Instant boundary = next[i];
    if (boundary == null) {
      boundary = schedule.after(last(schedule));
      next[i] = boundary;
    }
    return boundary;
  }
}
