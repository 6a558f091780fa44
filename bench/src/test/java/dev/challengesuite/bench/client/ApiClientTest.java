package dev.challengesuite.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The REST calls against a small in-process HTTP server that records what it got. */
class ApiClientTest {

  private record Seen(String method, String uri, String user, String body) {}

  private final Vertx vertx = Vertx.vertx();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private ApiClient client;

  @BeforeEach
  void serve() throws Exception {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      seen.add(new Seen(request.method().name(), request.uri(), request.getHeader("x-mock-user-id"), body.toString()));
      request.response().setStatusCode(request.uri().endsWith("/claim") ? 404 : 200).end("{}");
    })).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    client = new ApiClient(vertx, URI.create("http://127.0.0.1:" + server.actualPort() + "/challenge"), 2, 5_000);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("Initialize is a POST under the base path, for the player named by x-mock-user-id")
  void initialize() throws Exception {
    Outcome outcome = client.initialize("bench-7").await(5, TimeUnit.SECONDS);

    assertThat(outcome).isEqualTo(Outcome.ok("200"));
    assertThat(seen).containsExactly(new Seen("POST", "/challenge/v1/challenges/initialize", "bench-7", "{}"));
  }

  @Test
  @DisplayName("The list asks for active goals only when told to")
  void list() throws Exception {
    client.list("bench-1", true).await(5, TimeUnit.SECONDS);
    client.list("bench-1", false).await(5, TimeUnit.SECONDS);

    assertThat(seen).extracting(Seen::uri)
        .containsExactly("/challenge/v1/challenges?active_only=true", "/challenge/v1/challenges");
  }

  @Test
  @DisplayName("Set-active is a PUT on the goal with the isActive body")
  void setActive() throws Exception {
    client.setActive("bench-1", "c1", "g1", false).await(5, TimeUnit.SECONDS);

    assertThat(seen).containsExactly(
        new Seen("PUT", "/challenge/v1/challenges/c1/goals/g1/active", "bench-1", "{\"isActive\":false}"));
  }

  @Test
  @DisplayName("A 404 is a failure labelled with its status")
  void notFound() throws Exception {
    Outcome outcome = client.claim("bench-1", "c1", "g1").await(5, TimeUnit.SECONDS);

    assertThat(outcome).isEqualTo(Outcome.failed("404"));
    assertThat(seen.getFirst().uri()).isEqualTo("/challenge/v1/challenges/c1/goals/g1/claim");
  }
}
