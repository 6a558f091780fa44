package dev.challengesuite.http.auth;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition from the test thread (never an event loop) until it holds or time is up. */
public final class Eventually {

  private Eventually() {}

  public static void until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
