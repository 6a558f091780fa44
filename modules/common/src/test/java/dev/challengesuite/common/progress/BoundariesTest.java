package dev.challengesuite.common.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.time.Schedule;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundariesTest {

  @Test
  @DisplayName("gives each schedule's own boundaries around the same instant")
  void perSchedule() {
    Instant now = Instant.parse("2025-03-12T10:00:00Z");
    Boundaries boundaries = Boundaries.at(now);

    for (Schedule schedule : Schedule.values()) {
      assertThat(boundaries.last(schedule)).isEqualTo(schedule.lastBoundary(now));
      assertThat(boundaries.next(schedule)).isEqualTo(schedule.nextBoundary(now));
    }
  }
}
