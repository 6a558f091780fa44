package dev.challengesuite.rewards.ags;

import java.time.Duration;

/**
 * The one retry layer of the real client (the reference nests two, multiplying its worst case).
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstDelay the wait before the first retry; it doubles per retry up to {@code maxDelay}
 * @param jitter each wait is scaled by a random factor within {@code 1 ± jitter}, so that
 *     claims failing together do not retry in lockstep
 * @param attemptTimeout bound of one attempt (connect, token and request together)
 * @param totalBudget bound of the whole grant, waits included; the bus timeout of
 *     {@code RewardsClient} must stay above it
 */
public record RetryPolicy(
    int maxAttempts, Duration firstDelay, Duration maxDelay, double jitter, Duration attemptTimeout,
    Duration totalBudget) {

  /** 4 attempts, waits of 0.5 s, 1 s, 2 s (±20 %), 3 s per attempt, 8 s in all. */
  public static final RetryPolicy STANDARD = new RetryPolicy(
      4, Duration.ofMillis(500), Duration.ofSeconds(2), 0.2, Duration.ofSeconds(3), Duration.ofSeconds(8));

  public RetryPolicy {
    if (maxAttempts < 1 || jitter < 0 || jitter >= 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
        || attemptTimeout.isNegative() || attemptTimeout.isZero() || totalBudget.compareTo(attemptTimeout) < 0) {
      throw new IllegalArgumentException("inconsistent retry policy: " + this);
    }
  }

  /**
   * The wait before retry {@code retry} (1 for the first retry).
   *
   * @param random01 a uniform random number in [0, 1)
   */
  public long delayMillis(int retry, double random01) {
    long base = firstDelay.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    return Math.round(capped * (1 - jitter + 2 * jitter * random01));
  }

  /** An attempt gets at least this much time, or it is not started. */
  long minAttemptMillis() {
    return Math.max(1, attemptTimeout.toMillis() / 10);
  }

  /**
   * Statuses worth another attempt (unless {@link #mayHaveBeenApplied}): timeout, rate limit, server errors. Every other 4xx (400, 403,
   * 404, 409, 422, ...) would fail the same way again; 401 is handled apart (one token refresh).
   */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  /**
   * Statuses that say nothing about whether the Platform applied the request: 502 and 504 come
   * from a gateway that lost or gave up on the Platform's answer. A grant answered so is not
   * retried (it may have landed).
   */
  public static boolean mayHaveBeenApplied(int status) {
    return status == 502 || status == 504;
  }
}
