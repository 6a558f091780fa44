package dev.challengesuite.testing;

import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find PostgreSQL and Redis, in this order: the environment (TEST_PG_*, TEST_REDIS_*,
 * defaulting to the loopback ports), else Testcontainers when a Docker engine answers. With
 * neither, tests are skipped with the reason, except under {@code CI=true}, where a missing
 * service fails the run: CI must never go green by skipping its database tests.
 */
final class TestServices {

  private TestServices() {}

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static boolean explicitlyConfigured(String name) {
    return System.getenv(name) != null && !System.getenv(name).isBlank();
  }

  static boolean onCi() {
    return "true".equals(env("CI", "").toLowerCase(Locale.ROOT));
  }

  /** Whether Testcontainers is on the test classpath and finds a Docker engine. */
  static boolean dockerAvailable() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory");
    } catch (ClassNotFoundException e) {
      return false;
    }
    return Containers.dockerAvailable();
  }

  /** A service that exists, none at all, or one that is there but unusable (a setup error). */
  sealed interface Resolution<T> {
    record Found<T>(T service) implements Resolution<T> {}

    record Missing<T>(String reason) implements Resolution<T> {}

    record Broken<T>(String reason) implements Resolution<T> {}
  }

  /**
   * The service; else skips (developer machine) or fails (CI) the calling test when there is
   * none; always fails when one is configured or answering but unusable.
   */
  static <T> T require(Resolution<T> resolution) {
    return switch (resolution) {
      case Resolution.Found<T> found -> found.service();
      case Resolution.Broken<T> broken -> throw new IllegalStateException(broken.reason());
      case Resolution.Missing<T> missing -> {
        if (onCi()) {
          throw new IllegalStateException("CI=true and " + missing.reason());
        }
        Assumptions.abort(missing.reason());
        yield null;
      }
    };
  }

  /** Resolves once per JVM: probing (and asking Docker) is slow, the answer does not change. */
  static final class Once<T> {
    private final Supplier<Resolution<T>> resolver;
    private volatile Resolution<T> resolution;

    Once(Supplier<Resolution<T>> resolver) {
      this.resolver = resolver;
    }

    Resolution<T> get() {
      Resolution<T> result = resolution;
      if (result == null) {
        synchronized (this) {
          if (resolution == null) {
            resolution = resolver.get();
          }
          result = resolution;
        }
      }
      return result;
    }
  }
}
