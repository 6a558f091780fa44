package dev.challengesuite.jmh;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.EventOutcome;
import dev.challengesuite.common.progress.EventRules;
import dev.challengesuite.common.progress.PlayerProgress;
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
 * {@link EventRules#apply} of one statistic event to a player with the 500 goals of the bench
 * catalog (100 of them on the event's stat code). {@code value} 301 moves the stat without
 * completing a goal (the common case once a player has played); 600 completes the ten goals of
 * target 500 on that stat code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
public class EventApplyBenchmark {

  @Param({"301", "600"})
  int value;

  private CatalogIndex catalog;
  private PlayerProgress player;
  private PlayerEvent event;
  private Instant now;

  @Setup
  public void setUp() {
    catalog = BenchCatalogs.standard();
    player = BenchPlayers.played(catalog, "bench-1");
    int inc = value - BenchPlayers.STAT_VALUE;
    event = new PlayerEvent.Stat("bench-event", "bench-1", "enemy_kills", value, inc);
    now = BenchPlayers.START.plus(Duration.ofHours(1));
  }

  @Benchmark
  public EventOutcome applyStat() {
    return EventRules.apply(player, event, catalog, now);
  }
}
