package dev.challengesuite.bench.client;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcErrorException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Short, stable labels for why a call failed, so that reports can count failures by cause. */
public final class Failures {

  private Failures() {}

  public static String label(Throwable failure) {
    return switch (failure) {
      case InvalidStatusException status -> status.actualStatus().name();
      case GrpcErrorException error -> error.status().name();
      case StreamResetException reset -> "stream reset";
      case RawResponseException unframed -> unframed.label();
      case HttpClosedException closed -> "connection closed";
      case ConnectException refused -> "connection refused";
      case TimeoutException timeout -> "timeout";
      default -> failure.getClass().getSimpleName().contains("Timeout")
          ? "timeout"
          : failure.getClass().getSimpleName();
    };
  }
}
