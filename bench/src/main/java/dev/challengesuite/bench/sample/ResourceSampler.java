package dev.challengesuite.bench.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Samples CPU and memory once a second from {@code /proc}: the service process (its pid may
 * change when a scenario restarts it), the generator itself, all PostgreSQL processes together,
 * and the whole machine. CPU is in percent of one core (200% = both cores of a 2-core machine).
 * Runs on its own thread so that file reads never delay the generator's sends.
 */
public final class ResourceSampler implements AutoCloseable {

  public static final String SERVER_CPU = "server CPU";
  public static final String SERVER_RSS = "server RSS";
  public static final String GENERATOR_CPU = "generator CPU";
  public static final String POSTGRES_CPU = "PostgreSQL CPU";
  public static final String MACHINE_CPU = "machine CPU";
  public static final String OTHER_CPU = "other CPU";

  private final long runStartNanos;
  private final LongSupplier serverPid;
  private final long ticksPerSecond = ProcFiles.clockTicksPerSecond();
  private final Series serverCpu = new Series(SERVER_CPU, "% of a core");
  private final Series serverRss = new Series(SERVER_RSS, "MiB");
  private final Series generatorCpu = new Series(GENERATOR_CPU, "% of a core");
  private final Series postgresCpu = new Series(POSTGRES_CPU, "% of a core");
  private final Series machineCpu = new Series(MACHINE_CPU, "% of a core");
  private final Series otherCpu = new Series(OTHER_CPU, "% of a core");
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "bench-sampler");
    thread.setDaemon(true);
    return thread;
  });

  private long lastNanos;
  private long lastServerPid = -1;
  private long lastServerTicks = -1;
  private long lastGeneratorTicks = -1;
  private Map<Long, Long> lastPostgresTicks = Map.of();
  private long[] lastMachineTicks;

  /** @param serverPid the service's current pid, or -1 when there is none to sample */
  public ResourceSampler(long runStartNanos, LongSupplier serverPid) {
    this.runStartNanos = runStartNanos;
    this.serverPid = serverPid;
  }

  public ResourceSampler start() {
    sample();
    timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  public List<Series> series() {
    return List.of(serverCpu, serverRss, generatorCpu, postgresCpu, machineCpu, otherCpu);
  }

  public Series generatorCpu() {
    return generatorCpu;
  }

  /**
   * The median CPU of everything else on the machine (machine − service − generator − PostgreSQL,
   * per sample; kernel network work included), in % of a core: a busy neighbour disturbs the
   * figures, and the report says so.
   */
  public double otherProcessesCpu() {
    return otherCpu.summary().median();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private synchronized void sample() {
    try {
      long now = System.nanoTime();
      double second = (now - runStartNanos) / 1e9;
      double elapsed = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
      lastNanos = now;

      double serverPercent = Double.NaN;
      double generatorPercent = Double.NaN;
      double postgresPercent = Double.NaN;
      long pid = serverPid.getAsLong();
      long serverTicks = pid > 0 ? processTicks(pid) : -1;
      if (serverTicks >= 0 && pid == lastServerPid && lastServerTicks >= 0 && elapsed > 0) {
        serverPercent = percent(serverTicks - lastServerTicks, elapsed);
        serverCpu.add(second, serverPercent);
      }
      lastServerPid = pid;
      lastServerTicks = serverTicks;
      if (pid > 0) {
        String status = ProcFiles.read(Path.of("/proc", Long.toString(pid), "status"));
        OptionalLong rss = status == null ? OptionalLong.empty() : ProcFiles.rssKiB(status);
        rss.ifPresent(kib -> serverRss.add(second, kib / 1024.0));
      }

      long generatorTicks = processTicks(ProcessHandle.current().pid());
      if (generatorTicks >= 0 && lastGeneratorTicks >= 0 && elapsed > 0) {
        generatorPercent = percent(generatorTicks - lastGeneratorTicks, elapsed);
        generatorCpu.add(second, generatorPercent);
      }
      lastGeneratorTicks = generatorTicks;

      Map<Long, Long> postgres = postgresTicks();
      if (elapsed > 0 && !lastPostgresTicks.isEmpty()) {
        long delta = 0;
        for (Map.Entry<Long, Long> process : postgres.entrySet()) {
          // a backend that started since the last sample counts from zero
          delta += process.getValue() - lastPostgresTicks.getOrDefault(process.getKey(), 0L);
        }
        postgresPercent = percent(Math.max(delta, 0), elapsed);
        postgresCpu.add(second, postgresPercent);
      }
      lastPostgresTicks = postgres;

      String procStat = ProcFiles.read(Path.of("/proc/stat"));
      if (procStat != null) {
        long[] machine = ProcFiles.machineTicks(procStat);
        if (lastMachineTicks != null && machine[1] > lastMachineTicks[1]) {
          double busyShare = (double) (machine[0] - lastMachineTicks[0]) / (machine[1] - lastMachineTicks[1]);
          double machinePercent = busyShare * Runtime.getRuntime().availableProcessors() * 100;
          machineCpu.add(second, machinePercent);
          if (!Double.isNaN(generatorPercent) && !Double.isNaN(postgresPercent)) {
            double known = generatorPercent + postgresPercent + (Double.isNaN(serverPercent) ? 0 : serverPercent);
            otherCpu.add(second, Math.max(0, machinePercent - known));
          }
        }
        lastMachineTicks = machine;
      }
    } catch (RuntimeException e) {
      // a sample lost (process gone between two reads): the next one starts over
    }
  }

  private double percent(long ticks, double seconds) {
    return ticks / (double) ticksPerSecond / seconds * 100;
  }

  private static long processTicks(long pid) {
    String stat = ProcFiles.read(Path.of("/proc", Long.toString(pid), "stat"));
    return stat == null ? -1 : ProcFiles.cpuTicks(stat);
  }

  private static Map<Long, Long> postgresTicks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(p -> {
            String stat = ProcFiles.read(p.resolve("stat"));
            if (stat != null && ProcFiles.command(stat).equals("postgres")) {
              ticks.put(Long.parseLong(p.getFileName().toString()), ProcFiles.cpuTicks(stat));
            }
          });
    } catch (java.io.IOException | RuntimeException e) {
      return Map.of();
    }
    return ticks;
  }
}
