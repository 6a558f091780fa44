package dev.challengesuite.testing;

import dev.challengesuite.testing.TestServices.Resolution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Where tests find Redis, with {@link TestServices}' policy: TEST_REDIS_HOST, TEST_REDIS_PORT
 * (default 127.0.0.1:6379), else Testcontainers, else skip (fail under CI=true).
 */
public final class TestRedis {

  /** A Redis server that answered PING. */
  public record Endpoint(String host, int port) {
    public String uri() {
      return "redis://" + host + ":" + port;
    }
  }

  private static final TestServices.Once<Endpoint> ENDPOINT =
      new TestServices.Once<>(TestRedis::resolve);

  private TestRedis() {}

  /** The Redis to use (skips or fails the test when there is none). */
  public static Endpoint endpoint() {
    return TestServices.require(ENDPOINT.get());
  }

  private static Resolution<Endpoint> resolve() {
    Endpoint candidate = new Endpoint(TestServices.env("TEST_REDIS_HOST", "127.0.0.1"),
        Integer.parseInt(TestServices.env("TEST_REDIS_PORT", "6379")));
    String where = candidate.host() + ":" + candidate.port();
    try {
      String answer = ping(candidate);
      if ("+PONG".equals(answer)) {
        return new Resolution.Found<>(candidate);
      }
      return new Resolution.Broken<>("Redis at " + where + " answered PING with " + answer);
    } catch (IOException unreachable) {
      if (TestServices.explicitlyConfigured("TEST_REDIS_HOST")
          || TestServices.explicitlyConfigured("TEST_REDIS_PORT")) {
        return new Resolution.Broken<>("TEST_REDIS_HOST/TEST_REDIS_PORT point at " + where
            + " but no Redis answers there: " + unreachable.getMessage());
      }
      if (TestServices.dockerAvailable()) {
        return new Resolution.Found<>(Containers.redis());
      }
      return new Resolution.Missing<>("no Redis for tests: nothing answers at " + where
          + " (set TEST_REDIS_HOST, TEST_REDIS_PORT) and Testcontainers finds no Docker engine");
    }
  }

  private static String ping(Endpoint endpoint) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 2_000);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      if (answer == null) {
        throw new IOException("connection closed before PING was answered");
      }
      return answer;
    }
  }
}
