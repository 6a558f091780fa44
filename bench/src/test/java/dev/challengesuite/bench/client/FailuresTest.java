package dev.challengesuite.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  @DisplayName("A gRPC error status is labelled with the status name")
  void grpcStatus() {
    assertThat(Failures.label(new InvalidStatusException(GrpcStatus.OK, GrpcStatus.UNAVAILABLE))).isEqualTo("UNAVAILABLE");
    assertThat(Failures.label(new InvalidStatusException(GrpcStatus.OK, GrpcStatus.RESOURCE_EXHAUSTED)))
        .isEqualTo("RESOURCE_EXHAUSTED");
  }

  @Test
  @DisplayName("Connection failures and timeouts get short labels")
  void transport() {
    assertThat(Failures.label(new ConnectException("Connection refused"))).isEqualTo("connection refused");
    assertThat(Failures.label(new TimeoutException())).isEqualTo("timeout");
    assertThat(Failures.label(new HttpClosedException("closed"))).isEqualTo("connection closed");
  }

  @Test
  @DisplayName("Anything else is labelled with its class name")
  void other() {
    assertThat(Failures.label(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
  }
}
