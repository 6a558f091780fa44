package dev.challengesuite.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's report files: {@code report.md}, {@code report.json}, {@code latency.svg}. */
public final class ReportWriter {

  public static final String CHART = "latency.svg";

  private ReportWriter() {}

  public static void write(Report report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(CHART),
        LatencyChart.render(report.scenario() + ": latency by percentile (successful requests)",
            LatencyChart.lines(report.phases())));
    Files.writeString(directory.resolve("report.md"), MarkdownReport.render(report, CHART));
    Files.writeString(directory.resolve("report.json"), JsonReport.render(report).encodePrettily());
  }
}
