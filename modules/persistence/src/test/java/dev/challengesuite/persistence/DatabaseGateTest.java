package dev.challengesuite.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseGateTest {

  private long now = 1_000;
  private final DatabaseGate gate = new DatabaseGate(250, () -> now);
  private final AtomicInteger calls = new AtomicInteger();

  private Future<String> refused() {
    calls.incrementAndGet();
    return Future.failedFuture(new VertxException("Connection refused"));
  }

  private Future<String> fine() {
    calls.incrementAndGet();
    return Future.succeededFuture("ok");
  }

  @Test
  @DisplayName("After a connection failure, calls fail at once with UNAVAILABLE without reaching the database")
  void failsFastAfterConnectionFailure() {
    gate.call(this::refused);

    Future<String> next = gate.call(this::fine);

    assertThat(((ChallengeException) next.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(calls).hasValue(1);
  }

  @Test
  @DisplayName("Once the cool-down has passed, calls reach the database again")
  void letsCallsThroughAfterCoolDown() {
    gate.call(this::refused);
    now += 250;

    assertThat(gate.call(this::fine).result()).isEqualTo("ok");
  }

  @Test
  @DisplayName("A failure that is not about availability does not close the gate")
  void badRequestsDoNotCloseTheGate() {
    gate.call(() -> Future.failedFuture(new IllegalArgumentException("bug")));

    assertThat(gate.open()).isFalse();
    assertThat(gate.call(this::fine).succeeded()).isTrue();
  }
}
