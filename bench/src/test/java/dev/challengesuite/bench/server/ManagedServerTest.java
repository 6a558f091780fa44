package dev.challengesuite.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process handling, with {@code sh} standing in for the service's JVM. */
class ManagedServerTest {

  @TempDir
  Path dir;

  /** {@code sh -c <script> sh -jar <jar>}: the script runs, the rest become its arguments. */
  private ManagedServer server(String script) throws IOException {
    return new ManagedServer(new ManagedServer.Settings(Path.of("/bin/sh"), dir.resolve("service.jar"),
        List.of("-c", script, "sh"), "127.0.0.1", 5432, "postgres", "", "bench_test", dir.resolve("catalog.json"),
        "accelbyte", Map.of(), dir.resolve("server.log")));
  }

  @Test
  @DisplayName("A service that exits by itself is reported as an unexpected exit")
  void unexpectedExit() throws Exception {
    ManagedServer server = server("exit 3");

    server.start();
    for (int i = 0; i < 100 && server.unexpectedExits().isEmpty(); i++) {
      Thread.sleep(20);
    }

    assertThat(server.unexpectedExits()).singleElement().asString().contains("status 3");
  }

  @Test
  @DisplayName("A service the bench kills or stops is no unexpected exit, also across a restart")
  void expectedExits() throws Exception {
    ManagedServer server = server("sleep 30");

    server.start();
    server.kill();
    server.start();
    server.stop(Duration.ofSeconds(5));
    Thread.sleep(100);

    assertThat(server.unexpectedExits()).isEmpty();
    assertThat(server.pid()).isEqualTo(-1);
  }

  @Test
  @DisplayName("The service gets the database, auth off, mock rewards, the catalog and its own ports")
  void environment() throws Exception {
    ManagedServer server = server("env > \"$(dirname \"$2\")/env.txt\"");

    server.start();
    Path env = dir.resolve("env.txt");
    for (int i = 0; i < 100 && (!Files.exists(env) || Files.size(env) == 0); i++) {
      Thread.sleep(20);
    }
    Thread.sleep(50);

    assertThat(Files.readString(env)).contains("DB_NAME=bench_test", "DB_HOST=127.0.0.1",
        "PLUGIN_GRPC_SERVER_AUTH_ENABLED=false", "REWARD_CLIENT_MODE=mock",
        "CHALLENGE_CONFIG_PATH=" + dir.resolve("catalog.json"),
        "CHALLENGE_HTTP_PORT=" + server.baseUrl().getPort());
  }

  @Test
  @DisplayName("Waiting for the port fails at once, with the log's tail, when the service has exited")
  void exitedWhileWaiting() throws Exception {
    ManagedServer server = server("echo 'startup failed: no database'; exit 1");

    server.start();
    Thread.sleep(200);

    assertThatThrownBy(() -> server.awaitPort(Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with status 1")
        .hasMessageContaining("startup failed: no database");
  }
}
