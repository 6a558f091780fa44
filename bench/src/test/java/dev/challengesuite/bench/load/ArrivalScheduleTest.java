package dev.challengesuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  @DisplayName("A constant rate spaces arrivals evenly at one over the rate")
  void constantSpacing() {
    ArrivalSchedule schedule = ArrivalSchedule.constant(1000, Duration.ofSeconds(1));

    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(1)).isEqualTo(1_000_000);
    assertThat(schedule.offsetNanos(500)).isEqualTo(500_000_000);
  }

  @Test
  @DisplayName("A constant rate for a duration has rate × duration arrivals, then ends")
  void constantCount() {
    ArrivalSchedule schedule = ArrivalSchedule.constant(300, Duration.ofSeconds(2));

    assertThat(schedule.offsetNanos(599)).isLessThan(2_000_000_000L);
    assertThat(schedule.offsetNanos(600)).isEqualTo(ArrivalSchedule.END);
    assertThat(schedule.endOffsetNanos(600)).isEqualTo(2_000_000_000L);
  }

  @Test
  @DisplayName("A counted schedule ends after its count whatever the time")
  void countedEnds() {
    ArrivalSchedule schedule = ArrivalSchedule.count(10, 3);

    assertThat(schedule.offsetNanos(2)).isEqualTo(200_000_000);
    assertThat(schedule.offsetNanos(3)).isEqualTo(ArrivalSchedule.END);
  }

  @Test
  @DisplayName("A ramp sends (from + to) / 2 × ramp seconds arrivals during the ramp")
  void rampArrivalsDuringRamp() {
    ArrivalSchedule ramp = ArrivalSchedule.ramp(10, 300, Duration.ofSeconds(30), Long.MAX_VALUE);
    long dueDuringRamp = (10 + 300) / 2 * 30; // 4650

    assertThat(ramp.offsetNanos(dueDuringRamp - 1)).isLessThan(30_000_000_000L);
    assertThat(ramp.offsetNanos(dueDuringRamp)).isEqualTo(30_000_000_000L);
  }

  @Test
  @DisplayName("A ramp's arrivals come closer together as it climbs, then keep the final rate")
  void rampAccelerates() {
    ArrivalSchedule ramp = ArrivalSchedule.ramp(10, 300, Duration.ofSeconds(30), Long.MAX_VALUE);

    long early = ramp.offsetNanos(11) - ramp.offsetNanos(10);
    long late = ramp.offsetNanos(4001) - ramp.offsetNanos(4000);
    long after = ramp.offsetNanos(5001) - ramp.offsetNanos(5000);
    assertThat(early).isGreaterThan(late);
    assertThat(after).isBetween(3_333_000L, 3_334_000L);
  }

  @Test
  @DisplayName("A ramp from zero starts with its first arrival at time zero")
  void rampFromZero() {
    ArrivalSchedule ramp = ArrivalSchedule.ramp(0, 100, Duration.ofSeconds(10), 10);

    assertThat(ramp.offsetNanos(0)).isZero();
    assertThat(ramp.offsetNanos(1)).isPositive();
    assertThat(ramp.offsetNanos(10)).isEqualTo(ArrivalSchedule.END);
  }

  @Test
  @DisplayName("A rate of zero is refused")
  void zeroRate() {
    assertThatThrownBy(() -> ArrivalSchedule.constant(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
