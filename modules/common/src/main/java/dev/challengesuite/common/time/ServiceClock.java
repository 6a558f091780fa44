package dev.challengesuite.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's notion of "now": the system clock shifted by {@code clock.offsetSeconds}, so QA can
 * see daily/weekly/monthly rotations without waiting. Always truncated to whole seconds, the
 * precision of every timestamp the API shows.
 */
public final class ServiceClock {

  private final Clock clock;

  public ServiceClock(Clock base, long offsetSeconds) {
    this.clock = Clock.offset(base, Duration.ofSeconds(offsetSeconds));
  }

  public static ServiceClock system(long offsetSeconds) {
    return new ServiceClock(Clock.systemUTC(), offsetSeconds);
  }

  public static ServiceClock fixed(Instant at) {
    return new ServiceClock(Clock.fixed(at, java.time.ZoneOffset.UTC), 0);
  }

  public Instant now() {
    return Instant.ofEpochSecond(clock.instant().getEpochSecond());
  }
}
