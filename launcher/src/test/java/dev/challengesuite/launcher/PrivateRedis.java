package dev.challengesuite.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} of the test's own on a free loopback port, which the test may stop and
 * start again (the shared Redis of the machine must never be stopped). Without the binary the
 * test is skipped, except under {@code CI=true}, where that fails it.
 */
final class PrivateRedis implements AutoCloseable {

  private final int port;
  private Process process;

  private PrivateRedis(int port) {
    this.port = port;
  }

  static PrivateRedis start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrivateRedis redis = new PrivateRedis(port);
    redis.startAgain();
    return redis;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (again, on the same port) and waits until it answers PING. */
  void startAgain() throws IOException, InterruptedException {
    try {
      process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException missing) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw missing;
      }
      Assumptions.abort("no redis-server binary to start a Redis the test may stop: " + missing.getMessage());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!answersPing()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("redis-server on port " + port + " did not start");
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server: its clients see their connections drop and new ones refused. */
  void stop() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(500);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      return "+PONG".equals(answer);
    } catch (IOException notYet) {
      return false;
    }
  }
}
