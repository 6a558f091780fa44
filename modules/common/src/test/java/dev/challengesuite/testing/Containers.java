package dev.challengesuite.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Everything that touches Testcontainers, kept apart so that a module without it on the test
 * classpath can still load {@link TestPostgres} and {@link TestRedis}. Containers start once per
 * JVM and are removed by Testcontainers' reaper when the JVM exits.
 */
final class Containers {

  private static PostgreSQLContainer<?> postgres;
  private static GenericContainer<?> redis;

  private Containers() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static synchronized TestPostgres.Server postgres() {
    if (postgres == null) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
      container.start();
      postgres = container;
    }
    return new TestPostgres.Server(postgres.getHost(), postgres.getMappedPort(5432),
        postgres.getUsername(), postgres.getPassword(), "Testcontainers postgres:15-alpine");
  }

  static synchronized TestRedis.Endpoint redis() {
    if (redis == null) {
      GenericContainer<?> container =
          new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      container.start();
      redis = container;
    }
    return new TestRedis.Endpoint(redis.getHost(), redis.getMappedPort(6379));
  }
}
