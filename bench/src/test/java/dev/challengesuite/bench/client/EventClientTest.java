package dev.challengesuite.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.StatusException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcService;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The event client against a small in-process gRPC server. */
class EventClientTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<StatItemUpdated> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A statistic event arrives as the platform sends it and its OK is a success")
  void statArrives() throws Exception {
    SocketAddress server = serve(event -> Future.succeededFuture(Empty.getDefaultInstance()));
    EventClient client = new EventClient(vertx, server, "ns", 2, 5_000);

    Outcome outcome = client.stat("bench-1", "e-1", "wins", 7, 1).await(5, TimeUnit.SECONDS);

    assertThat(outcome).isEqualTo(Outcome.ok("OK"));
    StatItemUpdated event = received.getFirst();
    assertThat(event.getId()).isEqualTo("e-1");
    assertThat(event.getUserId()).isEqualTo("bench-1");
    assertThat(event.getNamespace()).isEqualTo("ns");
    assertThat(event.getPayload().getStatCode()).isEqualTo("wins");
    assertThat(event.getPayload().getLatestValue()).isEqualTo(7);
  }

  @Test
  @DisplayName("A gRPC error status fails the call with that status as its label")
  void statusLabel() throws Exception {
    SocketAddress server = serve(event -> Future.failedFuture(new StatusException(GrpcStatus.UNAVAILABLE, "db down")));
    EventClient client = new EventClient(vertx, server, "ns", 1, 5_000);

    Throwable failure = client.stat("bench-1", "e-1", "wins", 7, 1)
        .map(ok -> (Throwable) null).recover(Future::succeededFuture).await(5, TimeUnit.SECONDS);

    assertThat(Failures.label(failure)).isEqualTo("UNAVAILABLE");
  }

  @Test
  @DisplayName("A server that never answers fails the call at the client's deadline")
  void deadline() throws Exception {
    SocketAddress server = serve(event -> Promise.<Empty>promise().future());
    EventClient client = new EventClient(vertx, server, "ns", 1, 300);

    long start = System.nanoTime();
    Future<Outcome> call = client.stat("bench-1", "e-1", "wins", 7, 1);
    Throwable failure = call.map(ok -> (Throwable) null).recover(Future::succeededFuture).await(5, TimeUnit.SECONDS);

    assertThat(Failures.label(failure)).isEqualTo("timeout");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 3_000L);
  }

  @Test
  @DisplayName("A call queued behind busy HTTP/2 streams fails at its own deadline, counted from when it was made")
  void queuedCallDeadline() throws Exception {
    SocketAddress server = serve(event -> Promise.<Empty>promise().future(), 1);
    EventClient client = new EventClient(vertx, server, "ns", 1, 300);

    client.stat("bench-1", "e-1", "wins", 1, 1);
    long start = System.nanoTime();
    Throwable failure = client.stat("bench-2", "e-2", "wins", 2, 1)
        .map(ok -> (Throwable) null).recover(Future::succeededFuture).await(5, TimeUnit.SECONDS);

    assertThat(Failures.label(failure)).isEqualTo("timeout");
    // not 300 ms of waiting for the stream and then 300 ms more at the server
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500L);
  }

  @Test
  @DisplayName("A connection whose calls keep timing out is replaced by a new one, and calls get through again")
  void stuckConnectionIsReplaced() throws Exception {
    boolean[] stuck = {true};
    SocketAddress server = serve(event -> stuck[0] ? Promise.<Empty>promise().future()
        : Future.succeededFuture(Empty.getDefaultInstance()));
    EventClient client = new EventClient(vertx, server, "ns", 1, 200, 3);

    for (int i = 0; i < 3; i++) {
      client.stat("bench-1", "e-" + i, "wins", i, 1).otherwiseEmpty().await(5, TimeUnit.SECONDS);
    }
    stuck[0] = false;
    Outcome after = client.stat("bench-1", "e-ok", "wins", 9, 1).await(5, TimeUnit.SECONDS);

    assertThat(client.replacedConnections()).isEqualTo(1);
    assertThat(connections).hasValue(2);
    assertThat(after).isEqualTo(Outcome.ok("OK"));
  }

  @Test
  @DisplayName("Calls answered with a gRPC error status do not replace the connection")
  void statusErrorsKeepTheConnection() throws Exception {
    SocketAddress server = serve(event -> Future.failedFuture(new StatusException(GrpcStatus.UNAVAILABLE, "db down")));
    EventClient client = new EventClient(vertx, server, "ns", 1, 2_000, 3);

    for (int i = 0; i < 6; i++) {
      client.stat("bench-1", "e-" + i, "wins", i, 1).otherwiseEmpty().await(5, TimeUnit.SECONDS);
    }

    assertThat(client.replacedConnections()).isZero();
    assertThat(connections).hasValue(1);
  }

  private SocketAddress serve(Function<StatItemUpdated, Future<Empty>> answer) throws Exception {
    return serve(answer, 100);
  }

  private SocketAddress serve(Function<StatItemUpdated, Future<Empty>> answer, int maxStreams) throws Exception {
    GrpcServer grpc = GrpcServer.server(vertx);
    grpc.addService(StatisticStatItemUpdatedServiceGrpcService.of(new StatisticStatItemUpdatedServiceService() {
      @Override
      public Future<Empty> onMessage(StatItemUpdated request) {
        received.add(request);
        return answer.apply(request);
      }
    }));
    HttpServer http = vertx.createHttpServer(new HttpServerOptions()
            .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(maxStreams)))
        .connectionHandler(connection -> connections.incrementAndGet())
        .requestHandler(grpc).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    return SocketAddress.inetSocketAddress(http.actualPort(), "127.0.0.1");
  }
}
