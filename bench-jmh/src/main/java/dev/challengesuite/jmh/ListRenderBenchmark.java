package dev.challengesuite.jmh;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.http.render.ChallengeListRenderer;
import dev.challengesuite.http.render.GoalViewer;
import dev.challengesuite.http.render.PlayerGoalViews;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The body of {@code GET /v1/challenges} for one player with the 500 goals of the bench catalog,
 * as the route renders it when it is not cached (views by the service's rules, then the
 * pre-rendered catalog JSON with the player's fields spliced in).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
public class ListRenderBenchmark {

  @Param({"false", "true"})
  boolean activeOnly;

  /** {@code played}: see {@link BenchPlayers#played}; {@code new}: just initialised. */
  @Param({"played", "new"})
  String player;

  private ChallengeListRenderer renderer;
  private GoalViewer viewer;
  private PlayerProgress progress;
  private Instant now;

  @Setup
  public void setUp() {
    CatalogIndex catalog = BenchCatalogs.standard();
    renderer = new ChallengeListRenderer(catalog.challenges());
    viewer = GoalViewer.rules(catalog);
    progress = player.equals("new")
        ? BenchPlayers.initialised(catalog, "bench-1")
        : BenchPlayers.played(catalog, "bench-1");
    now = BenchPlayers.START.plus(Duration.ofHours(1));
  }

  /** As the route does: into pooled direct memory, released once "sent". */
  @Benchmark
  public int render() {
    ByteBuf body = renderer.render(PlayerGoalViews.of(viewer, progress, now), activeOnly,
        PooledByteBufAllocator.DEFAULT);
    int length = body.readableBytes();
    body.release();
    return length;
  }
}
