package dev.challengesuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  private final String md = MarkdownReport.render(Reports.sample(), "latency.svg");

  @Test
  @DisplayName("The report starts with the command line and the machine")
  void header() {
    assertThat(md).startsWith("# Benchmark: events-max\n")
        .contains("- command: `java -jar bench/target/challenge-bench.jar events-max`")
        .contains("2 CPUs (Test CPU), 24000 MiB memory");
  }

  @Test
  @DisplayName("Each endpoint row has its counts, rate, percentiles and errors by status")
  void endpointRows() {
    assertThat(md).contains("| gRPC stat | 101 | 100 | 1 | 100.0 | 5.00 | 9.50 | 9.90 | 10.0 | 10.0 | overload/dropped: 1 |")
        .contains("| PUT goal active | 1 | 0 | 1 | 0.0 | – | – | – | – | – | 404: 1 |");
  }

  @Test
  @DisplayName("Each phase says how late the generator itself sent, since that is part of every latency")
  void sendLag() {
    assertThat(md).contains("the generator sent late by p99 0.00 ms, max 5.00 ms (included in the latencies below)");
  }

  @Test
  @DisplayName("A phase with several endpoints gets an 'all' row")
  void allRow() {
    assertThat(md).contains("| all | 102 | 100 | 2 | 100.0 |");
  }

  @Test
  @DisplayName("Warm-up phases are marked as not measured")
  void warmUpMarked() {
    assertThat(md).contains("### warm-up (warm-up, not measured)").contains("### step 100/s\n");
  }

  @Test
  @DisplayName("Scenario sections, resources per 10 s, the chart and notes are rendered")
  void sections() {
    assertThat(md).contains("## Steps\n\n**Highest step: 100/s.**")
        .contains("| server CPU | % of a core | 50.0 | 60.0 | 70.0 | 2 |")
        .contains("| 0 | 50.0 |")
        .contains("| 10 | 70.0 |")
        .contains("![latency percentiles](latency.svg)")
        .contains("- a note | with a pipe");
  }

  @Test
  @DisplayName("A pipe inside a table cell is escaped so that the table stays whole")
  void pipesEscaped() {
    StringBuilder out = new StringBuilder();
    MarkdownReport.table(out, Table.builder("a").row("x|y").build());

    assertThat(out.toString()).contains("| x\\|y |");
  }
}
