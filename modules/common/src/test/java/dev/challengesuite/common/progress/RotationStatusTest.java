package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.time.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RotationStatusTest {

  /** A Friday. */
  private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");

  private static Challenge challenge(Schedule... schedules) {
    List<Goal> goals = new ArrayList<>();
    goals.add(statisticGoal("plain", "kills").build());
    for (int i = 0; i < schedules.length; i++) {
      goals.add(statisticGoal("rotating-" + i, "kills").rotating(schedules[i], true, true).build());
    }
    return new Challenge("c", "C", "", goals);
  }

  @Test
  @DisplayName("a daily challenge: today 00:00 to tomorrow, then the day after, as in §2.10")
  void daily() {
    RotationStatus status = RotationStatus.of(challenge(Schedule.DAILY), NOW);

    assertThat(status.enabled()).isTrue();
    assertThat(status.schedule()).isEqualTo(Schedule.DAILY);
    assertThat(status.current())
        .isEqualTo(
            new RotationStatus.Period(
                Instant.parse("2026-03-06T00:00:00Z"),
                Instant.parse("2026-03-07T00:00:00Z"),
                50400));
    assertThat(status.next())
        .isEqualTo(
            new RotationStatus.Period(
                Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"), 0));
  }

  @Test
  @DisplayName("a weekly challenge's period starts on Monday")
  void weekly() {
    RotationStatus status = RotationStatus.of(challenge(Schedule.WEEKLY), NOW);

    assertThat(status.current().start()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(status.current().end()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    assertThat(status.next().end()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
  }

  @Test
  @DisplayName("a monthly challenge's period starts on the 1st")
  void monthly() {
    RotationStatus status = RotationStatus.of(challenge(Schedule.MONTHLY), NOW);

    assertThat(status.current().start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(status.next().start()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(status.next().end()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
  }

  @Test
  @DisplayName("the first rotating goal's schedule stands for the challenge")
  void firstRotatingGoal() {
    RotationStatus status = RotationStatus.of(challenge(Schedule.WEEKLY, Schedule.DAILY), NOW);

    assertThat(status.schedule()).isEqualTo(Schedule.WEEKLY);
  }

  @Test
  @DisplayName("a challenge without rotating goals is not enabled and has no periods")
  void notRotating() {
    RotationStatus status = RotationStatus.of(challenge(), NOW);

    assertThat(status.enabled()).isFalse();
    assertThat(status.current()).isNull();
    assertThat(status.next()).isNull();
  }
}
