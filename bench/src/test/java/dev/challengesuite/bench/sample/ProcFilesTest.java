package dev.challengesuite.bench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
  private static final String STAT =
      "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1500 250 0 0 20 0 40 0 123 456 789";

  @Test
  @DisplayName("CPU time is utime + stime, even when the command name has spaces and parentheses")
  void cpuTicks() {
    assertThat(ProcFiles.cpuTicks(STAT)).isEqualTo(1750);
    assertThat(ProcFiles.command(STAT)).isEqualTo("java (my) app");
  }

  @Test
  @DisplayName("RSS comes from the VmRSS line, in KiB")
  void rss() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n";

    assertThat(ProcFiles.rssKiB(status)).hasValue(123456);
    assertThat(ProcFiles.rssKiB("Name:\tkthreadd\n")).isEmpty();
  }

  @Test
  @DisplayName("Machine busy time is everything but idle and iowait")
  void machine() {
    String procStat = "cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n";

    long[] ticks = ProcFiles.machineTicks(procStat);

    assertThat(ticks[1]).isEqualTo(1000);
    assertThat(ticks[0]).isEqualTo(160);
  }

  @Test
  @DisplayName("Total memory comes from MemTotal")
  void memTotal() {
    assertThat(ProcFiles.memTotalKiB("MemTotal:       24684136 kB\nMemFree: 1 kB\n")).isEqualTo(24684136);
  }
}
