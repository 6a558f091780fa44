package dev.challengesuite.bench.client;

import com.google.protobuf.Empty;
import dev.challengesuite.bench.load.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.ServiceMethod;
import java.util.ArrayList;
import java.util.List;
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

  private final Vertx vertx;
  private final List<GrpcClient> connections = new ArrayList<>();
  private final SocketAddress server;
  private final String namespace;
  private final long timeoutMillis;
  private int next;

  public EventClient(Vertx vertx, SocketAddress server, String namespace, int connections, long timeoutMillis) {
    this.vertx = vertx;
    this.server = server;
    this.namespace = namespace;
    this.timeoutMillis = timeoutMillis;
    for (int i = 0; i < Math.max(connections, 1); i++) {
      // one client per connection: an HTTP/2 pool only opens a second connection when the first is full
      this.connections.add(GrpcClient.client(vertx, new HttpClientOptions()
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

  /**
   * One unary call with a deadline that covers all of it, waiting for a free HTTP/2 stream
   * included (a server holding calls fills the streams and queues the next calls in the client).
   * A call whose deadline passes before it got a stream is never sent: a request sent long after
   * the generator gave up on it would reach the service out of order.
   */
  private <Req> Future<Outcome> call(ServiceMethod<Empty, Req> method, Req message) {
    GrpcClient client = connections.get(next);
    next = (next + 1) % connections.size();
    Promise<Outcome> result = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, id -> result.tryFail(new TimeoutException("deadline")));
    client.request(server, method).onComplete((request, failure) -> {
      if (failure != null) {
        vertx.cancelTimer(timer);
        result.tryFail(failure);
        return;
      }
      if (result.future().isComplete()) {
        request.cancel();
        return;
      }
      result.future().onFailure(late -> {
        if (late instanceof TimeoutException) {
          request.cancel(); // the deadline passed while the call was at the server
        }
      });
      request.send(message).compose(response -> response.last()).onComplete((empty, error) -> {
        vertx.cancelTimer(timer);
        if (error == null) {
          result.tryComplete(Outcome.ok("OK"));
        } else {
          result.tryFail(error);
        }
      });
    });
    return result.future();
  }
}
