package dev.challengesuite.common.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Global rotation schedules. All boundaries are UTC midnights (reference §5.4.1). */
public enum Schedule {
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly");

  private final String wire;

  Schedule(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The schedule named exactly as in the catalog file, or null when there is none. */
  public static Schedule fromWire(String value) {
    for (Schedule schedule : values()) {
      if (schedule.wire.equals(value)) {
        return schedule;
      }
    }
    return null;
  }

  /** Start of the period containing {@code now}: today, this ISO week's Monday, or the 1st. */
  public Instant lastBoundary(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate start =
        switch (this) {
          case DAILY -> today;
          case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTHLY -> today.withDayOfMonth(1);
        };
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Start of the period after the one containing {@code now}. */
  public Instant nextBoundary(Instant now) {
    return after(lastBoundary(now));
  }

  /** The boundary that follows the boundary {@code boundary}. */
  public Instant after(Instant boundary) {
    LocalDate start = LocalDate.ofInstant(boundary, ZoneOffset.UTC);
    LocalDate next =
        switch (this) {
          case DAILY -> start.plusDays(1);
          case WEEKLY -> start.plusWeeks(1);
          case MONTHLY -> start.plusMonths(1);
        };
    return next.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
