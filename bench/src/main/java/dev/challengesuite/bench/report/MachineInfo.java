package dev.challengesuite.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured: what a figure means depends on it. */
public record MachineInfo(int cpus, String cpuModel, long memoryMiB, String os, String benchJdk, String serverJdk) {

  public static MachineInfo detect(String serverJdk) {
    String cpuModel = "unknown";
    long memoryMiB = -1;
    try {
      cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
      long kib = dev.challengesuite.bench.sample.ProcFiles.memTotalKiB(Files.readString(Path.of("/proc/meminfo")));
      memoryMiB = kib < 0 ? -1 : kib / 1024;
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        cpuModel,
        memoryMiB,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        serverJdk);
  }
}
