package dev.challengesuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.server.GrpcServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcClient;
import net.accelbyte.iam.account.UserAuthenticationUserLoggedInServiceGrpcService;
import net.accelbyte.iam.account.UserLoggedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A real gRPC server and client on loopback. */
class UnaryCallsTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final Promise<Empty> reply = Promise.promise();
  private final Promise<Void> received = Promise.promise();
  private HttpServer server;
  private GrpcClient client;

  @BeforeEach
  void start() throws Exception {
    vertx.exceptionHandler(unhandled::add);
    GrpcServer grpc = GrpcServer.server(vertx);
    grpc.callHandler(UserAuthenticationUserLoggedInServiceGrpcService.OnMessage, UnaryCalls.serving(
        (UserLoggedIn event) -> {
          received.tryComplete();
          return reply.future();
        },
        cancelled::incrementAndGet));
    server = vertx.createHttpServer().requestHandler(grpc).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    client = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private GrpcClientRequest<UserLoggedIn, Empty> send() throws Exception {
    GrpcClientRequest<UserLoggedIn, Empty> request = client
        .request(SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1"),
            UserAuthenticationUserLoggedInServiceGrpcClient.OnMessage)
        .await(10, TimeUnit.SECONDS);
    request.send(UserLoggedIn.newBuilder().setId("e1").setUserId("u1").build());
    received.future().await(10, TimeUnit.SECONDS);
    return request;
  }

  @Test
  @DisplayName("a reply ready after the client cancelled the call is dropped quietly and counted")
  void cancelledCallIsNotAnswered() throws Exception {
    GrpcClientRequest<UserLoggedIn, Empty> request = send();
    request.cancel();
    Thread.sleep(200); // the reset reaches the server

    vertx.runOnContext(ignored -> reply.complete(Empty.getDefaultInstance()));
    Thread.sleep(200);

    assertThat(cancelled.get()).isEqualTo(1);
    assertThat(unhandled).isEmpty();
  }

  @Test
  @DisplayName("a call still open gets its reply")
  void openCallIsAnswered() throws Exception {
    GrpcClientRequest<UserLoggedIn, Empty> request = send();

    reply.complete(Empty.getDefaultInstance());

    Empty answer = request.response().compose(response -> response.last())
        .await(10, TimeUnit.SECONDS);
    assertThat(answer).isEqualTo(Empty.getDefaultInstance());
    assertThat(cancelled.get()).isZero();
  }
}
