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
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcErrorException;
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
 * all get work; each call carries a deadline. A connection whose calls keep failing without a gRPC
 * status (deadlines passed, streams reset, connection errors) is replaced by a new one: behind a
 * proxy, or after an overload, an HTTP/2 connection can stay open and take calls that never come
 * back, and the rest of the run would only measure that.
 */
public final class EventClient {

  public static final String STAT = "gRPC stat";
  public static final String LOGIN = "gRPC login";

  /** Failures in a row, without a gRPC status, after which a connection is replaced. */
  static final int REPLACE_AFTER_FAILURES = 64;

  private final Vertx vertx;
  private final List<GrpcClient> connections = new ArrayList<>();
  private final int[] failuresInARow;
  private final int replaceAfter;
  private long replaced;
  private final SocketAddress server;
  private final String namespace;
  private final long timeoutMillis;
  private int next;

  public EventClient(Vertx vertx, SocketAddress server, String namespace, int connections, long timeoutMillis) {
    this(vertx, server, namespace, connections, timeoutMillis, REPLACE_AFTER_FAILURES);
  }

  EventClient(Vertx vertx, SocketAddress server, String namespace, int connections, long timeoutMillis,
      int replaceAfter) {
    this.vertx = vertx;
    this.server = server;
    this.namespace = namespace;
    this.timeoutMillis = timeoutMillis;
    this.replaceAfter = replaceAfter;
    int count = Math.max(connections, 1);
    this.failuresInARow = new int[count];
    for (int i = 0; i < count; i++) {
      this.connections.add(newConnection());
    }
  }

  /** One client per connection: an HTTP/2 pool only opens a second connection when the first is full. */
  private GrpcClient newConnection() {
    return GrpcClient.client(vertx, new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false)
        .setTcpNoDelay(true));
  }

  /** Connections replaced so far because their calls kept failing. */
  public long replacedConnections() {
    return replaced;
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
    int slot = next;
    GrpcClient client = connections.get(slot);
    next = (next + 1) % connections.size();
    Promise<Outcome> result = Promise.promise();
    result.future().onComplete(done -> track(slot, client, done.failed() ? done.cause() : null));
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

  /** Runs on the event loop of the calls (the generator's), so the counters need no locking. */
  private void track(int slot, GrpcClient client, Throwable failure) {
    if (connections.get(slot) != client) {
      return; // a call of a connection already replaced
    }
    if (failure == null || hasStatus(failure)) {
      failuresInARow[slot] = 0;
      return;
    }
    if (++failuresInARow[slot] >= replaceAfter) {
      failuresInARow[slot] = 0;
      connections.set(slot, newConnection());
      replaced++;
      client.close();
    }
  }

  /** The service answered with a gRPC status: the connection works. */
  private static boolean hasStatus(Throwable failure) {
    return failure instanceof InvalidStatusException || failure instanceof GrpcErrorException;
  }
}
