package dev.challengesuite.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reference §5.4.1: all boundaries are UTC midnights. */
class ScheduleTest {

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Nested
  @DisplayName("daily")
  class Daily {

    @Test
    @DisplayName("the period runs from today's midnight to tomorrow's")
    void today() {
      Instant now = at("2025-03-12T10:15:30Z");

      assertThat(Schedule.DAILY.lastBoundary(now)).isEqualTo(at("2025-03-12T00:00:00Z"));
      assertThat(Schedule.DAILY.nextBoundary(now)).isEqualTo(at("2025-03-13T00:00:00Z"));
    }

    @Test
    @DisplayName("midnight itself starts the new period")
    void exactlyMidnight() {
      Instant midnight = at("2025-03-13T00:00:00Z");

      assertThat(Schedule.DAILY.lastBoundary(midnight)).isEqualTo(midnight);
      assertThat(Schedule.DAILY.lastBoundary(midnight.minusNanos(1)))
          .isEqualTo(at("2025-03-12T00:00:00Z"));
    }

    @Test
    @DisplayName("the last day of the year rolls over to January 1st")
    void newYear() {
      assertThat(Schedule.DAILY.nextBoundary(at("2024-12-31T23:59:59Z")))
          .isEqualTo(at("2025-01-01T00:00:00Z"));
    }
  }

  @Nested
  @DisplayName("weekly")
  class Weekly {

    @Test
    @DisplayName("a Wednesday belongs to the week that started on Monday")
    void midweek() {
      Instant wednesday = at("2025-03-12T10:00:00Z");

      assertThat(Schedule.WEEKLY.lastBoundary(wednesday)).isEqualTo(at("2025-03-10T00:00:00Z"));
      assertThat(Schedule.WEEKLY.nextBoundary(wednesday)).isEqualTo(at("2025-03-17T00:00:00Z"));
    }

    @Test
    @DisplayName(
        "a Sunday belongs to the week that started the Monday before, and ends at the next Monday")
    void sunday() {
      Instant sunday = at("2025-03-16T23:59:59Z");

      assertThat(Schedule.WEEKLY.lastBoundary(sunday)).isEqualTo(at("2025-03-10T00:00:00Z"));
      assertThat(Schedule.WEEKLY.nextBoundary(sunday)).isEqualTo(at("2025-03-17T00:00:00Z"));
    }

    @Test
    @DisplayName("Monday midnight starts the new week")
    void monday() {
      Instant monday = at("2025-03-17T00:00:00Z");

      assertThat(Schedule.WEEKLY.lastBoundary(monday)).isEqualTo(monday);
      assertThat(Schedule.WEEKLY.nextBoundary(monday)).isEqualTo(at("2025-03-24T00:00:00Z"));
    }

    @Test
    @DisplayName("a week spanning New Year starts in December")
    void acrossNewYear() {
      Instant thursday = at("2026-01-01T12:00:00Z");

      assertThat(Schedule.WEEKLY.lastBoundary(thursday)).isEqualTo(at("2025-12-29T00:00:00Z"));
      assertThat(Schedule.WEEKLY.nextBoundary(thursday)).isEqualTo(at("2026-01-05T00:00:00Z"));
    }
  }

  @Nested
  @DisplayName("monthly")
  class Monthly {

    @Test
    @DisplayName("the period runs from the 1st to the 1st of the next month")
    void midMonth() {
      Instant now = at("2025-03-12T10:00:00Z");

      assertThat(Schedule.MONTHLY.lastBoundary(now)).isEqualTo(at("2025-03-01T00:00:00Z"));
      assertThat(Schedule.MONTHLY.nextBoundary(now)).isEqualTo(at("2025-04-01T00:00:00Z"));
    }

    @Test
    @DisplayName("December rolls over to January of the next year")
    void december() {
      Instant now = at("2025-12-31T23:59:59Z");

      assertThat(Schedule.MONTHLY.lastBoundary(now)).isEqualTo(at("2025-12-01T00:00:00Z"));
      assertThat(Schedule.MONTHLY.nextBoundary(now)).isEqualTo(at("2026-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("a leap-year February runs to March 1st, including the 29th")
    void leapFebruary() {
      Instant leapDay = at("2024-02-29T18:00:00Z");

      assertThat(Schedule.MONTHLY.lastBoundary(leapDay)).isEqualTo(at("2024-02-01T00:00:00Z"));
      assertThat(Schedule.MONTHLY.nextBoundary(leapDay)).isEqualTo(at("2024-03-01T00:00:00Z"));
    }

    @Test
    @DisplayName("the period after January 31st starts on February 1st")
    void endOfJanuary() {
      assertThat(Schedule.MONTHLY.nextBoundary(at("2025-01-31T12:00:00Z")))
          .isEqualTo(at("2025-02-01T00:00:00Z"));
      assertThat(Schedule.MONTHLY.after(at("2025-02-01T00:00:00Z")))
          .isEqualTo(at("2025-03-01T00:00:00Z"));
    }
  }

  @Test
  @DisplayName("schedules are read by their exact catalog names")
  void fromWire() {
    assertThat(Schedule.fromWire("weekly")).isEqualTo(Schedule.WEEKLY);
    assertThat(Schedule.fromWire("Weekly")).isNull();
  }
}
