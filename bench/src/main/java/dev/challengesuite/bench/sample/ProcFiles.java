package dev.challengesuite.bench.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads the few numbers the samplers need from Linux's {@code /proc} (proc(5)). */
public final class ProcFiles {

  private ProcFiles() {}

  /** user + system CPU time of a process in clock ticks, from a {@code /proc/<pid>/stat} line. */
  public static long cpuTicks(String statLine) {
    // comm (field 2) may contain spaces and parentheses: the fields after it start past the last ')'
    String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The command name (field 2) of a {@code /proc/<pid>/stat} line. */
  public static String command(String statLine) {
    return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
  }

  /** Resident set size in KiB from {@code /proc/<pid>/status}, if the process has one. */
  public static OptionalLong rssKiB(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
      }
    }
    return OptionalLong.empty();
  }

  /** Busy and total ticks of all CPUs from the first line of {@code /proc/stat}. */
  public static long[] machineTicks(String procStat) {
    String[] fields = procStat.substring(0, procStat.indexOf('\n')).trim().split(" +");
    long total = 0;
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
    return new long[] {total - idle, total};
  }

  /** Total memory in KiB from {@code /proc/meminfo}. */
  public static long memTotalKiB(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.substring(9).replace("kB", "").trim());
      }
    }
    return -1;
  }

  /** The file's text, or null when it cannot be read (the process is gone, not Linux, ...). */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on every common Linux. */
  static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
