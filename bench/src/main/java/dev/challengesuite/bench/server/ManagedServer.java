package dev.challengesuite.bench.server;

import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as a separate process ({@code java -jar challenge-suite.jar}) on its own ports and
 * database, auth off, mock rewards, so that its CPU and memory can be sampled apart from the
 * generator's and so that it can be killed and restarted. Output goes to a log file.
 */
public final class ManagedServer implements AutoCloseable {

  /** How to start the service. */
  public record Settings(
      Path java,
      Path jar,
      List<String> jvmOptions,
      String dbHost,
      int dbPort,
      String dbUser,
      String dbPassword,
      String dbName,
      Path catalog,
      String namespace,
      Map<String, String> extraEnv,
      Path logFile) {}

  private final Settings settings;
  private final int httpPort;
  private final int grpcPort;
  private final int metricsPort;
  private Process process;
  private int starts;
  /** Pids the bench stopped or killed itself (their exits are expected). */
  private final java.util.Set<Long> stoppedByUs = new java.util.HashSet<>();
  private final List<String> unexpectedExits = new ArrayList<>();

  public ManagedServer(Settings settings) throws IOException {
    this.settings = settings;
    int[] ports = freePorts(3);
    this.httpPort = ports[0];
    this.grpcPort = ports[1];
    this.metricsPort = ports[2];
  }

  /** Starts the process (the same database and ports every time). */
  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the server is already running (pid " + process.pid() + ")");
    }
    List<String> command = new ArrayList<>();
    command.add(settings.java().toString());
    command.addAll(settings.jvmOptions());
    command.add("-jar");
    command.add(settings.jar().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
    Map<String, String> env = builder.environment();
    env.put("DB_HOST", settings.dbHost());
    env.put("DB_PORT", Integer.toString(settings.dbPort()));
    env.put("DB_USER", settings.dbUser());
    env.put("DB_PASSWORD", settings.dbPassword());
    env.put("DB_NAME", settings.dbName());
    env.put("PLUGIN_GRPC_SERVER_AUTH_ENABLED", "false");
    env.put("REWARD_CLIENT_MODE", "mock");
    env.put("CHALLENGE_CONFIG_PATH", settings.catalog().toString());
    env.put("AB_NAMESPACE", settings.namespace());
    env.put("CHALLENGE_HTTP_PORT", Integer.toString(httpPort));
    env.put("CHALLENGE_GRPC_PORT", Integer.toString(grpcPort));
    env.put("CHALLENGE_METRICS_PORT", Integer.toString(metricsPort));
    env.putAll(settings.extraEnv());
    Files.writeString(settings.logFile(), "---- start #" + (++starts) + ": " + String.join(" ", command) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Process started = builder.start();
    process = started;
    // someone else's signal or a crash must not pass for a slow service: the report names it
    started.onExit().thenAccept(exited -> {
      synchronized (this) {
        if (!stoppedByUs.contains(exited.pid())) {
          unexpectedExits.add("the service (pid " + exited.pid() + ") exited by itself with status "
              + exited.exitValue() + " at " + java.time.LocalTime.now().withNano(0) + "; see " + settings.logFile());
        }
      }
    });
  }

  /** Exits the bench did not cause (a crash, a signal from another process). */
  public synchronized List<String> unexpectedExits() {
    return List.copyOf(unexpectedExits);
  }

  /** Waits until the HTTP port accepts connections (the earliest a client could send). */
  public void awaitPort(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      failIfExited();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 200);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the server did not open port " + httpPort + " within " + timeout);
        }
        Thread.sleep(5);
      }
    }
  }

  /** Waits until {@code GET {base}/readyz} answers 200. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      HttpRequest ready = HttpRequest.newBuilder(baseUrl().resolve(baseUrl().getPath() + "/readyz"))
          .timeout(Duration.ofSeconds(2)).build();
      while (true) {
        failIfExited();
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("the server was not ready within " + timeout + "; see " + settings.logFile());
        }
        Thread.sleep(50);
      }
    }
  }

  /** kill -9: no shutdown hook, no draining. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      stoppedByUs.add(process.pid());
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM (the service drains accepted events), then kill -9 after {@code grace}. */
  public synchronized void stop(Duration grace) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    stoppedByUs.add(process.pid());
    process.destroy();
    if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** The running process's pid, or -1. */
  public synchronized long pid() {
    return process != null && process.isAlive() ? process.pid() : -1;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + httpPort + "/challenge");
  }

  public SocketAddress grpcAddress() {
    return SocketAddress.inetSocketAddress(grpcPort, "127.0.0.1");
  }

  public Path logFile() {
    return settings.logFile();
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(60));
  }

  private void failIfExited() throws IOException {
    Process current = process;
    if (current != null && !current.isAlive()) {
      throw new IOException("the server exited with status " + current.exitValue() + "; last lines of "
          + settings.logFile() + ":\n" + tail(settings.logFile(), 15));
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
