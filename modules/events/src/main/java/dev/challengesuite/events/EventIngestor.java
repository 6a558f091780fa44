package dev.challengesuite.events;

import com.google.protobuf.Empty;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.PlayerClient;
import io.vertx.core.Future;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.StatusException;
import java.util.function.Supplier;

/**
 * Turns one incoming event into a gRPC answer: OK only once the event's effect is durable (or the
 * event is skipped), a gRPC error status otherwise so that the platform retries.
 */
public final class EventIngestor {

  private final PlayerClient players;
  private final EventMetrics metrics;

  public EventIngestor(PlayerClient players, EventMetrics metrics) {
    this.players = players;
    this.metrics = metrics;
  }

  public Future<Empty> ingest(String type, Supplier<EventDecision> decide) {
    long start = System.nanoTime();
    metrics.count(type, "received", "");
    EventDecision decision;
    try {
      decision = decide.get();
    } catch (ChallengeException invalid) {
      metrics.count(type, "rejected", "invalid_argument");
      return Future.failedFuture(toStatus(invalid));
    }
    return switch (decision) {
      case EventDecision.Skip skip -> {
        metrics.count(type, "skipped", skip.reason());
        yield Future.succeededFuture(Empty.getDefaultInstance());
      }
      case EventDecision.Apply apply -> players.apply(apply.event())
          .map(done -> {
            metrics.count(type, "applied", "");
            metrics.durableAfter(type, start);
            return Empty.getDefaultInstance();
          })
          .recover(error -> {
            ChallengeException failure = BusFailures.toChallenge(error);
            metrics.count(type, "failed", failure.code().name().toLowerCase());
            return Future.failedFuture(toStatus(failure));
          });
    };
  }

  /** Unexpected failures become UNAVAILABLE too: the platform retries, nothing acknowledged is lost. */
  static StatusException toStatus(ChallengeException failure) {
    ErrorCode code = failure.code() == ErrorCode.INTERNAL ? ErrorCode.UNAVAILABLE : failure.code();
    return new StatusException(GrpcStatus.valueOf(code.grpcCode()), failure.getMessage());
  }
}
