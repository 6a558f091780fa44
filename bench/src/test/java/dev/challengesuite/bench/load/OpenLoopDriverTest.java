package dev.challengesuite.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A stalled server cannot slow the generator: requests keep going out on schedule")
  void openModelKeepsSending() throws Exception {
    Recorder recorder = new Recorder(System.nanoTime());
    List<Promise<Outcome>> pending = new ArrayList<>();
    Workload stalled = () -> new Call("e", () -> {
      Promise<Outcome> promise = Promise.promise();
      pending.add(promise);
      return promise.future();
    });
    OpenLoopDriver driver = driver(recorder, 10_000);

    Future<Integer> run = driver.run(List.of(Phase.measured("p", ArrivalSchedule.constant(1000, Duration.ofMillis(200)), stalled)));
    vertx.setTimer(400, id -> pending.forEach(p -> p.complete(Outcome.ok("OK"))));

    assertThat(run.await(5, TimeUnit.SECONDS)).isZero();
    assertThat(pending).hasSize(200);
  }

  @Test
  @DisplayName("Latency of a stalled server counts from each request's intended time (no coordinated omission)")
  void noCoordinatedOmission() throws Exception {
    Recorder recorder = new Recorder(System.nanoTime());
    List<Promise<Outcome>> pending = new ArrayList<>();
    Workload stalled = () -> new Call("e", () -> {
      Promise<Outcome> promise = Promise.promise();
      pending.add(promise);
      return promise.future();
    });

    Future<Integer> run = driver(recorder, 10_000)
        .run(List.of(Phase.measured("p", ArrivalSchedule.constant(1000, Duration.ofMillis(200)), stalled)));
    vertx.setTimer(400, id -> pending.forEach(p -> p.complete(Outcome.ok("OK"))));
    run.await(5, TimeUnit.SECONDS);

    var latency = recorder.phase("p").get("e").okLatency();
    // the first request waited the whole stall (~400 ms), the last one ~200 ms
    assertThat(latency.getMaxValue()).isGreaterThan(350_000L);
    assertThat(latency.getMinValue()).isGreaterThan(150_000L);
  }

  @Test
  @DisplayName("Requests beyond the outstanding cap are counted as dropped errors, not skipped")
  void capCountsDrops() throws Exception {
    Recorder recorder = new Recorder(System.nanoTime());
    Workload never = () -> new Call("e", () -> Promise.<Outcome>promise().future());

    int left = driver(recorder, 50).run(List.of(Phase.measured("p", ArrivalSchedule.count(2000, 150), never)))
        .await(5, TimeUnit.SECONDS);

    EndpointStats stats = recorder.phase("p").get("e");
    assertThat(stats.due()).isEqualTo(150);
    assertThat(stats.count(Outcome.DROPPED)).isEqualTo(100);
    assertThat(left).isEqualTo(50);
  }

  @Test
  @DisplayName("A call that fails is recorded with its failure's label")
  void failuresLabelled() throws Exception {
    Recorder recorder = new Recorder(System.nanoTime());
    Workload refused = () -> new Call("e", () -> Future.failedFuture(new java.net.ConnectException("refused")));

    driver(recorder, 100).run(List.of(Phase.measured("p", ArrivalSchedule.count(1000, 3), refused)))
        .await(5, TimeUnit.SECONDS);

    assertThat(recorder.phase("p").get("e").errorCounts()).containsEntry("connection refused", 3L);
  }

  @Test
  @DisplayName("Phases run back to back, each with its own arrivals")
  void phasesInOrder() throws Exception {
    Recorder recorder = new Recorder(System.nanoTime());
    Workload instant = () -> new Call("e", () -> Future.succeededFuture(Outcome.ok("OK")));

    driver(recorder, 100).run(List.of(
            Phase.warmUp(ArrivalSchedule.constant(500, Duration.ofMillis(100)), instant),
            Phase.measured("step", ArrivalSchedule.constant(1000, Duration.ofMillis(100)), instant)))
        .await(5, TimeUnit.SECONDS);

    assertThat(recorder.phase("warm-up").get("e").ok()).isEqualTo(50);
    assertThat(recorder.phase("step").get("e").ok()).isEqualTo(100);
    assertThat(recorder.phase("step").startNanos() - recorder.phase("warm-up").startNanos()).isEqualTo(100_000_000L);
  }

  private OpenLoopDriver driver(Recorder recorder, int maxOutstanding) {
    return new OpenLoopDriver(vertx, vertx.getOrCreateContext(), recorder, maxOutstanding, Duration.ofMillis(300));
  }
}
