package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.time.Schedule;
import java.time.Instant;

/**
 * The rotation of one challenge at one instant (reference §2.10). A challenge rotates when any of
 * its goals does; the first rotating goal's schedule stands for the challenge (the reference
 * assumes all goals of a challenge share it).
 *
 * @param schedule null when no goal of the challenge rotates
 * @param current the period containing now; null when not rotating
 * @param next the period after it ({@code expiresInSeconds} always 0); null when not rotating
 */
public record RotationStatus(String challengeId, Schedule schedule, Period current, Period next) {

  /**
   * @param expiresInSeconds whole seconds from now to {@code end}, clamped to 0..int max
   */
  public record Period(Instant start, Instant end, int expiresInSeconds) {}

  public static RotationStatus of(Challenge challenge, Instant now) {
    for (Goal goal : challenge.goals()) {
      if (goal.rotates()) {
        Schedule schedule = goal.rotation().schedule();
        Instant start = schedule.lastBoundary(now);
        Instant end = schedule.after(start);
        return new RotationStatus(
            challenge.id(),
            schedule,
            new Period(start, end, ProgressRules.secondsBetween(now, end)),
            new Period(end, schedule.after(end), 0));
      }
    }
    return new RotationStatus(challenge.id(), null, null, null);
  }

  public boolean enabled() {
    return schedule != null;
  }
}
