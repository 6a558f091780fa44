package dev.challengesuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrentLoopTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("The loop runs every task once with at most the given concurrency")
  void boundedConcurrency() throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();

    ConcurrentLoop.run(vertx.getOrCreateContext(), 4, () -> {
      if (next.getAndIncrement() >= 40) {
        return null;
      }
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      Promise<Void> done = Promise.promise();
      vertx.setTimer(2, id -> {
        running.decrementAndGet();
        done.complete();
      });
      return done.future();
    }).await(5, TimeUnit.SECONDS);

    assertThat(next.get()).isEqualTo(40 + 4); // every worker asked once more and got null
    assertThat(peak.get()).isEqualTo(4);
  }

  @Test
  @DisplayName("Tasks that complete at once do not overflow the stack")
  void immediateTasks() throws Exception {
    AtomicInteger next = new AtomicInteger();

    ConcurrentLoop.run(vertx.getOrCreateContext(), 1,
        () -> next.getAndIncrement() < 100_000 ? Future.succeededFuture() : null).await(10, TimeUnit.SECONDS);

    assertThat(next.get()).isEqualTo(100_001);
  }
}
