package dev.challengesuite.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The raw list client against small in-process servers, HTTP ones and raw TCP ones that control the framing. */
class RawListClientTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger connections = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("The request is a GET of the list under the base path for the player named by x-mock-user-id")
  void request() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    RawListClient client = client(http(request -> {
      seen.add(request.method() + " " + request.uri() + " " + request.getHeader("x-mock-user-id"));
      request.response().end("[]");
    }), 1, 5_000);

    client.list("bench-7", false).await(5, TimeUnit.SECONDS);
    client.list("bench-8", true).await(5, TimeUnit.SECONDS);

    assertThat(seen).containsExactly("GET /challenge/v1/challenges bench-7",
        "GET /challenge/v1/challenges?active_only=true bench-8");
  }

  @Test
  @DisplayName("Calls queued for the only connection each get their own status when it passes from one to the next")
  void queuedCallsKeepTheirStatus() throws Exception {
    RawListClient client = client(http(request -> request.response().end("[]")), 1, 5_000);

    List<Future<Outcome>> calls = List.of(client.list("bench-1", false), client.list("bench-2", false),
        client.list("bench-3", false));

    for (Future<Outcome> call : calls) {
      assertThat(call.await(5, TimeUnit.SECONDS)).isEqualTo(Outcome.ok("200"));
    }
  }

  @Test
  @DisplayName("A 200 with a 300 KB body is a success")
  void largeBody() throws Exception {
    Buffer body = Buffer.buffer(new byte[300 * 1024]);
    RawListClient client = client(http(request -> request.response().end(body)), 2, 5_000);

    assertThat(client.list("bench-1", false).await(5, TimeUnit.SECONDS)).isEqualTo(Outcome.ok("200"));
  }

  @Test
  @DisplayName("A 404 is a failure labelled with its status, and its connection serves the next call")
  void notFoundKeepsConnection() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RawListClient client = client(http(request -> request.response()
        .setStatusCode(calls.incrementAndGet() == 1 ? 404 : 200).end("{\"errorCode\":20008}")), 4, 5_000);

    Outcome first = client.list("bench-1", false).await(5, TimeUnit.SECONDS);
    Outcome second = client.list("bench-1", false).await(5, TimeUnit.SECONDS);

    assertThat(first).isEqualTo(Outcome.failed("404"));
    assertThat(second).isEqualTo(Outcome.ok("200"));
    assertThat(connections).hasValue(1);
  }

  @Test
  @DisplayName("A response written a few bytes at a time, the head's blank line split too, is read whole")
  void smallWrites() throws Exception {
    String body = "x".repeat(500);
    byte[] response = ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nCONTENT-LENGTH: " + body.length()
        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    RawListClient client = client(raw((socket, n) -> trickle(socket, response, 3)), 1, 5_000);

    assertThat(client.list("bench-1", false).await(5, TimeUnit.SECONDS)).isEqualTo(Outcome.ok("200"));
  }

  @Test
  @DisplayName("Two responses in a row on one connection, in small writes, are framed apart")
  void smallWritesTwice() throws Exception {
    byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n0123456789012345678901234567890123456789"
        .getBytes(StandardCharsets.US_ASCII);
    RawListClient client = client(raw((socket, n) -> trickle(socket, response, 7)), 1, 5_000);

    client.list("bench-1", false).await(5, TimeUnit.SECONDS);
    Outcome second = client.list("bench-2", false).await(5, TimeUnit.SECONDS);

    assertThat(second).isEqualTo(Outcome.ok("200"));
    assertThat(connections).hasValue(1);
  }

  @Test
  @DisplayName("A connection closed mid-body fails the call as 'connection closed'; the next call works on a new connection")
  void closedMidBody() throws Exception {
    RawListClient client = client(raw((socket, n) -> {
      if (n == 1) {
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(100)).onComplete(done -> socket.close());
      } else {
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]");
      }
    }), 1, 5_000);

    Throwable failure = failure(client.list("bench-1", false));
    Outcome next = client.list("bench-1", false).await(5, TimeUnit.SECONDS);

    assertThat(Failures.label(failure)).isEqualTo("connection closed");
    assertThat(next).isEqualTo(Outcome.ok("200"));
    assertThat(connections).hasValue(2);
  }

  @Test
  @DisplayName("Connection: close in a response makes the next call open a new connection")
  void connectionClose() throws Exception {
    RawListClient client = client(raw((socket, n) ->
        socket.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n[]")), 1, 5_000);

    client.list("bench-1", false).await(5, TimeUnit.SECONDS);
    Outcome next = client.list("bench-1", false).await(5, TimeUnit.SECONDS);

    assertThat(next).isEqualTo(Outcome.ok("200"));
    assertThat(connections).hasValue(2);
  }

  @Test
  @DisplayName("A server that never answers fails the call at the deadline as 'timeout'")
  void deadline() throws Exception {
    RawListClient client = client(raw((socket, n) -> {}), 1, 300);

    long start = System.nanoTime();
    Throwable failure = failure(client.list("bench-1", false));

    assertThat(Failures.label(failure)).isEqualTo("timeout");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 2_000L);
  }

  @Test
  @DisplayName("After a timeout the late connection is not reused: the next call gets a new one")
  void deadlineDropsConnection() throws Exception {
    RawListClient client = client(raw((socket, n) -> {
      if (n > 1) {
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]");
      }
    }), 1, 300);

    failure(client.list("bench-1", false));
    Outcome next = client.list("bench-1", false).await(5, TimeUnit.SECONDS);

    assertThat(next).isEqualTo(Outcome.ok("200"));
    assertThat(connections).hasValue(2);
  }

  @Test
  @DisplayName("A call waiting for the only connection fails at its deadline as 'timeout'")
  void deadlineWhileWaiting() throws Exception {
    RawListClient client = client(raw((socket, n) -> {}), 1, 300);

    Future<Outcome> first = client.list("bench-1", false);
    Throwable waiting = failure(client.list("bench-2", false));

    assertThat(Failures.label(waiting)).isEqualTo("timeout");
    assertThat(Failures.label(failure(first))).isEqualTo("timeout");
  }

  @Test
  @DisplayName("Nothing listening fails the call as 'connection refused'")
  void refused() throws Exception {
    // port 1 (tcpmux) has no listener here; a port freed by a test server could be taken again
    // by another process's ephemeral listener before the call connects
    int port = 1;
    RawListClient client = new RawListClient(vertx.getOrCreateContext(), URI.create("http://127.0.0.1:" + port + "/challenge"), 1, 5_000);

    assertThat(Failures.label(failure(client.list("bench-1", false)))).isEqualTo("connection refused");
  }

  @Test
  @DisplayName("A chunked response fails clearly: the raw client reads Content-Length bodies only")
  void chunked() throws Exception {
    RawListClient client = client(http(request -> request.response().setChunked(true).end("[]")), 1, 5_000);

    assertThat(Failures.label(failure(client.list("bench-1", false)))).isEqualTo("unsupported transfer-encoding");
  }

  // ---- servers --------------------------------------------------------------------------------

  private RawListClient client(int port, int connections, int timeoutMillis) {
    return new RawListClient(vertx.getOrCreateContext(), URI.create("http://127.0.0.1:" + port + "/challenge"),
        connections, timeoutMillis);
  }

  private int http(Handler<HttpServerRequest> handler) throws Exception {
    HttpServer server = vertx.createHttpServer()
        .connectionHandler(connection -> connections.incrementAndGet())
        .requestHandler(handler)
        .listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    return server.actualPort();
  }

  /** A TCP server that calls {@code respond} with the socket and the request's number (from 1) on each request. */
  private int raw(BiConsumer<NetSocket, Integer> respond) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      connections.incrementAndGet();
      socket.handler(request -> respond.accept(socket, requests.incrementAndGet())); // a request fits one read
    }).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    return server.actualPort();
  }

  /** Writes {@code bytes} {@code size} at a time, 1 ms apart, so that the client reads them in pieces. */
  private void trickle(NetSocket socket, byte[] bytes, int size) {
    int[] at = {0};
    vertx.setPeriodic(1, id -> {
      int n = Math.min(size, bytes.length - at[0]);
      socket.write(Buffer.buffer().appendBytes(bytes, at[0], n));
      at[0] += n;
      if (at[0] == bytes.length) {
        vertx.cancelTimer(id);
      }
    });
  }

  private static Throwable failure(Future<Outcome> call) throws Exception {
    return call.map(ok -> (Throwable) new AssertionError("succeeded with " + ok))
        .recover(Future::succeededFuture).await(5, TimeUnit.SECONDS);
  }
}
