package dev.challengesuite.bench.client;

import com.google.protobuf.Empty;
import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.common.GrpcErrorException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcClient;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;
import net.accelbyte.social.statistic.StatisticStatItemUpdatedServiceGrpcClient;

/**
 * Sends AGS events over gRPC the way the platform does (unary {@code OnMessage}). Several HTTP/2
 * connections used in turn, so that the service's gRPC verticle instances (which share the port)
 * all get work; each call carries a deadline.
 */
public final class EventClient {

  public static final String STAT = "gRPC stat";
  public static final String LOGIN = "gRPC login";

  private final List<GrpcClient> connections = new ArrayList<>();
  private final SocketAddress server;
  private final String namespace;
  private final long timeoutMillis;
  private int next;

  public EventClient(Vertx vertx, SocketAddress server, String namespace, int connections, long timeoutMillis) {
    this.server = server;
    this.namespace = namespace;
    this.timeoutMillis = timeoutMillis;
    for (int i = 0; i < Math.max(connections, 1); i++) {
      // one client per connection: an HTTP/2 pool only opens a second connection when the first is full
      // deadlines scheduled on the client too: without it the timeout is only a header to the server
      this.connections.add(GrpcClient.client(vertx, new GrpcClientOptions().setScheduleDeadlineAutomatically(true),
          new HttpClientOptions()
          .setProtocolVersion(HttpVersion.HTTP_2)
          .setHttp2ClearTextUpgrade(false)
          .setTcpNoDelay(true)));
    }
  }

  public Future<Outcome> stat(String userId, String eventId, String statCode, double value, double inc) {
    StatItemUpdated event = StatItemUpdated.newBuilder()
        .setId(eventId)
        .setUserId(userId)
        .setNamespace(namespace)
        .setPayload(StatItem.newBuilder()
            .setStatCode(statCode)
            .setUserId(userId)
            .setNamespace(namespace)
            .setLatestValue(value)
            .setInc(inc))
        .build();
    return call(StatisticStatItemUpdatedServiceGrpcClient.OnMessage, event);
  }

  public Future<Outcome> login(String userId, String eventId) {
    UserLoggedIn event = UserLoggedIn.newBuilder()
        .setId(eventId)
        .setUserId(userId)
        .setNamespace(namespace)
        .build();
    return call(UserAuthenticationUserLoggedInServiceGrpcClient.OnMessage, event);
  }

  public Future<Void> close() {
    return Future.all(connections.stream().map(GrpcClient::close).toList()).mapEmpty();
  }

  private <Req> Future<Outcome> call(ServiceMethod<Empty, Req> method, Req message) {
    GrpcClient client = connections.get(next);
    next = (next + 1) % connections.size();
    long start = System.nanoTime();
    return client.request(server, method)
        .compose(request -> {
          request.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
          return request.send(message);
        })
        .compose(response -> response.last())
        .map(empty -> Outcome.ok("OK"))
        .recover(failure -> Future.failedFuture(deadlineReached(failure, start) ? new TimeoutException("deadline") : failure));
  }

  /** The client's deadline shows as a CANCELLED stream reset: call it a timeout, as it is one. */
  private boolean deadlineReached(Throwable failure, long startNanos) {
    return failure instanceof GrpcErrorException error && error.status() == GrpcStatus.CANCELLED
        && System.nanoTime() - startNanos >= TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }
}
